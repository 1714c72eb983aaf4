package org.facsflow.apps;

import static org.facsflow.apps.SharedFiles.shared;

import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.coding.AuModel;
import org.facsflow.models.AssetStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/**
 * {@code facsflow calibrate} on a user's own videos and references: the real tracker on the first 60 frames of three
 * people's videos (the development references).
 */
class CalibrateCommandTest {

    @Test
    void refitsOnAUsersVideosIntoANewModelAndACardThatSayHowItWasMade(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("model.json"), card = dir.resolve("card.md");
        CliRun run = CliRun.of("calibrate",
                "--video", shared("media/single_face.mp4").toString(), "--reference", shared("reference/single_face.csv.gz").toString(),
                "--video", shared("media/WolfgangLanger_Pexels.mp4").toString(),
                "--reference", shared("reference/WolfgangLanger_Pexels.csv.gz").toString(),
                "--video", AssetStore.standard().require("video-cap12-edit").toString(),
                "--reference", shared("reference/cap12_edit.csv.gz").toString(),
                "--max-frames", "60", "--no-cv", "--out", model.toString(), "--card", card.toString(),
                "--cache", dir.resolve("cache").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("single_face.mp4 (single_face.mp4): 60 frames"), run.out());
        AuModel fitted = AuModel.read(model);
        for (ActionUnit au : ActionUnit.CODED) assertNotNull(fitted.entry(au), au.code());
        assertTrue(fitted.entry(ActionUnit.AU12).fitted());
        assertTrue(fitted.note().get("inputs").toString().contains("WolfgangLanger_Pexels.mp4"), fitted.note().toString());
        assertFalse(fitted.neutral().isEmpty(), "a population neutral for the hand-set AUs");
        assertTrue(Files.readString(card).contains("| AU12 |"), "the card lists the model per AU");
    }

    @Test
    void unpairedVideoAndReferenceFailWithAClearMessage(@TempDir Path dir) {
        CliRun run = CliRun.of("calibrate", "--video", dir.resolve("a.mp4").toString(), "--out", dir.resolve("m.json").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("1 --video but 0 --reference"), run.err());
        assertFalse(Files.exists(dir.resolve("m.json")));
    }

    @Test
    void fewerThanThreePeopleFailWithAClearMessageAndNoModel(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("m.json");
        CliRun run = CliRun.of("calibrate", "--video", shared("media/single_face.mp4").toString(),
                "--reference", shared("reference/single_face.csv.gz").toString(), "--max-frames", "20", "--no-cv",
                "--out", model.toString(), "--card", dir.resolve("c.md").toString(), "--cache", dir.resolve("cache").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("at least 3 people"), run.err());
        assertFalse(Files.exists(model));
    }
}
