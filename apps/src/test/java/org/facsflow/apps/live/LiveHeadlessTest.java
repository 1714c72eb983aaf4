package org.facsflow.apps.live;

import org.facsflow.apps.LiveCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.awt.GraphicsEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** Without a display, {@code facsflow live} says so and exits 4 before opening anything. */
class LiveHeadlessTest {
    @Test
    void aHeadlessRunGivesAClearMessageAndExitFour() {
        // The test JVM runs headless (the build sets java.awt.headless=true for every test).
        assumeThat(GraphicsEnvironment.isHeadless()).as("a headless test JVM").isTrue();
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = new CommandLine(new LiveCommand()).execute("--source", "lavfi:testsrc2=size=320x240:rate=30");
        } finally {
            System.setErr(oldErr);
        }
        assertThat(code).isEqualTo(4);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .startsWith("facsflow live: no display: Java runs headless")
                .contains("needs a desktop session");
    }
}
