package org.facsflow.fusion;

import org.facsflow.facs.validation.OpenFaceRow;
import org.facsflow.pipeline.table.ResultSchema;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The lines {@code summarize} prints about a face's voice and, when {@code fuse} has run beside the CSV, its fused
 * signals: how much of the time the face was the speaker, its pitch (median and the 10th to 90th percentile range in
 * semitones), level and syllable rate; then per dimension the face-only mean, the fused mean and each source's mean
 * share.
 */
public final class FusionSummary {
    private FusionSummary() {
    }

    /** @param rows the face's rows of the results CSV (any that were tracked) */
    public static List<String> voice(List<OpenFaceRow> rows) {
        List<OpenFaceRow> speaking = rows.stream().filter(r -> !Double.isNaN(r.value(ResultSchema.VOICE_ACTIVE))).toList();
        if (speaking.isEmpty()) return List.of();
        double active = speaking.stream().mapToDouble(r -> r.value(ResultSchema.VOICE_ACTIVE)).average().orElse(Double.NaN);
        double[] f0 = values(speaking, ResultSchema.VOICE_F0), st = values(speaking, ResultSchema.VOICE_F0_SEMITONES);
        double[] rate = values(speaking, ResultSchema.VOICE_RATE), level = values(speaking, ResultSchema.VOICE_ENERGY);
        return List.of(String.format(Locale.ROOT, "voice: the speaker in %d of %d frame(s), voice active %.0f%% of them; "
                        + "pitch median %.0f Hz, %.1f to %+.1f semitones around it (10th-90th percentile); level median "
                        + "%.0f dBFS; %.1f syllables/s", speaking.size(), rows.size(), 100 * active, percentile(f0, 50),
                percentile(st, 10), percentile(st, 90), percentile(level, 50), mean(rate)));
    }

    /**
     * The face's line per dimension from {@code <stem>_fusion.csv} beside {@code resultsCsv}; empty when {@code fuse}
     * has not written one.
     */
    public static List<String> fused(Path resultsCsv, int faceId) throws IOException {
        String stem = resultsCsv.getFileName().toString().replaceFirst("(\\.csv)?(\\.gz)?$", "");
        Path late = resultsCsv.toAbsolutePath().resolveSibling(stem + "_fusion.csv");
        if (!Files.isRegularFile(late)) return List.of();
        List<String> lines = Files.readAllLines(late, StandardCharsets.UTF_8);
        List<String> header = Arrays.asList(lines.get(0).split(",", -1));
        List<String[]> mine = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (cells[0].equals(Integer.toString(faceId))) mine.add(cells);
        }
        List<String> out = new ArrayList<>();
        if (mine.isEmpty()) return out;
        out.add("fused (" + late.getFileName() + ", " + mine.size() + " windows), mean face only -> fused, and each source's mean share:");
        for (LateFusion.Dimension d : LateFusion.Dimension.values()) {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  %s: %s -> %s", d.label(),
                    fixed(column(mine, header, d.label() + "_face_only")), fixed(column(mine, header, d.label() + "_fused"))));
            List<String> shares = new ArrayList<>();
            for (String c : header)
                if (c.startsWith(d.label() + "_") && c.endsWith("_share"))
                    shares.add(c.substring(d.label().length() + 1, c.length() - "_share".length()) + " "
                            + String.format(Locale.ROOT, "%.0f%%", 100 * column(mine, header, c)));
            if (!shares.isEmpty()) b.append(" (").append(String.join(", ", shares)).append(')');
            out.add(b.toString());
        }
        return out;
    }

    private static double column(List<String[]> rows, List<String> header, String name) {
        int c = header.indexOf(name);
        if (c < 0) return Double.NaN;
        double sum = 0;
        int n = 0;
        for (String[] r : rows) {
            if (c >= r.length || r[c].isEmpty()) continue;
            sum += Double.parseDouble(r[c]);
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static double[] values(List<OpenFaceRow> rows, String column) {
        return rows.stream().mapToDouble(r -> r.value(column)).filter(v -> !Double.isNaN(v)).sorted().toArray();
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        double rank = p / 100 * (sorted.length - 1);
        int lo = (int) Math.floor(rank), hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double mean(double[] v) {
        return v.length == 0 ? Double.NaN : Arrays.stream(v).average().orElseThrow();
    }

    private static String fixed(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%+.2f", v);
    }
}
