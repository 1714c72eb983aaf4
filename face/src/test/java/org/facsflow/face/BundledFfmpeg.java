package org.facsflow.face;

import org.bytedeco.javacpp.Loader;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The ffmpeg program inside the bytedeco jar (the machine has no other), for tests that make media at test time:
 * turned, re-encoded or composed clips, from real faces in {@code shared/}. Nothing it makes is kept.
 */
public final class BundledFfmpeg {
    private BundledFfmpeg() {
    }

    /** Runs {@code ffmpeg -y ARGS}; fails with ffmpeg's own messages when it does. */
    public static void run(String... args) throws IOException, InterruptedException {
        Path program = Path.of(Loader.load(org.bytedeco.ffmpeg.ffmpeg.class));
        List<String> command = new ArrayList<>(List.of(program.toString(), "-hide_banner", "-loglevel", "error", "-y"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // Its shared libraries lie beside it, in the jar's unpacked cache.
        builder.environment().merge("LD_LIBRARY_PATH", program.getParent().toString(), (old, dir) -> dir + ":" + old);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("ffmpeg did not finish in 2 minutes: " + command);
        }
        if (process.exitValue() != 0) throw new IOException("ffmpeg failed (" + process.exitValue() + "): " + output);
    }
}
