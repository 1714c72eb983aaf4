package org.facsflow.apps;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.facsflow.apps.SharedFiles.shared;

/**
 * Ctrl-C (SIGINT) or a kill (SIGTERM) in the middle of {@code analyze}, in a process of its own as a user sends
 * them: while the models load (this crashed the JVM inside ONNX Runtime, exit 134 and an hs_err file) and while a
 * video is analysed. The process must exit with 130, leave no crash log and no result, half-written or not.
 */
class InterruptTest {
    @ParameterizedTest
    @ValueSource(strings = {"INT while loading", "TERM while analysing"})
    void aSignalStopsTheRunCleanly(String when, @TempDir Path dir) throws Exception {
        Path out = dir.resolve("out"), errFile = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xss4m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "analyze",
                shared("media/WolfgangLanger_Pexels.mp4").toString(), "-o", out.toString())
                .directory(dir.toFile()).redirectOutput(dir.resolve("stdout.txt").toFile()).redirectError(errFile.toFile()).start();
        // The loading line is printed before the models load and ends with their time once they are loaded.
        String awaited = when.endsWith("loading") ? "loading models..." : "loading models... ";
        while (process.isAlive() && !(Files.exists(errFile) && Files.readString(errFile).contains(awaited))) Thread.sleep(20);
        if (when.endsWith("analysing")) Thread.sleep(500);
        new ProcessBuilder("kill", "-" + signal(when), Long.toString(process.pid())).start().waitFor();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the process ended").isTrue();
        String err = Files.readString(errFile);
        assertThat(process.exitValue()).as(err).isEqualTo(AnalyzeCommand.INTERRUPTED);
        assertThat(err).doesNotContain("fatal error", "SIGSEGV", "SIGBUS", "Exception");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("hs_err"));
        }
        assertThat(listing(out)).as("no result, whole or partial").isEmpty();
    }

    /**
     * The signal to send: the case's own, but TERM where this process (and so the child) ignores INT, as a shell
     * started without job control makes its background commands do. The JVM cannot take over an ignored signal, and
     * no terminal could send it one either; TERM goes through the same handler.
     */
    private static String signal(String when) throws IOException {
        String wanted = when.split(" ")[0];
        if (!wanted.equals("INT")) return wanted;
        for (String line : Files.readAllLines(Path.of("/proc/self/status")))
            if (line.startsWith("SigIgn:") && (Long.parseUnsignedLong(line.substring(7).trim(), 16) & 0b10) != 0) return "TERM";
        return wanted;
    }

    private static List<String> listing(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
