package org.facsflow.modelprep;

import org.facsflow.models.Asset;
import org.facsflow.models.AssetCatalog;
import org.facsflow.models.AssetStore;
import org.facsflow.models.AssetUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Set-up into a fresh cache, from the tarballs a real set-up obtained (so no network here). */
class AssetPreparerTest {

    @Test
    void preparesEveryAssetWithTheRecordedHashAndThenDoesNothing(@TempDir Path home) throws IOException {
        Path packages = Files.createDirectories(home.resolve("packages"));
        try (var tarballs = Files.list(AssetStore.defaultHome().resolve("packages"))) {
            for (Path tgz : tarballs.toList()) link(tgz, packages.resolve(tgz.getFileName()));
        }
        AssetStore store = new AssetStore(home, AssetCatalog.load());
        List<String> log = new ArrayList<>();

        List<AssetPreparer.Outcome> first = new AssetPreparer(store, log::add).prepareAll(false);

        // Our converters are deterministic: each output equals the SHA-256 recorded in the repository.
        assertThat(first).hasSize(store.catalog().all().size()).allMatch(AssetPreparer.Outcome::matches);
        for (Asset a : store.catalog().all()) assertThat(store.status(a)).isEqualTo(AssetStore.Status.PRESENT);
        assertThat(new AssetPreparer(store, log::add).prepareAll(false)).as("second run").isEmpty();
        try (var leftovers = Files.list(home)) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("packages", "models", "media");
        }
    }

    /** A hard link where the file system allows one (JUnit warns about symbolic links out of @TempDir), else a copy. */
    private static void link(Path existing, Path link) throws IOException {
        try {
            Files.createLink(link, existing);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(existing, link);
        }
    }

    @Test
    void aChangedFileIsRefusedWithWhatToRun(@TempDir Path home) throws IOException {
        AssetStore store = new AssetStore(home, AssetCatalog.load());
        assertThatThrownBy(() -> store.require("face-mesh")).isInstanceOf(AssetUnavailableException.class)
                .hasMessageContaining("not prepared").hasMessageContaining("./facsflow setup");
        Path file = store.location(store.catalog().get("face-mesh"));
        Files.createDirectories(file.getParent());
        Files.writeString(file, "not the model");
        store.recheck();
        assertThatThrownBy(() -> store.require("face-mesh")).hasMessageContaining("does not match its recorded SHA-256")
                .hasMessageContaining(file.toString());
    }

    @Test
    void aPackageTheRegistryDoesNotHaveIsAClearError(@TempDir Path home) {
        NpmRegistry npm = new NpmRegistry(home);
        assertThatThrownBy(() -> npm.tarball("@facsflow/no-such-package", "0.0.0"))
                .isInstanceOf(IOException.class).hasMessageContaining("npm pack @facsflow/no-such-package@0.0.0 failed");
    }
}
