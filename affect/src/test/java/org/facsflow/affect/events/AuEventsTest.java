package org.facsflow.affect.events;

import org.facsflow.affect.AffectTimeline;
import org.facsflow.affect.AuIntensities;
import org.facsflow.affect.circumplex.ValenceArousal;
import org.facsflow.facs.ActionUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.facsflow.affect.SyntheticSeries.time;
import static org.facsflow.affect.SyntheticSeries.trapezoid;
import static org.facsflow.affect.SyntheticSeries.yaw;

/** AU events, their co-occurrence and the events CSV, from a hand-made video of two faces. */
class AuEventsTest {
    /** Face 0: brow lowerer (AU4) 20-80 overlapping lip tightener (AU23) 50-110, then AU4 again 150-180. Face 1: AU12. */
    private static AffectTimeline.Summary video() {
        AffectTimeline timeline = new AffectTimeline();
        for (int i = 0; i < 200; i++) {
            AuIntensities face0 = AuIntensities.of(Map.of(4, trapezoid(i, 20, 80, 6, 2.5f) + trapezoid(i, 150, 180, 3, 2f),
                    23, trapezoid(i, 50, 110, 6, 2.5f)));
            AuIntensities face1 = AuIntensities.of(Map.of(12, trapezoid(i, 60, 120, 6, 3f)));
            timeline.add(0, i, time(i), face0, yaw(0), new ValenceArousal(-0.3f, 0.2f));
            timeline.add(1, i, time(i), face1, yaw(0), new ValenceArousal(0.5f, 0.1f));
        }
        return timeline.finish();
    }

    @Test
    void everyAuEpisodeOfEveryFaceIsAnEvent() {
        AffectTimeline.Summary summary = video();
        List<AuEvent> face0 = summary.events().stream().filter(e -> e.faceId() == 0).toList();
        assertThat(face0).extracting(e -> e.au().number()).containsExactlyInAnyOrder(4, 23, 4);
        AuEvent firstBrow = face0.stream().filter(e -> e.au().equals(ActionUnit.AU4))
                .min((a, b) -> Double.compare(a.episode().onset(), b.episode().onset())).orElseThrow();
        // Crosses 1.0 a third of the way up and down its 6-frame ramps.
        assertThat(firstBrow.episode().onset()).isCloseTo((20 + 2.4) / 30.0, within(1 / 30.0));
        assertThat(firstBrow.episode().offset()).isCloseTo((80 - 2.4) / 30.0, within(1 / 30.0));
        assertThat(firstBrow.episode().duration()).isCloseTo(55.2 / 30.0, within(2 / 30.0));
        assertThat(summary.events().stream().filter(e -> e.faceId() == 1).map(e -> e.au().number()))
                .containsExactly(12);
        assertThat(summary.smiles()).hasSize(1);
        assertThat(summary.smiles().get(0).faceId()).isEqualTo(1);
        assertThat(summary.circumplex()).hasSize(2);
        assertThat(summary.circumplex().get(0).size()).isEqualTo(200);
    }

    @Test
    void cooccurrenceCountsOverlappingEventsOfTheSameFace() {
        AuCooccurrence c = video().cooccurrence();
        assertThat(c.count(ActionUnit.AU4, ActionUnit.AU23)).isEqualTo(1);
        assertThat(c.count(ActionUnit.AU23, ActionUnit.AU4)).isEqualTo(1);
        assertThat(c.count(ActionUnit.AU4, ActionUnit.AU4)).as("events of AU4").isEqualTo(2);
        // AU12 of face 1 overlaps AU4 and AU23 of face 0 in time, but they are different people.
        assertThat(c.count(ActionUnit.AU12, ActionUnit.AU23)).isZero();
    }

    @Test
    void writesTheEventsCsvAtomically(@TempDir Path dir) throws IOException {
        AffectTimeline.Summary summary = video();
        Path csv = dir.resolve("video_events.csv");
        AuEventCsv.write(csv, summary.events());
        AuEventCsv.writeCooccurrence(dir.resolve("video_cooccurrence.csv"), summary.cooccurrence(), ActionUnit.CODED);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo(AuEventCsv.HEADER);
        assertThat(lines).hasSize(1 + 4);
        assertThat(lines.get(1)).startsWith("0,AU4,0.767,");
        assertThat(lines.get(4)).startsWith("1,AU12,");
        List<String> matrix = Files.readAllLines(dir.resolve("video_cooccurrence.csv"));
        assertThat(matrix).hasSize(1 + ActionUnit.CODED.size());
        assertThat(matrix.get(3)).startsWith("AU4,0,0,2,");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("video_events.csv",
                    "video_cooccurrence.csv");
        }
    }
}
