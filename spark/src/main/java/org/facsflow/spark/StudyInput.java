package org.facsflow.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsAction;
import org.facsflow.study.Csv;
import org.facsflow.study.ManifestException;
import org.facsflow.study.StudyManifest;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A study to run, from any Hadoop file system: a manifest (checked exactly as {@code study run} checks one, its
 * videos looked up on the manifest's file system), or a folder or glob of videos laid out as
 * {@code CONDITION/PARTICIPANT.mp4}, for which a manifest is written to {@code OUT/manifest.csv} and checked the same
 * way.
 *
 * @param tasks the manifest's rows, in manifest order
 */
record StudyInput(StudyManifest manifest, List<VideoTask> tasks) {
    static final String GENERATED = "manifest.csv";

    static StudyInput read(String input, StudyOutput output, Configuration conf) throws IOException, ManifestException {
        Path given = new Path(input);
        FileSystem fs = given.getFileSystem(conf);
        Path path = fs.makeQualified(given);
        Videos videos = new Videos(fs, path);
        StudyManifest manifest;
        if (isGlob(input) || fs.isDirectory(path)) {
            Path generated = new Path(output.root(), GENERATED);
            List<String> lines = manifestOf(fs, fs.isDirectory(path) ? new Path(path, "*/*") : path);
            StudyOutput.writeString(generated.getFileSystem(conf), generated, String.join("\n", lines) + "\n");
            manifest = StudyManifest.parse(java.nio.file.Path.of(generated.toUri().getPath()), lines, videos);
        } else {
            if (!fs.isFile(path)) throw new FileNotFoundException("manifest " + input + ": no such file");
            List<String> lines = StudyOutput.readString(fs, path).lines().toList();
            manifest = StudyManifest.parse(java.nio.file.Path.of(path.toUri().getPath()), lines, videos);
        }
        List<VideoTask> tasks = manifest.recordings().stream()
                .map(r -> VideoTask.of(r, videos.on(r.video()).toString(), videos.size(r.video()))).toList();
        return new StudyInput(manifest, tasks);
    }

    /** The tasks in the order to hand them out: the largest videos first, so that a long one does not start last. */
    List<VideoTask> largestFirst() {
        return tasks.stream().sorted(Comparator.comparingLong(VideoTask::size).reversed()).toList();
    }

    private static boolean isGlob(String input) {
        return input.chars().anyMatch(c -> "*?[{".indexOf(c) >= 0);
    }

    /** A manifest of the files a pattern matches: participant = file name without extension, condition = its folder. */
    private static List<String> manifestOf(FileSystem fs, Path pattern) throws IOException {
        FileStatus[] found = fs.globStatus(pattern);
        List<String> lines = new ArrayList<>(List.of(Csv.line("participant", "condition", "video")));
        if (found == null) return lines;
        Arrays.sort(found, Comparator.comparing(f -> f.getPath().toString()));
        for (FileStatus f : found) {
            String name = f.getPath().getName();
            if (!f.isFile() || name.startsWith(".") || name.startsWith("_")) continue;
            int dot = name.lastIndexOf('.');
            lines.add(Csv.line(dot > 0 ? name.substring(0, dot) : name, f.getPath().getParent().getName(),
                    f.getPath().toUri().getPath()));
        }
        return lines;
    }

    /** The manifest's videos on the manifest's file system (its scheme and authority), with their sizes. */
    private static final class Videos implements StudyManifest.VideoFiles {
        private final FileSystem fs;
        private final Path base;
        private final Map<java.nio.file.Path, Long> sizes = new HashMap<>();

        Videos(FileSystem fs, Path base) {
            this.fs = fs;
            this.base = base;
        }

        Path on(java.nio.file.Path video) {
            return new Path(base.toUri().getScheme(), base.toUri().getAuthority(), video.toString());
        }

        long size(java.nio.file.Path video) {
            return sizes.getOrDefault(video, 0L);
        }

        @Override
        public StudyManifest.VideoKind kind(java.nio.file.Path video) {
            try {
                FileStatus status = fs.getFileStatus(on(video));
                fs.access(status.getPath(), FsAction.READ);
                sizes.put(video, status.isDirectory() ? 0 : status.getLen());
                return status.isDirectory() ? StudyManifest.VideoKind.FOLDER : StudyManifest.VideoKind.FILE;
            } catch (FileNotFoundException e) {
                return StudyManifest.VideoKind.MISSING;
            } catch (IOException e) {
                return StudyManifest.VideoKind.UNREADABLE;
            }
        }
    }
}
