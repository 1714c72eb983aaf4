package org.facsflow.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Opens a video in a child JVM started under a given locale, as a user's shell would start facsflow, and prints what
 * happened on one line: "opened WxH" or the MediaException's message.
 */
public final class LocaleProbe {
    private static final Path LAUNCHER = Path.of("..", "facsflow").toAbsolutePath().normalize();

    private LocaleProbe() {
    }

    public static void main(String[] args) {
        try (VideoSource video = VideoSources.open(args[0])) {
            System.out.println("opened " + video.width() + "x" + video.height());
        } catch (MediaException e) {
            System.out.println(e.getMessage());
        }
    }

    /** Runs the probe on {@code file} in {@code dir} with one locale variable set ("LC_ALL=C") and the rest unset. */
    static String run(Path dir, String locale, String file) throws IOException, InterruptedException {
        return start(dir, locale, List.of(java(), "-cp", System.getProperty("java.class.path"),
                LocaleProbe.class.getName(), file));
    }

    /** As {@link #run}, with the locale the launcher script {@code facsflow} sets up for Java. */
    static String runThroughLauncher(Path dir, String locale, String file) throws IOException, InterruptedException {
        // Sourcing the launcher defines its functions without running a command.
        return start(dir, locale, List.of("bash", "-c", "source \"$1\" && java_locale && exec \"$2\" -cp \"$3\" \"$4\" \"$5\"",
                "locale-probe", LAUNCHER.toString(), java(), System.getProperty("java.class.path"),
                LocaleProbe.class.getName(), file));
    }

    private static String start(Path dir, String locale, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.equals("LANG") || name.startsWith("LC_"));
        String[] variable = locale.split("=", 2);
        builder.environment().put(variable[0], variable[1]);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) process.destroyForcibly();
        // The child writes its messages in its locale's encoding: ASCII under C, where "é" is printed as "?".
        return new String(output, StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("WARNING")).reduce("",
                (a, b) -> a.isEmpty() ? b : a + "\n" + b);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
