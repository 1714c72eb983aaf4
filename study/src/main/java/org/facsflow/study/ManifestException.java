package org.facsflow.study;

import java.nio.file.Path;
import java.util.List;

/** A manifest that cannot be used, with every problem found, each naming the manifest and line. */
public final class ManifestException extends Exception {
    private final List<String> problems;

    ManifestException(Path manifest, List<String> problems) {
        super("manifest " + manifest + " has " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + ":\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem, e.g. {@code "study.csv:4: video p02_b.mp4 does not exist"}. */
    public List<String> problems() {
        return problems;
    }
}
