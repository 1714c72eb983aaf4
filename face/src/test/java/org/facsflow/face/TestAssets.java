package org.facsflow.face;

import org.facsflow.models.SharedFolder;

import org.facsflow.face.pose.CanonicalFace;
import org.facsflow.media.MediaException;
import org.facsflow.media.RgbImage;
import org.facsflow.media.StillImages;
import org.facsflow.models.AssetStore;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * What the face tests read: models and faces prepared at set-up ({@code ./facsflow test} runs set-up first, so a
 * missing one fails the test with the message saying what to run), and the development media and OpenFace reference
 * outputs in {@code shared/} beside the checkout (a test fails when they are absent; CI has them).
 */
public final class TestAssets {
    private static FaceAnalyzer analyzer;

    private TestAssets() {
    }

    public static AssetStore store() {
        return AssetStore.standard();
    }

    /** One analyzer for the whole test JVM: loading the models costs about a second. */
    public static synchronized FaceAnalyzer analyzer() {
        if (analyzer == null) analyzer = FaceAnalyzer.create(store());
        return analyzer;
    }

    public static CanonicalFace canonicalFace() {
        return CanonicalFace.load(store().require("canonical-face"));
    }

    public static RgbImage image(String asset) throws MediaException {
        return StillImages.read(store().require(asset));
    }

    /** A file in shared/ (found from the working directory upwards); the test fails, loudly, without it. */
    public static Path shared(String relative) {
        return SharedFolder.require(relative);
    }

    /** The successful rows of an OpenFace reference CSV (gzip, plain commas) as column name to value. */
    public static List<Map<String, Float>> referenceRows(String file) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(shared("reference/" + file))), StandardCharsets.UTF_8))) {
            String[] header = in.readLine().split(",");
            List<Map<String, Float>> rows = new ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] cells = line.split(",");
                Map<String, Float> row = new HashMap<>();
                for (int i = 0; i < header.length; i++) row.put(header[i], Float.parseFloat(cells[i]));
                if (row.getOrDefault("success", 1f) == 1f) rows.add(row);
            }
            return rows;
        }
    }
}
