package org.facsflow.interop.agreement;

import org.facsflow.interop.AuRow;
import org.facsflow.interop.AuTable;
import org.facsflow.interop.convert.Conversions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which row of a second table describes the same face in the same frame as each row of a first. By time where both
 * tables have times for every row (nearest row within half a frame of the first table), otherwise by frame number.
 * Faces match by id, except that a table with one face matches the other's only face whatever the ids (tools number
 * faces differently). Rows where either side did not find the face are left out.
 */
public final class FramePairs {
    private FramePairs() {
    }

    /** Pairs {row of a, row of b} of indices into the tables' rows. */
    public static List<int[]> align(AuTable a, AuTable b, double frameRate) {
        boolean oneFace = a.faces().size() == 1 && b.faces().size() == 1;
        boolean timed = a.rows().stream().noneMatch(r -> Double.isNaN(r.time()))
                && b.rows().stream().noneMatch(r -> Double.isNaN(r.time()));
        List<int[]> pairs = new ArrayList<>();
        if (!timed) {
            Map<Long, Integer> byKey = new HashMap<>();
            for (int j = 0; j < b.rows().size(); j++) byKey.putIfAbsent(key(b.rows().get(j), oneFace), j);
            for (int i = 0; i < a.rows().size(); i++) {
                Integer j = byKey.get(key(a.rows().get(i), oneFace));
                if (j != null && a.rows().get(i).success() && b.rows().get(j).success()) pairs.add(new int[]{i, j});
            }
            return pairs;
        }
        double tolerance = halfFrame(a, frameRate);
        Map<Integer, double[]> times = new HashMap<>();
        Map<Integer, int[]> indices = new HashMap<>();
        for (int face : b.faces()) {
            List<Integer> rows = new ArrayList<>();
            for (int j = 0; j < b.rows().size(); j++) if (b.rows().get(j).face() == face) rows.add(j);
            rows.sort((x, y) -> Double.compare(b.rows().get(x).time(), b.rows().get(y).time()));
            times.put(face, rows.stream().mapToDouble(j -> b.rows().get(j).time()).toArray());
            indices.put(face, rows.stream().mapToInt(Integer::intValue).toArray());
        }
        for (int i = 0; i < a.rows().size(); i++) {
            AuRow row = a.rows().get(i);
            int face = oneFace ? b.faces().get(0) : row.face();
            double[] t = times.get(face);
            if (t == null || !row.success()) continue;
            int k = Arrays.binarySearch(t, row.time());
            if (k < 0) {
                int after = -k - 1, before = after - 1;
                k = after >= t.length || (before >= 0 && row.time() - t[before] <= t[after] - row.time()) ? before : after;
            }
            if (k >= 0 && Math.abs(t[k] - row.time()) <= tolerance && b.rows().get(indices.get(face)[k]).success())
                pairs.add(new int[]{i, indices.get(face)[k]});
        }
        return pairs;
    }

    private static long key(AuRow row, boolean oneFace) {
        return ((long) row.frame() << 20) | (oneFace ? 0 : row.face() & 0xFFFFF);
    }

    /** Half the median spacing of a table's times (or of the frame rate where it has under two). */
    private static double halfFrame(AuTable table, double frameRate) {
        double[] t = table.rows().stream().mapToDouble(r -> Conversions.time(r, frameRate)).sorted().distinct().toArray();
        if (t.length < 2) return 0.5 / frameRate;
        double[] d = new double[t.length - 1];
        for (int i = 1; i < t.length; i++) d[i - 1] = t[i] - t[i - 1];
        Arrays.sort(d);
        return d[d.length / 2] / 2;
    }
}
