package org.facsflow.apps.live;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Names for what the live window saves: {@code live-20261126-143005}, with -2, -3... when that name is taken. */
final class OutputNames {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private OutputNames() {
    }

    /** A stem no file in {@code dir} has with any of {@code extensions} (e.g. ".csv", ".mp4"). */
    static String freeStem(Path dir, String... extensions) {
        String base = "live-" + LocalDateTime.now().format(TIME);
        for (int n = 1; ; n++) {
            String stem = n == 1 ? base : base + "-" + n;
            boolean taken = false;
            for (String ext : extensions) taken |= Files.exists(dir.resolve(stem + ext));
            if (!taken) return stem;
        }
    }
}
