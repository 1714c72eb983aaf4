package org.facsflow.study;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ManifestTest {
    @TempDir
    Path dir;

    private Path manifest(String text, String... videos) throws IOException {
        for (String v : videos) Files.writeString(dir.resolve(v), "x");
        Path m = dir.resolve("study.csv");
        Files.writeString(m, text);
        return m;
    }

    private ManifestException failure(Path m) {
        return catchThrowableOfType(ManifestException.class, () -> StudyManifest.read(m));
    }

    @Test
    void readsAWithinSubjectManifestWithCovariatesQuotesAndComments() throws Exception {
        Path m = manifest("""
                # pilot, June
                Participant,condition,video,onset,age group
                p1,AdA,a1.mp4,1.5,"18-34, student"
                p1,AdB,b1.mp4,,18-34
                
                p2,AdA,a2.mp4,0,35-54
                p2,AdB,b2.mp4,2,35-54
                """, "a1.mp4", "b1.mp4", "a2.mp4", "b2.mp4");
        StudyManifest s = StudyManifest.read(m);
        assertThat(s.design()).isEqualTo(Design.WITHIN);
        assertThat(s.conditions()).containsExactly("AdA", "AdB");
        assertThat(s.covariateNames()).containsExactly("age group");
        Recording first = s.recordings().get(0);
        assertThat(first.id()).isEqualTo("p1_AdA");
        assertThat(first.onsetSeconds()).isEqualTo(1.5);
        assertThat(first.durationSeconds()).isNaN();
        assertThat(first.video()).isEqualTo(dir.resolve("a1.mp4").toAbsolutePath());
        assertThat(first.covariates()).containsEntry("age group", "18-34, student");
        assertThat(s.recordings().get(1).onsetSeconds()).isZero();
    }

    @Test
    void detectsABetweenSubjectDesign() throws Exception {
        Path m = manifest("participant,condition,video\np1,AdA,a.mp4\np2,AdB,b.mp4\np3,AdA,c.mp4\n",
                "a.mp4", "b.mp4", "c.mp4");
        assertThat(StudyManifest.read(m).design()).isEqualTo(Design.BETWEEN);
    }

    @Test
    void reportsEveryProblemWithFileAndLine() throws Exception {
        Path m = manifest("""
                participant,condition,video,onset,duration
                p1,AdA,a.mp4,1,15
                p1,AdA,b.mp4,1,15
                p2,AdA,missing.mp4,1,15
                p3,AdA,c.mp4,soon,15
                p4,,d.mp4,1,-2
                p5,AdB,a.mp4,1,15
                p6,AdB,e.mp4
                """, "a.mp4", "b.mp4", "c.mp4", "d.mp4", "e.mp4");
        ManifestException e = failure(m);
        assertThat(e.problems()).containsExactly(
                "study.csv:3: participant p1 in condition AdA is already listed on line 2",
                "study.csv:4: video missing.mp4 does not exist (looked for " + dir.resolve("missing.mp4").toAbsolutePath() + ")",
                "study.csv:5: onset 'soon' is not a number of seconds >= 0",
                "study.csv:6: empty condition",
                "study.csv:6: duration '-2' is not a number of seconds >= 0",
                "study.csv:7: video " + dir.resolve("a.mp4").toAbsolutePath() + " is already listed on line 2",
                "study.csv:8: 3 cells where the header has 5");
        assertThat(e.getMessage()).startsWith("manifest " + m.toAbsolutePath() + " has 7 problems:");
    }

    @Test
    void aFolderOfFramesIsARecordingTimedByItsFrameRate() throws Exception {
        Files.createDirectories(dir.resolve("p1_frames"));
        Files.createDirectories(dir.resolve("p2_frames"));
        Path m = manifest("""
                participant,condition,video,frame_rate
                p1,AdA,p1_frames,25
                p2,AdB,p2_frames,
                p3,AdA,c.mp4,
                """, "c.mp4");
        List<Recording> r = StudyManifest.read(m).recordings();
        assertThat(r.get(0).video()).isEqualTo(dir.resolve("p1_frames").toAbsolutePath());
        assertThat(r.get(0).frameRate()).isEqualTo(25);
        assertThat(r.get(1).frameRate()).as("the extractor's default").isNaN();
        assertThat(r.get(2).frameRate()).as("a video file is timed by its container").isNaN();

        assertThat(failure(manifest("participant,condition,video,frame_rate\np1,AdA,c.mp4,25\np2,AdA,p1_frames,0\n",
                "c.mp4")).problems()).containsExactly(
                "study.csv:2: frame_rate is for folders of frames and AU files without times; the container of c.mp4 times its frames",
                "study.csv:3: frame_rate must be positive");
    }

    @Test
    void refusesMissingAndMisspeltColumns() throws Exception {
        ManifestException e = failure(manifest("participant,condtion,vidoe_file,onset\np1,AdA,a.mp4,0\n", "a.mp4"));
        assertThat(e.problems()).containsExactly(
                "study.csv:1: unknown column 'condtion': did you mean 'condition'? (other columns are covariates and "
                        + "must not look like participant, condition, video, onset, duration, frame_rate)",
                "study.csv:1: missing required column 'condition' (required: participant, condition, video)",
                "study.csv:1: missing required column 'video' (required: participant, condition, video)");
        assertThat(failure(manifest("participant,condition,video,Video\n")).problems())
                .containsExactly("study.csv:1: column video appears twice");
    }

    @Test
    void refusesAMixedDesignNamingTheParticipants() throws Exception {
        Path m = manifest("""
                participant,condition,video
                p1,AdA,a1.mp4
                p1,AdB,b1.mp4
                p2,AdA,a2.mp4
                p2,AdB,b2.mp4
                p3,AdA,a3.mp4
                """, "a1.mp4", "b1.mp4", "a2.mp4", "b2.mp4", "a3.mp4");
        assertThat(failure(m).problems()).singleElement().asString()
                .startsWith("study.csv: mixed design")
                .contains("p3 (AdA)")
                .doesNotContain("p1");
    }

    @Test
    void refusesEmptyOneConditionAndAbsentManifests() throws Exception {
        assertThat(failure(manifest("# nothing\n")).problems()).singleElement().asString().contains("empty");
        assertThat(failure(manifest("participant,condition,video\np1,AdA,a.mp4\n", "a.mp4")).problems())
                .containsExactly("study.csv: only one condition (AdA); a study compares at least two");
        assertThat(failure(dir.resolve("nope.csv")).problems()).singleElement().asString().endsWith("nope.csv: no such file");
        assertThat(failure(manifest("participant,condition,video\np1,\"AdA,a.mp4\n")).problems())
                .containsExactly("study.csv:2: a quoted cell is not closed on this line");
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAreEscapedAndNumbersAreNot() {
        // OWASP CSV injection: text starting with = + - @ tab or CR gets a leading ' and quotes
        assertThat(Csv.line("=cmd|' /C calc'!A0", "+A1", "-2+3", "@SUM(A1)", "\tx", "\rx", "AU6+AU12", "p-1", ""))
                .isEqualTo("\"'=cmd|' /C calc'!A0\",\"'+A1\",\"'-2+3\",\"'@SUM(A1)\",\"'\tx\",\"'\rx\",AU6+AU12,p-1,");
        // numbers stay numbers: Java numbers, and text that is a plain decimal number
        assertThat(Csv.line(-0.5, -3, -1e-7f, true, "-0.5", "+3", "-1e-3", ".5")).isEqualTo("-0.5,-3,-1.0E-7,true,-0.5,+3,-1e-3,.5");
        // the escaped cell reads back as the text with its leading quote, which is what a spreadsheet shows
        assertThat(Csv.parse(Csv.line("=1+2", "x"))).containsExactly("'=1+2", "x");
    }
}
