package org.facsflow.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A run in another process, for {@link AtomicFileTest}: starts writing {@code args[0]}, prints its temporary file's
 * name, then either dies as kill -9 would ({@code "die"}: no cleanup runs) or waits for a line on its input and
 * commits ({@code "wait"}).
 */
public final class AtomicFileWriter {
    private AtomicFileWriter() {
    }

    public static void main(String[] args) throws IOException {
        AtomicFile file = AtomicFile.create(Path.of(args[0]));
        file.stream().write("half a result".getBytes());
        file.stream().flush();
        System.out.println(file.tempPath().getFileName());
        System.out.flush();
        if (args[1].equals("die")) Runtime.getRuntime().halt(137);
        System.in.read();
        file.commit();
    }
}
