package org.facsflow.modelprep;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** Reads named files out of an npm tarball (.tgz) without unpacking the rest. */
final class PackageArchive {
    private PackageArchive() {
    }

    /** Extracts {@code wanted} (paths inside the tarball) under {@code target}, keeping their relative paths. */
    static void extract(Path tgz, Collection<String> wanted, Path target) throws IOException {
        Set<String> missing = new HashSet<>(wanted);
        try (InputStream file = new BufferedInputStream(Files.newInputStream(tgz));
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null && !missing.isEmpty(); ) {
                if (!entry.isFile() || !missing.remove(entry.getName())) continue;
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) throw new IOException(tgz + ": entry escapes the target: " + entry.getName());
                Files.createDirectories(out.getParent());
                Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (!missing.isEmpty()) throw new IOException(tgz.getFileName() + " lacks " + missing);
    }
}
