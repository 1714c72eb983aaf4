package org.facsflow.fusion;

import org.facsflow.io.AtomicFile;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The two fusion tables as CSV, one row per face per window, plain commas, empty cells where a value is missing (as
 * analyze's CSV), each file written whole or not at all:
 * <ul>
 *   <li>early: {@code face_id, window_start, window_end}, every feature, then the standardised {@code _z} ones;</li>
 *   <li>late: per dimension (valence, arousal, engagement) {@code <d>_face_only}, {@code <d>_fused}, then per source
 *       {@code <d>_<source>} (its estimate; the face's is {@code <d>_face_only}) and {@code <d>_<source>_share} (its
 *       share of the fused value, 0 while it is unavailable).</li>
 * </ul>
 */
public final class FusionTables {
    private FusionTables() {
    }

    public static void writeEarly(Path csv, EarlyFusion early) throws IOException {
        List<String> columns = early.columns();
        AtomicFile.writeText(csv, out -> {
            header(out, columns);
            Windows w = early.windows();
            for (Map.Entry<Integer, Map<String, double[]>> face : early.features().entrySet())
                for (int i = 0; i < w.count(); i++) {
                    List<Double> row = new ArrayList<>();
                    for (String c : columns) row.add(face.getValue().get(c)[i]);
                    row(out, face.getKey(), w, i, row);
                }
        });
    }

    public static void writeLate(Path csv, LateFusion late) throws IOException {
        List<String> columns = lateColumns(late);
        AtomicFile.writeText(csv, out -> {
            header(out, columns);
            Windows w = late.windows();
            for (Map.Entry<Integer, Map<LateFusion.Dimension, LateFusion.Fused>> face : late.faces().entrySet())
                for (int i = 0; i < w.count(); i++) {
                    List<Double> row = new ArrayList<>();
                    for (LateFusion.Dimension d : LateFusion.Dimension.values()) {
                        LateFusion.Fused f = face.getValue().get(d);
                        row.add(f.faceOnly()[i]);
                        row.add(f.fused()[i]);
                        for (LateFusion.Estimate e : sources(late, d)) {
                            LateFusion.Estimate mine = f.sources().stream().filter(x -> x.source().equals(e.source())).findFirst().orElse(null);
                            if (!e.source().equals(LateFusion.FACE)) row.add(mine == null ? Double.NaN : mine.value()[i]);
                            row.add(mine == null ? Double.NaN : mine.share()[i]);
                        }
                    }
                    row(out, face.getKey(), w, i, row);
                }
        });
    }

    /** The late table's columns after face_id, window_start, window_end. */
    static List<String> lateColumns(LateFusion late) {
        List<String> columns = new ArrayList<>();
        for (LateFusion.Dimension d : LateFusion.Dimension.values()) {
            columns.add(d.label() + "_face_only");
            columns.add(d.label() + "_fused");
            for (LateFusion.Estimate e : sources(late, d)) {
                if (!e.source().equals(LateFusion.FACE)) columns.add(d.label() + "_" + e.source());
                columns.add(d.label() + "_" + e.source() + "_share");
            }
        }
        return columns;
    }

    /** Every source any face has for dimension d, in first-seen order (the signals' person has the most). */
    private static List<LateFusion.Estimate> sources(LateFusion late, LateFusion.Dimension d) {
        List<LateFusion.Estimate> all = new ArrayList<>();
        for (Map<LateFusion.Dimension, LateFusion.Fused> face : late.faces().values())
            for (LateFusion.Estimate e : face.get(d).sources())
                if (all.stream().noneMatch(x -> x.source().equals(e.source()))) all.add(e);
        return all;
    }

    private static void header(Writer out, List<String> columns) throws IOException {
        out.append("face_id,window_start,window_end");
        for (String c : columns) out.append(',').append(c);
        out.append('\n');
    }

    private static void row(Writer out, int face, Windows w, int i, List<Double> values) throws IOException {
        out.append(Integer.toString(face)).append(',').append(number(w.from(i))).append(',').append(number(w.to(i)));
        for (double v : values) out.append(',').append(number(v));
        out.append('\n');
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
    }
}
