package org.facsflow.apps;

import static org.facsflow.apps.SharedFiles.shared;

import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.coding.AuModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** {@code facsflow calibrate} on a user's own video and reference (the real tracker on single_face.mp4, 72 frames). */
class CalibrateCommandTest {

    @Test
    void refitsOnAUsersVideoIntoANewModelFileThatSaysHowItWasMade(@TempDir Path dir) throws Exception {
        Path video = shared("media/single_face.mp4"), reference = shared("reference/single_face.csv.gz");
        Path model = dir.resolve("model.json");
        CliRun run = CliRun.of("calibrate", "--video", video.toString(), "--reference", reference.toString(),
                "--person", "sf", "--out", model.toString(), "--cache", dir.resolve("cache").toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("IN-SAMPLE"), run.out());
        AuModel fitted = AuModel.read(model);
        for (ActionUnit au : ActionUnit.CODED) assertNotNull(fitted.entry(au), au.code());
        assertTrue(fitted.note().containsKey("inputs") && fitted.note().containsKey("method"), fitted.note().toString());
        assertTrue(fitted.note().get("inputs").toString().contains("single_face.mp4"));
        assertFalse(fitted.neutral().isEmpty(), "a population neutral for stills");
        assertTrue(fitted.entry(ActionUnit.AU12).cutoff() > 0);
    }

    @Test
    void unpairedVideoAndReferenceFailWithAClearMessage(@TempDir Path dir) {
        CliRun run = CliRun.of("calibrate", "--video", dir.resolve("a.mp4").toString(), "--out", dir.resolve("m.json").toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("1 --video but 0 --reference"), run.err());
        assertFalse(Files.exists(dir.resolve("m.json")));
    }

}
