package org.facsflow.study;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A study's manifest: a CSV file with a header line and one row per recording.
 *
 * <table>
 *   <caption>Columns (names are case-insensitive; order is free)</caption>
 *   <tr><td>participant</td><td>required</td><td>the participant's id</td></tr>
 *   <tr><td>condition</td><td>required</td><td>the stimulus watched, e.g. AdA</td></tr>
 *   <tr><td>video</td><td>required</td><td>the recording; relative paths are read from the manifest's folder</td></tr>
 *   <tr><td>onset</td><td>optional</td><td>seconds into the recording at which the stimulus starts (default 0)</td></tr>
 *   <tr><td>duration</td><td>optional</td><td>stimulus length in seconds; later frames are neither decoded nor stored (default: to the end)</td></tr>
 *   <tr><td>any other</td><td>covariate</td><td>kept as text with each recording, written to the outputs</td></tr>
 * </table>
 *
 * Blank lines and lines starting with {@code #} are skipped. Everything is checked before any video is touched, and
 * every problem is reported at once: missing or misspelt columns (a column within two letters of a reserved name is
 * taken for a typo, not a covariate), bad numbers, missing videos, a participant/condition pair or a video listed
 * twice. The design is read from the rows: within-subject when every participant has every condition,
 * between-subject when every participant has exactly one. Anything in between is refused, naming the participants
 * that break the pattern: drop their rows, or give each recording of a between-subject participant its own id.
 */
public final class StudyManifest {
    static final String PARTICIPANT = "participant", CONDITION = "condition", VIDEO = "video", ONSET = "onset",
            DURATION = "duration", FRAME_RATE = "frame_rate";
    private static final List<String> REQUIRED = List.of(PARTICIPANT, CONDITION, VIDEO);
    private static final List<String> RESERVED = List.of(PARTICIPANT, CONDITION, VIDEO, ONSET, DURATION, FRAME_RATE);

    private final Path source;
    private final List<Recording> recordings;
    private final List<String> covariateNames;
    private final Design design;

    private StudyManifest(Path source, List<Recording> recordings, List<String> covariateNames, Design design) {
        this.source = source;
        this.recordings = List.copyOf(recordings);
        this.covariateNames = List.copyOf(covariateNames);
        this.design = design;
    }

    /** What a manifest's video cell names, as the file system holding the videos sees it. */
    public enum VideoKind { MISSING, FILE, FOLDER, UNREADABLE }

    /** Looks at a manifest's videos: on the local file system, or on another one (the Spark job's Hadoop file systems). */
    @FunctionalInterface
    public interface VideoFiles {
        VideoFiles LOCAL = video -> !Files.exists(video) ? VideoKind.MISSING
                : Files.isDirectory(video) ? VideoKind.FOLDER
                : Files.isRegularFile(video) && Files.isReadable(video) ? VideoKind.FILE : VideoKind.UNREADABLE;

        /** @param video an absolute path on that file system */
        VideoKind kind(Path video);
    }

    /** Reads and checks a manifest; throws with every problem found. */
    public static StudyManifest read(Path manifest) throws IOException, ManifestException {
        if (!Files.isRegularFile(manifest))
            throw new ManifestException(manifest, List.of(manifest + ": no such file"));
        return parse(manifest.toAbsolutePath(), Files.readAllLines(manifest, StandardCharsets.UTF_8), VideoFiles.LOCAL);
    }

    /**
     * Checks a manifest's lines as {@link #read} does, with its videos (relative to {@code manifest}'s folder) looked
     * up in {@code videos}.
     *
     * @param manifest the manifest's absolute path on the file system of {@code videos}
     */
    public static StudyManifest parse(Path manifest, List<String> lines, VideoFiles videos) throws ManifestException {
        return new Parser(manifest, videos).parse(lines);
    }

    public Path source() {
        return source;
    }

    /** The rows, in manifest order. */
    public List<Recording> recordings() {
        return recordings;
    }

    public List<String> covariateNames() {
        return covariateNames;
    }

    public Design design() {
        return design;
    }

    /** The conditions in order of first appearance. */
    public List<String> conditions() {
        return recordings.stream().map(Recording::condition).distinct().toList();
    }

    private static final class Parser {
        private final Path manifest;
        private final String name;
        private final VideoFiles videos;
        private final List<String> problems = new ArrayList<>();

        Parser(Path manifest, VideoFiles videos) {
            this.manifest = manifest;
            this.name = manifest.getFileName().toString();
            this.videos = videos;
        }

        StudyManifest parse(List<String> lines) throws ManifestException {
            int headerAt = firstContentLine(lines, 0);
            if (headerAt < 0) throw new ManifestException(manifest, List.of(name + ": empty; expected a header line "
                    + "with columns participant, condition, video"));
            Map<String, Integer> columns = new LinkedHashMap<>(), covariates = new LinkedHashMap<>();
            List<String> header = cells(lines.get(headerAt).replace("\uFEFF", ""), headerAt);
            if (header == null) throw new ManifestException(manifest, problems);
            readHeader(header, headerAt + 1, columns, covariates);
            if (!problems.isEmpty()) throw new ManifestException(manifest, problems);

            List<Recording> recordings = new ArrayList<>();
            Map<String, Integer> pairLine = new HashMap<>(), videoLine = new HashMap<>(), idLine = new HashMap<>();
            for (int i = firstContentLine(lines, headerAt + 1); i >= 0; i = firstContentLine(lines, i + 1)) {
                List<String> row = cells(lines.get(i), i);
                if (row == null) continue;
                int lineNo = i + 1;
                if (row.size() != header.size()) {
                    problem(lineNo, row.size() + " cells where the header has " + header.size());
                    continue;
                }
                Recording r = recording(row, lineNo, columns, covariates);
                if (r == null) continue;
                Integer seen = pairLine.putIfAbsent(r.participant() + "\u0000" + r.condition(), lineNo);
                if (seen != null) {
                    problem(lineNo, "participant " + r.participant() + " in condition " + r.condition()
                            + " is already listed on line " + seen);
                    continue;
                }
                seen = videoLine.putIfAbsent(r.video().normalize().toString(), lineNo);
                if (seen != null) problem(lineNo, "video " + r.video() + " is already listed on line " + seen);
                seen = idLine.putIfAbsent(r.id(), lineNo);
                if (seen != null)
                    problem(lineNo, "participant and condition map to the same result name " + r.id()
                            + " as line " + seen + "; rename one (letters, digits, '.', '-' are kept)");
                recordings.add(r);
            }
            if (recordings.isEmpty() && problems.isEmpty()) problems.add(name + ": no recordings below the header");
            if (!problems.isEmpty()) throw new ManifestException(manifest, problems);
            Design design = design(recordings);
            if (!problems.isEmpty()) throw new ManifestException(manifest, problems);
            return new StudyManifest(manifest, recordings, List.copyOf(covariates.keySet()), design);
        }

        private void readHeader(List<String> header, int lineNo, Map<String, Integer> columns, Map<String, Integer> covariates) {
            for (int c = 0; c < header.size(); c++) {
                String column = header.get(c).trim();
                String key = column.toLowerCase(Locale.ROOT);
                if (column.isEmpty()) {
                    problem(lineNo, "column " + (c + 1) + " has no name");
                } else if (RESERVED.contains(key)) {
                    if (columns.putIfAbsent(key, c) != null) problem(lineNo, "column " + key + " appears twice");
                } else {
                    String near = RESERVED.stream().filter(r -> editDistance(r, key) <= 2).findFirst().orElse(null);
                    if (near != null) problem(lineNo, "unknown column '" + column + "': did you mean '" + near
                            + "'? (other columns are covariates and must not look like " + String.join(", ", RESERVED) + ")");
                    else if (covariates.keySet().stream().anyMatch(column::equalsIgnoreCase))
                        problem(lineNo, "column " + column + " appears twice");
                    else covariates.put(column, c);
                }
            }
            for (String required : REQUIRED)
                if (!columns.containsKey(required)) problem(lineNo, "missing required column '" + required
                        + "' (required: " + String.join(", ", REQUIRED) + ")");
        }

        private Recording recording(List<String> row, int lineNo, Map<String, Integer> columns, Map<String, Integer> covariates) {
            int before = problems.size();
            String participant = required(row, columns, PARTICIPANT, lineNo);
            String condition = required(row, columns, CONDITION, lineNo);
            String videoText = required(row, columns, VIDEO, lineNo);
            double onset = number(row, columns, ONSET, 0, lineNo);
            double duration = number(row, columns, DURATION, Double.NaN, lineNo);
            if (duration == 0) problem(lineNo, "duration must be positive");
            double frameRate = number(row, columns, FRAME_RATE, Double.NaN, lineNo);
            if (frameRate == 0) problem(lineNo, "frame_rate must be positive");
            Path video = null;
            if (videoText != null) {
                video = manifest.getParent().resolve(videoText).normalize();
                switch (videos.kind(video)) {
                    case MISSING -> problem(lineNo, "video " + videoText + " does not exist (looked for " + video + ")");
                    case FOLDER -> {
                        // a folder of frames: the extractor reads its images as one video
                    }
                    case UNREADABLE -> problem(lineNo, "video " + videoText + " is not a readable file or a folder of frames");
                    case FILE -> {
                        if (!Double.isNaN(frameRate) && !CodingFileExtractor.namesCodingFile(video))
                            problem(lineNo, "frame_rate is for folders of frames and AU files without times; the "
                                    + "container of " + videoText + " times its frames");
                    }
                }
            }
            if (problems.size() > before) return null;
            Map<String, String> values = new LinkedHashMap<>();
            covariates.forEach((column, c) -> values.put(column, row.get(c).trim()));
            return new Recording(Recording.idOf(participant, condition), participant, condition, video, frameRate,
                    onset, duration, values);
        }

        private String required(List<String> row, Map<String, Integer> columns, String column, int lineNo) {
            String value = row.get(columns.get(column)).trim();
            if (value.isEmpty()) {
                problem(lineNo, "empty " + column);
                return null;
            }
            return value;
        }

        private double number(List<String> row, Map<String, Integer> columns, String column, double absent, int lineNo) {
            Integer c = columns.get(column);
            if (c == null || row.get(c).isBlank()) return absent;
            String text = row.get(c).trim();
            try {
                double value = Double.parseDouble(text);
                if (Double.isFinite(value) && value >= 0) return value;
            } catch (NumberFormatException ignored) {
                // reported below
            }
            problem(lineNo, column + " '" + text + "' is not a number " + (column.equals(FRAME_RATE) ? "of frames per second" : "of seconds") + " >= 0");
            return absent;
        }

        private Design design(List<Recording> recordings) {
            Set<String> conditions = new LinkedHashSet<>();
            Map<String, Set<String>> byParticipant = new LinkedHashMap<>();
            for (Recording r : recordings) {
                conditions.add(r.condition());
                byParticipant.computeIfAbsent(r.participant(), p -> new LinkedHashSet<>()).add(r.condition());
            }
            if (conditions.size() < 2) {
                problems.add(name + ": only one condition (" + conditions.iterator().next()
                        + "); a study compares at least two");
                return null;
            }
            boolean within = byParticipant.values().stream().allMatch(c -> c.size() == conditions.size());
            boolean between = byParticipant.values().stream().allMatch(c -> c.size() == 1);
            if (within) return Design.WITHIN;
            if (between) return Design.BETWEEN;
            List<String> partial = byParticipant.entrySet().stream()
                    .filter(e -> e.getValue().size() > 1 && e.getValue().size() < conditions.size())
                    .map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")").toList();
            List<String> single = byParticipant.entrySet().stream().filter(e -> e.getValue().size() == 1)
                    .map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")").toList();
            List<String> full = byParticipant.entrySet().stream().filter(e -> e.getValue().size() == conditions.size())
                    .map(Map.Entry::getKey).toList();
            List<String> odd = full.size() >= single.size() ? concat(partial, single) : concat(partial, full);
            problems.add(name + ": mixed design: neither every participant has every condition (" + String.join(", ",
                    conditions) + ") nor every participant exactly one; these break the pattern: "
                    + String.join("; ", odd.subList(0, Math.min(10, odd.size())))
                    + (odd.size() > 10 ? "; and " + (odd.size() - 10) + " more" : "")
                    + ". Remove their rows, or give a between-subject participant's recordings distinct ids");
            return null;
        }

        private static List<String> concat(List<String> a, List<String> b) {
            List<String> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        }

        private List<String> cells(String line, int index) {
            try {
                return Csv.parse(line);
            } catch (IllegalArgumentException e) {
                problem(index + 1, e.getMessage());
                return null;
            }
        }

        private void problem(int lineNo, String text) {
            problems.add(name + ":" + lineNo + ": " + text);
        }

        private static int firstContentLine(List<String> lines, int from) {
            for (int i = from; i < lines.size(); i++) {
                String t = lines.get(i).strip();
                if (!t.isEmpty() && !t.startsWith("#")) return i;
            }
            return -1;
        }

        static int editDistance(String a, String b) {
            int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
            for (int j = 0; j <= b.length(); j++) prev[j] = j;
            for (int i = 1; i <= a.length(); i++) {
                cur[0] = i;
                for (int j = 1; j <= b.length(); j++)
                    cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1),
                            prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
                int[] t = prev;
                prev = cur;
                cur = t;
            }
            return prev[b.length()];
        }
    }
}
