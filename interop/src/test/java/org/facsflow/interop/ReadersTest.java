package org.facsflow.interop;

import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.IntensityScale;
import org.facsflow.interop.read.CodingFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Every reader on the real files in shared/interop: what it recognised, how many frames, and spot values. */
class ReadersTest {
    @TempDir
    Path dir;

    private static AuTable table(String relative) throws IOException {
        return CodingFiles.readTable(Samples.interop(relative));
    }

    private static float intensity(AuTable t, int row, int au) {
        return t.rows().get(row).intensity()[t.indexOf(ActionUnit.of(au))];
    }

    private static float presence(AuTable t, int row, int au) {
        return t.rows().get(row).presence()[t.indexOf(ActionUnit.of(au))];
    }

    @Test
    void openFaceFullAndOlderLayoutsWithEitherSeparator() throws IOException {
        AuTable full = table("openface/opendbm_subj01_timepoint01.csv");
        assertThat(full.format().tool()).isEqualTo("OpenFace");
        assertThat(full.format().version()).contains("2.x", "714 columns", "', '");
        assertThat(full.rows()).hasSize(158);
        assertThat(full.columns()).hasSize(18);
        assertThat(full.columns().get(full.indexOf(ActionUnit.AU28))).isEqualTo(new AuColumn(ActionUnit.AU28, false, true));
        assertThat(full.rows().get(157).frame()).isEqualTo(158);
        assertThat(full.rows().get(157).time()).isCloseTo(5.233, within(1e-9));

        AuTable old = table("openface/pyfeat_OpenFace_Test.csv"); // ", " header, "," rows, CRLF, no final newline
        assertThat(old.format().version()).contains("pre-2.0", "431 columns");
        assertThat(old.rows()).hasSize(100);
        AuTable old2 = table("openface/exploface_video2_openface_pre2.csv"); // ",  " data separators
        assertThat(old2.rows()).hasSize(608);
        assertThat(old2.faces()).containsExactly(0);
    }

    @Test
    void pyFeatVersionsFromTheirColumns() throws IOException {
        AuTable v03 = table("pyfeat/Feat_Test.csv");
        assertThat(v03.format().version()).startsWith("0.3.x").contains("20 AUs");
        assertThat(v03.rows()).hasSize(1);
        assertThat(presence(v03, 0, 12)).isCloseTo(0.9643793f, within(1e-6f));

        AuTable jaanet = table("pyfeat/test_detect.csv");
        assertThat(jaanet.format().version()).contains("12 AUs");
        assertThat(jaanet.rows()).hasSize(8).noneMatch(AuRow::success);
        assertThat(jaanet.rows().get(5).frame()).isEqualTo(51);

        AuTable v04 = table("pyfeat/002_pyfeat_v0.4dev.csv");
        assertThat(v04.format().version()).startsWith("0.4-0.6");
        assertThat(v04.rows()).hasSize(28).allMatch(AuRow::success);
        assertThat(presence(v04, 0, 12)).isCloseTo(0.6105534f, within(1e-6f));

        AuTable v2 = table("pyfeat/news_sample_013_pyfeat_v2.csv");
        assertThat(v2.format().version()).startsWith("2.x");
        assertThat(v2.rows()).extracting(AuRow::frame).startsWith(1, 3, 5);
        assertThat(v2.columns()).hasSize(20).allMatch(c -> c.presence() && !c.intensity());
    }

    @Test
    void iMotionsExportsWhateverTheirLineEnds() throws IOException {
        AuTable v5 = table("imotions/iMotions_Test_v5.txt");
        assertThat(v5.format().version()).startsWith("5.7.2375.0").contains("CRLF");
        assertThat(v5.rows()).hasSize(264); // FACET rows only: the eye tracker's own rows are left out
        assertThat(v5.rows().stream().filter(AuRow::success).count()).isEqualTo(230);
        // The first FACET row: AU12 evidence -3.096375 (log10 odds) -> p = 1 / (1 + 10^3.096375)
        assertThat(presence(v5, 0, 12)).isCloseTo((float) (1 / (1 + Math.pow(10, 3.096375))), within(1e-9f));
        assertThat(v5.rows().get(0).time()).isEqualTo(0.036);

        AuTable crOnly = table("imotions/iMotions_Test_v2.txt");
        assertThat(crOnly.format().version()).contains("CR line ends");
        assertThat(crOnly.rows()).hasSameSizeAs(v5.rows());
        for (int i = 0; i < v5.rows().size(); i++) {
            AuRow a = v5.rows().get(i), b = crOnly.rows().get(i);
            assertThat(List.of(b.frame(), b.time(), b.success())).isEqualTo(List.of(a.frame(), a.time(), a.success()));
            assertThat(Arrays.equals(a.presence(), b.presence())).as("row %d", i).isTrue();
        }

        AuTable v6 = table("imotions/iMotions_Test_v6.txt");
        assertThat(v6.format().version()).startsWith("6.1.2667.3");
        assertThat(v6.rows()).hasSize(519);
        assertThat(v6.rows().stream().filter(AuRow::success).count()).isEqualTo(304);
        assertThat(v6.columns()).hasSize(20);

        AuTable extract = table("imotions/iMotions_Test.csv");
        assertThat(extract.format().version()).contains("extract");
        assertThat(extract.rows()).hasSize(51);
    }

