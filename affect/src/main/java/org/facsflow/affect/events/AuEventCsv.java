package org.facsflow.affect.events;

import org.facsflow.facs.ActionUnit;
import org.facsflow.io.AtomicFile;
import org.facsflow.affect.episodes.Episode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The events CSV: one row per AU event, ordered by face then onset. Times in seconds, frames as the caller numbered
 * them, {@code truncated} 1 where the video ended during the event. Written atomically.
 */
public final class AuEventCsv {
    public static final String HEADER = "face_id,au,onset_s,apex_s,offset_s,duration_s,peak,onset_frame,apex_frame,"
            + "offset_frame,truncated";

    private AuEventCsv() {
    }

    public static void write(Path file, List<AuEvent> events) throws IOException {
        List<AuEvent> sorted = events.stream().sorted(Comparator.comparingInt(AuEvent::faceId)
                .thenComparingDouble(e -> e.episode().onset()).thenComparingInt(e -> e.au().number())).toList();
        AtomicFile.writeText(file, out -> {
            out.write(HEADER + "\n");
            for (AuEvent e : sorted) {
                Episode p = e.episode();
                out.write(String.format(Locale.ROOT, "%d,%s,%.3f,%.3f,%.3f,%.3f,%.2f,%d,%d,%d,%d\n", e.faceId(),
                        e.au().code(), p.onset(), p.apex(), p.offset(), p.duration(), p.peak(), p.onsetFrame(),
                        p.apexFrame(), p.offsetFrame(), p.truncated() ? 1 : 0));
            }
        });
    }

    /** The co-occurrence matrix beside it, also atomically. */
    public static void writeCooccurrence(Path file, AuCooccurrence matrix, List<ActionUnit> aus) throws IOException {
        AtomicFile.writeText(file, out -> matrix.writeCsv(out, aus));
    }
}
