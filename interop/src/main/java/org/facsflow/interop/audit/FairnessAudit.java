package org.facsflow.interop.audit;

import org.facsflow.facs.validation.OpenFaceCsv;
import org.facsflow.interop.AuTable;
import org.facsflow.interop.agreement.Bootstrap;
import org.facsflow.interop.agreement.Interval;
import org.facsflow.interop.read.CodingFiles;
import org.facsflow.interop.read.OpenFaceReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Does a measure work equally well for every group of people? For each recording of the group table, its result
 * (any supported file named by its id in the results folder) is compared with its reference ({@link ClipMeasures});
 * a person's value is the mean of their recordings'; a group's, the mean of its people's, with a percentile
 * bootstrap interval over people (people resampled within the group). Per grouping column and measure, the largest
 * gap is between the groups with the highest and lowest value among those with at least {@link Bootstrap#MIN_UNITS}
 * people; its interval resamples people within each of the two groups, and a gap is flagged when that interval
 * excludes zero. The two groups are picked on the same data, which pulls the gap away from zero: a flag asks for a
 * closer look, it does not prove a difference.
 */
public final class FairnessAudit {
    /** A group's value of one measure. */
    public record GroupValue(String column, String group, String measure, int people, int recordings, double value,
                             Interval interval) {
    }

    /** The largest gap of one measure under one grouping. */
    public record Gap(String column, String measure, String higher, String lower, double gap, Interval interval) {
        public boolean flagged() {
            return interval.excludes(0);
        }
    }

    /** A recording that could not take part, and why. */
    public record Skipped(String id, String reason) {
    }

    public record Result(List<ClipMeasures> recordings, List<GroupValue> groups, List<Gap> gaps, List<Skipped> skipped,
                         GroupTable table) {
    }

    private FairnessAudit() {
    }

    public static Result run(Path results, Path references, GroupTable table, double frameRate, Bootstrap bootstrap) {
        List<ClipMeasures> clips = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Map<String, GroupTable.Entry> byId = new LinkedHashMap<>();
        for (GroupTable.Entry e : table.entries()) {
            Optional<Path> result = find(results, e.id()), reference = find(references, e.id());
            if (result.isEmpty() || reference.isEmpty()) {
                skipped.add(new Skipped(e.id(), "no " + (result.isEmpty() ? "result in " + results : "reference in " + references)));
                continue;
            }
            try {
                Read r = read(result.get()), ref = read(reference.get());
                clips.add(ClipMeasures.of(e.id(), r.table, r.csv, ref.table, ref.csv, frameRate));
                byId.put(e.id(), e);
            } catch (IOException | RuntimeException x) {
                skipped.add(new Skipped(e.id(), x.getMessage()));
            }
        }
        List<GroupValue> groups = new ArrayList<>();
        List<Gap> gaps = new ArrayList<>();
        for (String column : table.columns()) {
            for (int m = 0; m < ClipMeasures.NAMES.size(); m++) {
                Map<String, double[]> people = people(clips, byId, column, m);
                Map<String, GroupValue> values = new TreeMap<>();
                for (Map.Entry<String, double[]> g : people.entrySet()) {
                    double[] v = g.getValue();
                    int measure = m;
                    int recordings = (int) clips.stream().filter(c -> !Double.isNaN(c.values()[measure])
                            && byId.get(c.id()).labels().get(column).equals(g.getKey())).count();
                    values.put(g.getKey(), new GroupValue(column, g.getKey(), ClipMeasures.NAMES.get(m), v.length, recordings,
                            mean(v, null), Interval.of(bootstrap.interval(v.length, d -> mean(v, d)))));
                }
                groups.addAll(values.values());
                gap(column, ClipMeasures.NAMES.get(m), values, people, bootstrap).ifPresent(gaps::add);
            }
        }
        return new Result(clips, groups, gaps, skipped, table);
    }

    private record Read(AuTable table, OpenFaceCsv csv) {
    }

    /** OpenFace-layout files are parsed once for both their AUs and their landmarks. */
    private static Read read(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (name.endsWith(".gz") || name.endsWith(".csv")) {
            OpenFaceCsv csv = OpenFaceCsv.read(file);
            if (csv.hasColumn("confidence")) return new Read(OpenFaceReader.table(csv, ","), csv);
        }
        return new Read(CodingFiles.readTable(file), null);
    }

    /** The file in {@code dir} named {@code id} plus extensions (id.csv, id.csv.gz, id.txt, ...). */
    static Optional<Path> find(Path dir, String id) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(id + ".") && !n.substring(id.length() + 1).contains("_");
            }).sorted().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Per group, each person's value of measure m (the mean of their recordings'), people with no value left out. */
    private static Map<String, double[]> people(List<ClipMeasures> clips, Map<String, GroupTable.Entry> byId, String column,
                                                int m) {
        Map<String, Map<String, List<Double>>> groups = new TreeMap<>();
        for (ClipMeasures c : clips) {
            double v = c.values()[m];
            if (Double.isNaN(v)) continue;
            GroupTable.Entry e = byId.get(c.id());
            groups.computeIfAbsent(e.labels().get(column), k -> new LinkedHashMap<>())
                    .computeIfAbsent(e.person(), k -> new ArrayList<>()).add(v);
        }
        Map<String, double[]> out = new TreeMap<>();
        groups.forEach((g, persons) -> out.put(g, persons.values().stream()
                .mapToDouble(l -> l.stream().mapToDouble(Double::doubleValue).average().orElseThrow()).toArray()));
        return out;
    }

    private static Optional<Gap> gap(String column, String measure, Map<String, GroupValue> values,
                                     Map<String, double[]> people, Bootstrap bootstrap) {
        GroupValue high = null, low = null;
        for (GroupValue g : values.values()) {
            if (g.people() < Bootstrap.MIN_UNITS) continue;
            if (high == null || g.value() > high.value()) high = g;
            if (low == null || g.value() < low.value()) low = g;
        }
        if (high == null || high == low) return Optional.empty();
        double[] a = people.get(high.group()), b = people.get(low.group());
        return Optional.of(new Gap(column, measure, high.group(), low.group(), high.value() - low.value(),
                Interval.of(bootstrap.interval(a.length, b.length, (da, db) -> mean(a, da) - mean(b, db)))));
    }

    /** The mean of {@code v}, or of the drawn elements of it. */
    private static double mean(double[] v, int[] drawn) {
        if (drawn == null) {
            double s = 0;
            for (double x : v) s += x;
            return s / v.length;
        }
        double s = 0;
        for (int i : drawn) s += v[i];
        return s / drawn.length;
    }
}
