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

    @Test
    void aPartFileLeftByAKilledRunIsDeletedByTheNextRunIntoThatFolder(@TempDir Path dir) throws Exception {
        Process killed = writer(dir.resolve("face.csv"), "die");
        Path leftover = dir.resolve(firstLine(killed));
        assertThat(killed.waitFor()).isEqualTo(137);
        assertThat(leftover).exists(); // nothing cleans up after a process killed outright
        assertThat(leftover.getFileName().toString()).matches("\\.face\\.csv\\.pid" + killed.pid() + "\\.\\d+\\.part");
        Path unrelated = Files.writeString(dir.resolve(".notes.part"), "not ours");

        AtomicFile.writeText(dir.resolve("face_events.csv"), w -> w.write("next run"));

        assertThat(leftover).doesNotExist();
        assertThat(unrelated).exists();
    }

    @Test
    void aRunningWritersPartFileIsLeftAlone(@TempDir Path dir) throws Exception {
        Process running = writer(dir.resolve("a.csv"), "wait");
        Path part = dir.resolve(firstLine(running));

        AtomicFile.writeText(dir.resolve("b.csv"), w -> w.write("another run"));

        assertThat(part).exists();
        running.getOutputStream().write('\n');
        running.getOutputStream().close();
        assertThat(running.waitFor()).isZero();
        assertThat(dir.resolve("a.csv")).hasContent("half a result");
        assertThat(part).doesNotExist();
    }

    private static Process writer(Path target, String how) throws IOException {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AtomicFileWriter.class.getName(), target.toString(), how)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static String firstLine(Process process) throws IOException {
        return new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream())).readLine();
    }
}
