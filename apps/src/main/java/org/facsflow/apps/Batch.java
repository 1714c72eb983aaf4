package org.facsflow.apps;

import org.facsflow.media.InputFiles;
import org.facsflow.media.MediaException;
import org.facsflow.media.StillImages;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Runs a job on each input of a batch, images and videos alike: a bad input is reported and the batch goes on; at the
 * end one summary lists what failed, and one rule gives the exit status.
 */
final class Batch {
    /** Extensions a folder is searched for as videos; a file named on the command line is tried whatever its name. */
    static final Set<String> VIDEO_EXTENSIONS = Set.of("mp4", "m4v", "mov", "avi", "mkv", "webm", "mpg", "mpeg",
            "wmv", "flv", "3gp", "ts", "mts", "m2ts", "ogv");

    /** What one input gave. */
    enum Outcome { ANALYSED, NO_FACE }

    /** Analyses one input (a file path or a source spec such as camera:0). */
    interface Job {
        Outcome analyze(String input) throws MediaException, IOException;
    }

    /** One input and the job for it. */
    record Item(String input, Job job) {
    }

    /** What happened to each input. */
    record Summary(List<String> analysed, List<String> withoutFace, List<String> failures) {
        /** 0 every input analysed; 1 some input failed; 3 none failed but no input had a face. */
        int exitCode() {
            if (!failures.isEmpty()) return 1;
            return analysed.isEmpty() ? 3 : 0;
        }
    }

    private final PrintStream out, err;
    private final Summary summary = new Summary(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());

    Batch(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Records a failure found before any job ran (a missing folder, an empty one). */
    void fail(String message) {
        summary.failures().add(message);
        err.println("facsflow: " + message);
    }

    Summary run(List<Item> items) {
        return run(items, () -> false);
    }

    /** As {@link #run(List)}, stopping before the next input once {@code stop} says so (Ctrl-C). */
    Summary run(List<Item> items, BooleanSupplier stop) {
        for (Item item : items) {
            if (stop.getAsBoolean()) {
                fail(item.input() + ": not analysed, the run was interrupted");
                continue;
            }
            try {
                Outcome outcome = item.job().analyze(item.input());
                (outcome == Outcome.ANALYSED ? summary.analysed() : summary.withoutFace()).add(item.input());
            } catch (MediaException e) {
                fail(e.getMessage());
            } catch (IOException e) {
                fail(item.input() + (stop.getAsBoolean() ? ": interrupted, nothing written"
                        : ": cannot write results (" + e.getMessage() + ")"));
            }
        }
        boolean images = items.stream().allMatch(i -> i.job() instanceof ImageJob);
        boolean videos = items.stream().allMatch(i -> i.job() instanceof VideoJob);
        String noun = images ? "image(s)" : videos ? "video(s)" : "input(s)";
        out.printf("%d %s analysed, %d without a face, %d failed%n", summary.analysed().size(), noun,
                summary.withoutFace().size(), summary.failures().size());
        for (String failure : summary.failures()) out.println("  failed: " + failure);
        return summary;
    }

    /**
     * Folders become their image and video files in name order (a folder with neither is a failure); anything else
     * stays as given, but for a name this system cannot encode, which is reported as that input's failure.
     */
    List<String> expand(List<String> inputs) {
        List<String> expanded = new ArrayList<>();
        for (String input : inputs) {
            Path path;
            try {
                path = InputFiles.pathOf(input);
            } catch (MediaException e) {
                fail(e.getMessage());
                continue;
            }
            if (!Files.isDirectory(path)) {
                expanded.add(input);
                continue;
            }
            try (Stream<Path> listing = Files.list(path)) {
                List<String> media = listing.filter(p -> StillImages.hasImageExtension(p) || VIDEO_EXTENSIONS.contains(extension(p)))
                        .sorted().map(Path::toString).toList();
                if (media.isEmpty()) fail(input + ": folder has no image or video files");
                expanded.addAll(media);
            } catch (IOException e) {
                fail(input + ": cannot list the folder (" + e.getMessage() + ")");
            }
        }
        return expanded;
    }

    static String extension(Path p) {
        Path name = p.getFileName();
        if (name == null) return "";
        int dot = name.toString().lastIndexOf('.');
        return dot < 0 ? "" : name.toString().substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The file name without its extension: the stem of the output files. */
    static String baseName(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }
}
