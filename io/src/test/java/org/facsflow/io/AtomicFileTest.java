package org.facsflow.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicFileTest {

    @Test
    void aCommittedFileAppearsWholeAndNothingElseIsLeft(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("result.csv");
        try (AtomicFile file = AtomicFile.create(target)) {
            file.stream().write("a,b\n1,2\n".getBytes());
            assertThat(target).doesNotExist();
            file.commit();
        }
        assertThat(target).hasContent("a,b\n1,2");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void aFailureBeforeCommitLeavesNeitherTheTargetNorATemporaryFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("result.png");
        Files.writeString(target, "the previous result");
        assertThatThrownBy(() -> AtomicFile.write(target, out -> {
            out.write(1);
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(target).hasContent("the previous result");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void textIsUtf8(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("résumé.txt");
        AtomicFile.writeText(target, w -> w.write("Lächeln"));
        assertThat(Files.readString(target)).isEqualTo("Lächeln");
    }
}
