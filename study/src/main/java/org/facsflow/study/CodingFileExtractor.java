package org.facsflow.study;

import org.facsflow.facs.ActionUnit;
import org.facsflow.interop.AuColumn;
import org.facsflow.interop.AuRow;
import org.facsflow.interop.AuTable;
import org.facsflow.interop.read.CodingFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A recording that another tool has already coded: its AU file (OpenFace, Py-Feat, iMotions, FaceReader, Affectiva,
 * OpenGraphAU or a frame-label CSV; {@link CodingFiles} recognises the tool from the content) read into the study's
 * frames instead of a video. The AU intensities are the tool's own, on the 0-5 scale its reader maps them to; a tool
 * with presences only gives nothing the study's metrics can use and is refused. Times are the file's, or frame
 * numbers over the manifest's {@code frame_rate} where it has none.
 */
public final class CodingFileExtractor implements VideoExtractor {
    private static final List<String> SUFFIXES = List.of(".csv", ".csv.gz", ".tsv", ".txt", ".json", ".jsonl");
    private String description = "coded by another tool";

    /** Whether {@code recording} is an AU file rather than a video or a folder of frames (a file, by its suffix). */
    public static boolean accepts(Path recording) {
        return Files.isRegularFile(recording) && namesCodingFile(recording);
    }

    /** Whether the name has an AU file's suffix (no video has one). */
    public static boolean namesCodingFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return SUFFIXES.stream().anyMatch(name::endsWith);
    }

    @Override
    public void extract(Recording recording, Consumer<StudyFrame> sink, Progress progress) throws IOException {
        Path file = recording.video();
        AuTable table = CodingFiles.readTable(file);
        int[] signal = new int[table.columns().size()];
        boolean anyIntensity = false;
        for (int i = 0; i < signal.length; i++) {
            AuColumn c = table.columns().get(i);
            signal[i] = c.intensity() ? ActionUnit.CODED.indexOf(c.au()) : -1;
            anyIntensity |= signal[i] >= 0;
        }
        if (!anyIntensity)
            throw new IOException(file + ": " + table.format() + " gives AU presence only, no intensities; a study's "
                    + "metrics are intensities (0-5)");
        description = "coded by " + table.format().tool() + ": read from its file (" + table.format().version() + ")";
        List<AuRow> rows = table.rows();
        long frames = 0;
        for (int start = 0; start < rows.size(); ) {
            int frame = rows.get(start).frame(), end = start;
            while (end < rows.size() && rows.get(end).frame() == frame) end++;
            double time = time(rows.get(start), recording, file);
            if (time > recording.endSeconds()) break;
            boolean any = false;
            for (int k = start; k < end; k++) {
                AuRow row = rows.get(k);
                if (!row.success()) continue;
                float[] intensities = new float[StudyFrame.AU_COUNT];
                Arrays.fill(intensities, Float.NaN);
                for (int i = 0; i < signal.length; i++) if (signal[i] >= 0) intensities[signal[i]] = row.intensity()[i];
                sink.accept(new StudyFrame(row.face(), frame - 1, time, intensities, true, null));
                any = true;
            }
            if (!any) sink.accept(StudyFrame.noFace(frame - 1, time));
            progress.decoded(++frames, time);
            start = end;
        }
    }

    /** The row's time, or its frame over the manifest's frame rate; an error where neither is known. */
    private static double time(AuRow row, Recording recording, Path file) throws IOException {
        if (!Double.isNaN(row.time())) return row.time();
        if (!Double.isNaN(recording.frameRate())) return (row.frame() - 1) / recording.frameRate();
        throw new IOException(file + ": the file gives no times; put the recording's frame rate in the manifest's "
                + "frame_rate column");
    }

    @Override
    public String description() {
        return description;
    }
}
