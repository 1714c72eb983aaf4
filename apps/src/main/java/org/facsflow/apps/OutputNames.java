package org.facsflow.apps;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The output names of one run's inputs, so that no two inputs write the same file: {@code a/face.jpg},
 * {@code b/face.jpg} and {@code b/face.mp4} would all write {@code face.csv}. Each input's stem is its file name
 * without extension when none of the files it writes is taken by an earlier input of the run; otherwise the extension
 * is added ({@code face_mp4}), then the folder ({@code b_face_jpg}), then a number. Every rename is announced once.
 */
final class OutputNames {
    private final Path dir;
    private final Map<String, String> stems = new HashMap<>();

    private OutputNames(Path dir) {
        this.dir = dir;
    }

    /**
     * @param suffixes what each input writes beside its stem (".csv", "_overlay.jpg", ...)
     * @param naturalStem an input's stem before any collision ({@link VideoJob#stem}, {@link Batch#baseName})
     */
    static OutputNames assign(Path dir, List<String> inputs, Function<String, List<String>> suffixes,
                              Function<String, String> naturalStem, PrintStream err) {
        OutputNames names = new OutputNames(dir);
        Set<String> taken = new HashSet<>();
        Map<String, String> firstOwner = new HashMap<>();
        for (String input : inputs) {
            if (names.stems.containsKey(input)) continue;
            String natural = naturalStem.apply(input);
            List<String> written = suffixes.apply(input);
            String stem = candidates(input, natural)
                    .filter(c -> written.stream().noneMatch(s -> taken.contains(c + s))).findFirst().orElseThrow();
            for (String s : written) taken.add(stem + s);
            names.stems.put(input, stem);
            firstOwner.putIfAbsent(natural, input);
            if (!stem.equals(natural))
                err.printf("facsflow: %s: results named %s, as %s already writes %s%s%n", input, stem,
                        firstOwner.get(natural), natural, written.get(0));
        }
        return names;
    }

    /** The natural stem, then with the extension, then with the folder too, then numbered. */
    private static Stream<String> candidates(String input, String natural) {
        Path path = Path.of(input).toAbsolutePath().normalize();
        String extension = Batch.extension(path);
        String withExtension = extension.isEmpty() ? natural : natural + "_" + extension;
        Path parent = path.getParent();
        String withFolder = parent == null || parent.getFileName() == null ? withExtension
                : parent.getFileName() + "_" + withExtension;
        return Stream.concat(Stream.of(natural, withExtension, withFolder),
                IntStream.iterate(2, n -> n + 1).mapToObj(n -> withFolder + "-" + n));
    }

    String stem(String input) {
        String stem = stems.get(input);
        if (stem == null) throw new IllegalArgumentException(input + " was not named for this run");
        return stem;
    }

    Path file(String stem, String suffix) {
        return dir.resolve(stem + suffix);
    }
}