    @Test
    void faceReaderLettersFailedFramesAndStateLog() throws IOException {
        AuTable fr6 = table("facereader/Participant_1_Kelly_Analysis 1_video.txt");
        assertThat(fr6.format().version()).startsWith("6.x").contains("20 AUs", "CR line ends", "29.970 fps");
        assertThat(fr6.rows()).hasSize(715);
        // Row 1: AU14 "E", AU07 "A", AU01 NotActive; times from the frame rate, not the tenths written
        assertThat(intensity(fr6, 0, 14)).isEqualTo(5);
        assertThat(intensity(fr6, 0, 7)).isEqualTo(1);
        assertThat(intensity(fr6, 0, 1)).isEqualTo(0);
        assertThat(fr6.rows().get(3).time()).isCloseTo(3 / 29.97002997, within(1e-9));

        AuTable recent = table("facereader/fr_testdata_detailed.txt");
        assertThat(recent.format().version()).startsWith("7 or later");
        assertThat(recent.rows()).hasSize(12106);
        assertThat(recent.rows().stream().filter(r -> !r.success()).count()).isEqualTo(7351 + 1594);

        EventLabels state = CodingFiles.readEvents(Samples.interop("facereader/fr_testdata_state.txt"));
        assertThat(state.format().version()).contains("state log");
        assertThat(state.events()).hasSize(48);
        assertThat(state.events().get(0).value()).isEqualTo("Neutral");
        assertThat(state.events().get(0).onset()).isEqualTo(61.3);
        assertThat(state.events().get(0).offset()).isCloseTo(62.066, within(1e-9));
    }

    @Test
    void jsonOutputsOfAffectivaAndOpenGraphAu() throws IOException {
        AuTable affectiva = table("imotions/sample_affectiva-api-app_output.json");
        assertThat(affectiva.format().tool()).isEqualTo("Affectiva");
        assertThat(affectiva.rows()).hasSize(1);
        assertThat(presence(affectiva, 0, 12)).isEqualTo(1f); // smile 100
        assertThat(presence(affectiva, 0, 6)).isCloseTo(0.9418101f, within(1e-6f)); // cheekRaise 94.181...

        AuTable compact = table("other-au-tools/opengraphau_v_ArmFlapping_01.mp4_output.json");
        AuTable pretty = table("other-au-tools/opengraphau_v_Spinning_01_output.json");
        assertThat(compact.rows()).hasSize(7);
        assertThat(pretty.rows()).hasSize(76);
        assertThat(pretty.columns()).hasSize(27); // bilateral AUs; AUL/AUR left out
        assertThat(presence(compact, 0, 1)).isEqualTo(0.19f);
        // keys are 1-based frame / fps: 5.2237 s at 24.12 fps is frame 126, whose start is 125 / fps
        assertThat(compact.rows().get(0).frame()).isEqualTo(126);
        assertThat(compact.rows().get(1).frame()).isEqualTo(127);
    }

    @Test
    void frameLabelCsvPresenceIntensityAndNotCoded() throws IOException {
        Path labels = dir.resolve("labels.csv");
        Files.writeString(labels, """
                frame,AU12,AU06_c,AU04
                0,0,1,9
                1,C,0,1
                2,4,,0
                """);
        AuTable t = CodingFiles.readTable(labels);
        assertThat(t.format().version()).contains("0-based frames");
        assertThat(t.columns()).containsExactly(new AuColumn(ActionUnit.AU12, true, false),
                new AuColumn(ActionUnit.AU6, false, true), new AuColumn(ActionUnit.AU4, false, true));
        assertThat(t.rows()).extracting(AuRow::frame).containsExactly(1, 2, 3);
        assertThat(t.rows().get(1).intensity()[0]).isEqualTo(IntensityScale.C.ordinal() + 1);
        assertThat(t.rows().get(0).presence()[2]).isNaN(); // 9: not coded
        assertThat(t.present(t.rows().get(2), 1)).isNull();
    }

    @Test
    void malformedTruncatedAndUnknownFilesNameFileLineAndExpectation() throws IOException {
        Path truncated = dir.resolve("cut.txt");
        String v6 = Files.readString(Samples.interop("imotions/iMotions_Test_v6.txt"), StandardCharsets.ISO_8859_1);
        Files.writeString(truncated, v6.substring(0, v6.indexOf("\r\n", v6.indexOf("Emotient FACET\t134")) - 40),
                StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> CodingFiles.read(truncated)).hasMessageStartingWith(truncated + ": line 10: ")
                .hasMessageContaining("truncated");

        Path future = dir.resolve("v9.txt");
        Files.writeString(future, v6.replace("#Version : 6.1.2667.3", "#Version : 9.0.1"), StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> CodingFiles.read(future)).hasMessage(future
                + ": line 3: iMotions version 9.0.1 is not supported: expected 5.x or 6.x (raw tab-separated export)");

        Path unknown = dir.resolve("x.csv");
        Files.writeString(unknown, "a,b\n1,2\n");
        assertThatThrownBy(() -> CodingFiles.read(unknown)).hasMessageStartingWith(unknown + ": line 1: unknown format: expected one of");

        Path badCell = dir.resolve("pf.csv");
        String pf = Files.readString(Samples.interop("pyfeat/002_pyfeat_v0.4dev.csv"));
        Files.writeString(badCell, pf.replaceFirst("0\\.6105534", "sixty"));
        assertThatThrownBy(() -> CodingFiles.read(badCell)).hasMessage(badCell
                + ": line 2: column \"AU12\": \"sixty\" is not a number");

        Path eaf = dir.resolve("cut.eaf");
        String speach = Files.readString(Samples.interop("elan/speach_test.eaf"));
        Files.writeString(eaf, speach.substring(0, speach.length() / 2));
        assertThatThrownBy(() -> CodingFiles.read(eaf)).hasMessageStartingWith(eaf + ": line ")
                .hasMessageContaining("not well-formed XML (truncated?)");
    }
}
