package org.facsflow.models;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.NoSuchElementException;

/** The committed list of every model and medium facsflow prepares at set-up ({@code catalogue.json}). */
public final class AssetCatalog {
    private final List<Asset> assets;

    private AssetCatalog(List<Asset> assets) {
        this.assets = List.copyOf(assets);
    }

    public static AssetCatalog load() {
        try (InputStream in = AssetCatalog.class.getResourceAsStream("catalogue.json")) {
            if (in == null) throw new IllegalStateException("catalogue.json is missing from the classpath");
            return new AssetCatalog(new ObjectMapper().readValue(in, new TypeReference<List<Asset>>() {}));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model catalogue", e);
        }
    }

    public List<Asset> all() {
        return assets;
    }

    public Asset get(String name) {
        return assets.stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no asset named " + name + " in the catalogue"));
    }
}
