package org.facsflow.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;

/**
 * Where ONNX Runtime's native libraries load from. By default ONNX Runtime unpacks them (28 MB) from its jar into a
 * new temporary folder on every start and leaves the folder behind; instead they are unpacked once into the cache
 * ({@code native/onnxruntime-linux-x64} under {@link AssetStore#defaultHome()}) and loaded from there through
 * ONNX Runtime's {@code onnxruntime.native.path} property. A copy whose size differs from the jar's (another ONNX
 * Runtime version) is replaced. Where the jar has no libraries for this platform, ONNX Runtime's default stands.
 * It only copies resources, so this module needs no ONNX Runtime dependency; whatever loads ONNX Runtime calls it first.
 */
public final class OnnxRuntimeLibraries {
    private static final String PROPERTY = "onnxruntime.native.path";
    private static final List<String> LIBRARIES = List.of("onnxruntime", "onnxruntime4j_jni");

    private OnnxRuntimeLibraries() {
    }

    /** Points ONNX Runtime at the cached copy, unpacking it first if needed; call before ONNX Runtime loads. */
    public static synchronized void useCachedCopy() {
        String platform = platform();
        if (System.getProperty(PROPERTY) != null || platform == null) return;
        Path dir = AssetStore.defaultHome().resolve("native").resolve("onnxruntime-" + platform);
        try {
            for (String library : LIBRARIES) {
                String file = System.mapLibraryName(library);
                URL resource = OnnxRuntimeLibraries.class.getResource("/ai/onnxruntime/native/" + platform + "/" + file);
                if (resource == null) return;
                Path target = dir.resolve(file);
                long size = resource.openConnection().getContentLengthLong();
                if (Files.isRegularFile(target) && Files.size(target) == size) continue;
                Files.createDirectories(dir);
                // Unpacked beside the target and moved into place, so a concurrent start never loads half a file.
                Path tmp = Files.createTempFile(dir, file, ".tmp");
                try (InputStream in = resource.openStream()) {
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack ONNX Runtime's libraries into " + dir + ": " + e.getMessage(), e);
        }
        System.setProperty(PROPERTY, dir.toString());
    }

    /** ONNX Runtime's name for this platform's folder in its jar, or null where facsflow does not know it. */
    private static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.startsWith("linux")) return null;
        if (arch.equals("amd64") || arch.equals("x86_64")) return "linux-x64";
        if (arch.equals("aarch64")) return "linux-aarch64";
        return null;
    }
}
