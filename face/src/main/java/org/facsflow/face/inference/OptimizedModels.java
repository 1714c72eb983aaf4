package org.facsflow.face.inference;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import org.facsflow.models.AssetStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * ONNX Runtime's own optimisation of each model, kept between runs: a session made from the optimised graph with
 * optimisation off starts about 100 ms sooner for the six models (130-150 ms against 26-53 ms here). The optimised
 * graph may use this CPU's instructions (ONNX Runtime warns of that), so the cache is kept per ONNX Runtime version
 * and CPU ({@code optimized/VERSION-CPU/} under the cache), and per model file (name, size and time). It is derived
 * data: a copy that fails to load is deleted and made again, and one that cannot be written is simply not kept.
 */
final class OptimizedModels {
    private static final Path DIR = AssetStore.defaultHome().resolve("optimized");

    private OptimizedModels() {
    }

    /** A session for {@code model}, from its optimised copy when one exists (made now otherwise). */
    static OrtSession open(OrtEnvironment env, Path model, OrtSession.SessionOptions options) throws OrtException {
        Path cached = cachedCopy(env, model);
        if (cached != null && Files.isRegularFile(cached)) {
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
            try {
                return env.createSession(cached.toString(), options);
            } catch (OrtException damaged) {
                deleteQuietly(cached);
            }
        }
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        Path tmp = cached == null ? null : temporary(cached);
        if (tmp != null) {
            options.setOptimizedModelFilePath(tmp.toString());
            // ONNX Runtime warns that the copy is for this CPU only: that is why the cache is kept per CPU.
            options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
        }
        OrtSession session = env.createSession(model.toString(), options);
        if (tmp != null) keep(tmp, cached);
        return session;
    }

    private static Path cachedCopy(OrtEnvironment env, Path model) {
        try {
            String key = model.getFileName() + "-" + Files.size(model) + "-" + Files.getLastModifiedTime(model).toMillis();
            return DIR.resolve(env.getVersion() + "-" + cpu()).resolve(key + ".onnx");
        } catch (IOException e) {
            return null;
        }
    }

    /** A temporary name beside the copy, unique to this process and thread, or null if the folder cannot be made. */
    private static Path temporary(Path cached) {
        try {
            Files.createDirectories(cached.getParent());
            return cached.resolveSibling(cached.getFileName() + "." + ProcessHandle.current().pid() + "-"
                    + Thread.currentThread().getId() + ".part");
        } catch (IOException e) {
            return null;
        }
    }

    private static void keep(Path tmp, Path cached) {
        try {
            if (Files.isRegularFile(tmp)) Files.move(tmp, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(tmp);
        }
    }

    /** This CPU, as a short name: its model and instruction-set flags, hashed. */
    private static String cpu() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            String id = lines.filter(l -> l.startsWith("model name") || l.startsWith("flags")).distinct()
                    .reduce("", String::concat);
            return HexFormat.of().toHexDigits(id.hashCode());
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the cache is only an optimisation
        }
    }
}
