package org.facsflow.interop.convert;

import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.IntensityScale;
import org.facsflow.interop.AuRow;
import org.facsflow.interop.AuTable;
import org.facsflow.interop.EventLabels;
import org.facsflow.interop.LabelEvent;
import org.facsflow.interop.Samples;
import org.facsflow.interop.boris.BorisTabular;
import org.facsflow.interop.elan.EafWriter;
import org.facsflow.interop.read.CodingFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Conversions between tools on real files, round trips, and outputs that appear whole or not at all. */
class ConversionsTest {
    @TempDir
    Path dir;

    @Test
    void borisExportsReadAsEventsAndOursReadBack() throws IOException {
        EventLabels tsv = CodingFiles.readEvents(Samples.interop("boris/test_export_events_tabular.tsv"));
        EventLabels csv = CodingFiles.readEvents(Samples.interop("boris/test_export_events_tabular.csv"));
        assertThat(tsv.format().version()).isEqualTo("events export (TSV)");
        assertThat(tsv.media()).contains("video_test_25fps_360s.mp4");
        // START/STOP pairs: subject1 s 3.3-7.75, 9.9-16.2, 18.35-24.475; subject2 s 38.425-46.1
        assertThat(tsv.events()).extracting(LabelEvent::onset).containsExactly(3.3, 9.9, 18.35, 38.425);
        assertThat(tsv.events()).extracting(LabelEvent::face).containsExactly(0, 0, 0, 1);
        assertThat(csv.events()).isEqualTo(tsv.events());

        EventLabels aggregated = CodingFiles.readEvents(Samples.interop("boris/test_export_aggregated_events_test_full_1.tsv"));
        assertThat(aggregated.format().version()).startsWith("aggregated");
        assertThat(aggregated.events()).anySatisfy(e -> {
            assertThat(e.onset()).isEqualTo(32.825);
            assertThat(e.offset()).isEqualTo(32.825); // a point event
        });

        // AU events with letters through our BORIS file and back: the same events, at millisecond precision
        EventLabels ours = new EventLabels(dir.resolve("x"), tsv.format(), java.util.Optional.of("clip.mp4"), List.of(
                new LabelEvent("AU12", 0, ActionUnit.AU12, "C", 1.25, 2.5, IntensityScale.C),
                new LabelEvent("AU6", 0, ActionUnit.AU6, "present", 1.3, 2.0, null),
                new LabelEvent("smile", 1, null, "Duchenne", 3.0, 4.125, null)));
        Path out = dir.resolve("ours.tsv");
        BorisTabular.write(out, ours);
        EventLabels back = CodingFiles.readEvents(out);
        assertThat(back.events()).extracting(LabelEvent::au, LabelEvent::intensity, LabelEvent::onset, LabelEvent::offset, LabelEvent::face)
                .containsExactlyElementsOf(ours.events().stream().map(e -> org.assertj.core.groups.Tuple.tuple(e.au(),
                        e.intensity(), e.onset(), e.offset(), e.face())).toList());
        assertThat(back.events().get(2).value()).isEqualTo("Duchenne");
    }

    @Test
    void aTableThroughOurCsvIsUnchanged() throws IOException {
        AuTable imotions = CodingFiles.readTable(Samples.interop("imotions/iMotions_Test_v6.txt"));
        Path csv = dir.resolve("v6.csv");
        AuTableCsv.write(csv, imotions, ", ");
        AuTable back = CodingFiles.readTable(csv);
        assertThat(back.format().tool()).isEqualTo("OpenFace"); // OpenFace's layout, so OpenFace's scripts read it
        assertThat(back.columns()).isEqualTo(imotions.columns());
        assertThat(back.rows()).hasSameSizeAs(imotions.rows());
        for (int i = 0; i < back.rows().size(); i++) {
            AuRow a = imotions.rows().get(i), b = back.rows().get(i);
            assertThat(List.of(b.frame(), b.time(), b.success())).isEqualTo(List.of(a.frame(), a.time(), a.success()));
            assertThat(Arrays.equals(a.presence(), b.presence())).as("row %d", i).isTrue();
        }
    }

    @Test
    void eventsBecomeFramesAndPresenceRunsBecomeEvents() throws IOException {
        EventLabels exploface = CodingFiles.readEvents(Samples.interop("elan/exploface_video_AU_tiers.eaf"));
        AuTable frames = Conversions.frames(exploface, 25, dir.resolve("x.csv"));
        int au12 = frames.indexOf(ActionUnit.AU12);
        // AU12 3.76-6.17 s: frames whose time (f - 1) / 25 is in [3.76, 6.17) are 95..155
        assertThat(frames.rows().stream().filter(r -> r.presence()[au12] == 1).map(AuRow::frame).toList())
                .first().isEqualTo(95);
        assertThat(frames.rows().stream().filter(r -> r.presence()[au12] == 1).count()).isEqualTo(61);
        // ...and back to events: the same onsets to a frame, offsets at the next frame
        EventLabels again = Conversions.events(frames, 25);
        LabelEvent e = again.auEvents().stream().filter(x -> x.au().equals(ActionUnit.AU12)).findFirst().orElseThrow();
        assertThat(e.onset()).isEqualTo(3.76);
        assertThat(e.offset()).isEqualTo(6.2);
    }

    @Test
    void aFailedConversionLeavesNothing() throws IOException {
        Path out = dir.resolve("out.eaf");
        EventLabels labels = CodingFiles.readEvents(Samples.interop("elan/exploface_video_AU_tiers.eaf"));
        Files.createDirectory(dir.resolve("blocked"));
        Path blocked = dir.resolve("blocked/out.eaf");
        Files.createDirectory(blocked); // a folder where the file should go: the rename fails
        assertThatThrownBy(() -> EafWriter.write(blocked, labels)).isInstanceOf(IOException.class);
        assertThat(Files.list(dir.resolve("blocked"))).containsExactly(blocked);
        EafWriter.write(out, labels);
        assertThat(Files.list(dir)).contains(out).noneMatch(p -> p.getFileName().toString().endsWith(".part"));
    }
}
