package org.facsflow.modelprep;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Obtains package tarballs with the ordinary npm client ({@code npm pack}), which checks each tarball against the
 * registry's integrity hash. Tarballs are kept in a download folder so a second set-up does no network work.
 */
final class NpmRegistry {
    private final Path downloads;

    NpmRegistry(Path downloads) {
        this.downloads = downloads;
    }

    /** The tarball of {@code name@version}, fetched on first use. */
    Path tarball(String name, String version) throws IOException {
        // npm names scoped tarballs "scope-name-version.tgz".
        Path tgz = downloads.resolve(name.replace("@", "").replace('/', '-') + "-" + version + ".tgz");
        if (Files.isRegularFile(tgz)) return tgz;
        Files.createDirectories(downloads);
        List<String> command = List.of("npm", "pack", name + "@" + version, "--silent",
                "--pack-destination", downloads.toString());
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("cannot run npm (Node.js's package client), which set-up needs to obtain "
                    + name + "@" + version + ": install Node.js/npm and re-run ./facsflow setup", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("npm pack " + name + "@" + version + " did not finish in 10 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + name + "@" + version, e);
        }
        if (process.exitValue() != 0 || !Files.isRegularFile(tgz))
            throw new IOException("npm pack " + name + "@" + version + " failed (exit " + process.exitValue()
                    + "): " + output);
        return tgz;
    }
}
