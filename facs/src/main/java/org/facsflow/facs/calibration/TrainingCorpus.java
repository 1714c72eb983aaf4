package org.facsflow.facs.calibration;

import org.facsflow.models.AssetStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The videos calibration learns from by default: the training corpus ({@code shared/training}: {@code corpus.csv}
 * names each clip and who is in it, {@code clips/ID.mp4} and {@code openface/ID.csv.gz} hold it and its reference) and
 * the development references ({@code shared/reference}: cap12_edit from set-up, WolfgangLanger_Pexels and
 * single_face from {@code shared/media}). Never the validation videos
 * (DEVELOPERS.md names them): they stay unseen.
 */
public final class TrainingCorpus {
    private TrainingCorpus() {
    }

    /** The clips listed in {@code training/corpus.csv}, in its order. */
    public static List<TrainingClip.Source> training(Path training) throws IOException {
        Path list = training.resolve("corpus.csv");
        if (!Files.isRegularFile(list)) throw new IOException(list + ": no corpus list");
        List<String> lines = Files.readAllLines(list);
        if (lines.isEmpty() || !lines.get(0).startsWith("id,person,"))
            throw new IOException(list + ": expected a header starting id,person,");
        List<TrainingClip.Source> sources = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) continue;
            String[] cells = line.split(",", 3);
            sources.add(new TrainingClip.Source(cells[0], cells[1], training.resolve("clips").resolve(cells[0] + ".mp4"),
                    training.resolve("openface").resolve(cells[0] + ".csv.gz")));
        }
        return sources;
    }

    /** The three development videos with references (one person each). */
    public static List<TrainingClip.Source> development(Path shared, AssetStore store) {
        Path media = shared.resolve("media"), reference = shared.resolve("reference");
        return List.of(
                new TrainingClip.Source("cap12_edit", "cap12", store.require("video-cap12-edit"), reference.resolve("cap12_edit.csv.gz")),
                new TrainingClip.Source("WolfgangLanger_Pexels", "wolfgang", media.resolve("WolfgangLanger_Pexels.mp4"),
                        reference.resolve("WolfgangLanger_Pexels.csv.gz")),
                new TrainingClip.Source("single_face", "single_face", media.resolve("single_face.mp4"),
                        reference.resolve("single_face.csv.gz")));
    }
}
