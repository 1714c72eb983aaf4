package org.facsflow.interop.elan;

import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.IntensityScale;
import org.facsflow.interop.EventLabels;
import org.facsflow.interop.LabelEvent;
import org.facsflow.interop.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** .eaf files of formats 2.7-3.0 written by ELAN and other tools (shared/interop/elan), and human FACS tiers. */
class EafReaderTest {
    @TempDir
    Path dir;

    @Test
    void auTiersOfAFileNotWrittenByElan() throws IOException {
        // Single-line XML, no declaration, every annotation id "a1", LINGUISTIC_TYPE before TIME_ORDER
        EventLabels labels = FacsTiers.read(Samples.interop("elan/exploface_video_AU_tiers.eaf"));
        assertThat(labels.format().version()).isEqualTo("EAF 3.0");
        assertThat(labels.auEvents()).hasSize(105);
        assertThat(labels.aus()).hasSize(16);
        List<LabelEvent> au12 = labels.auEvents().stream().filter(e -> e.au().equals(ActionUnit.AU12)).toList();
        assertThat(au12).singleElement().satisfies(e -> {
            assertThat(e.onset()).isEqualTo(3.76);
            assertThat(e.offset()).isEqualTo(6.17);
            assertThat(e.intensity()).isNull(); // value "AU12": coded present, no letter
        });
        assertThat(labels.auEvents().stream().filter(e -> e.au().equals(ActionUnit.AU1)).map(LabelEvent::onset))
                .containsExactly(6.88, 7.65, 26.41);
    }

    @Test
    void unalignedSlotsAndReferenceAnnotationsGetTimes() throws IOException {
        EafFile v30 = EafReader.read(Samples.interop("elan/pympi_sample_3.0.eaf"));
        EafFile v27 = EafReader.read(Samples.interop("elan/pympi_sample_2.7.eaf"));
        assertThat(v27.format()).isEqualTo("2.7");
        EafFile.Tier text = v30.tier("text").orElseThrow(), words = v30.tier("words-timesub").orElseThrow();
        assertThat(words.annotations()).hasSize(1995);
        // Words subdivide their sentence: each lies inside one sentence, in order, and none is empty of time
        for (EafFile.Annotation w : words.annotations()) {
            assertThat(w.endMs()).isGreaterThanOrEqualTo(w.startMs());
            boolean inside = false;
            for (EafFile.Annotation sentence : text.annotations())
                inside |= w.startMs() >= sentence.startMs() && w.endMs() <= sentence.endMs();
            assertThat(inside).as("word %s inside a sentence", w.id()).isTrue();
        }
        // Symbolic subdivisions take their parent's times; 2.7 and 3.0 carry the same times
        EafFile.Tier pos = v30.tier("words-pos").orElseThrow();
        assertThat(pos.annotations().get(1).startMs()).isEqualTo(v30.tier("words-symsub").orElseThrow()
                .annotations().get(1).startMs());
        assertThat(v27.tier("words-timesub").orElseThrow().annotations()).extracting(EafFile.Annotation::startMs)
                .isEqualTo(words.annotations().stream().map(EafFile.Annotation::startMs).toList());

        EafFile speach = EafReader.read(Samples.interop("elan/speach_test.eaf"));
        EafFile.Tier utterances = speach.tier("Person1 (Utterance)").orElseThrow();
        EafFile.Tier language = speach.tier("Person1 (Language)").orElseThrow();
        assertThat(language.annotations().get(0).value()).isEqualTo("en");
        assertThat(language.annotations().get(0).startMs()).isEqualTo(utterances.annotations().get(0).startMs());

        EafFile tla = EafReader.read(Samples.interop("elan/tla_eafparser_example.eaf"));
        assertThat(tla.tiers()).hasSize(12);
        assertThat(tla.media()).get().asString().endsWith("example.mp4");
        assertThat(FacsTiers.labels(Path.of("tla.eaf"), tla).auEvents()).isEmpty(); // gesture tiers, no AU
    }

    @Test
    void humanFacsCodingTiersCombinationsAndChildLetters() throws IOException {
        Path eaf = dir.resolve("coder1.eaf");
        Files.writeString(eaf, """
                <?xml version="1.0" encoding="UTF-8"?>
                <ANNOTATION_DOCUMENT AUTHOR="coder 1" DATE="2026-01-01T10:00:00+01:00" FORMAT="2.8" VERSION="2.8">
                  <HEADER MEDIA_FILE="" TIME_UNITS="milliseconds"/>
                  <TIME_ORDER>
                    <TIME_SLOT TIME_SLOT_ID="ts1" TIME_VALUE="1000"/><TIME_SLOT TIME_SLOT_ID="ts2" TIME_VALUE="2500"/>
                    <TIME_SLOT TIME_SLOT_ID="ts3" TIME_VALUE="4000"/><TIME_SLOT TIME_SLOT_ID="ts4" TIME_VALUE="4600"/>
                  </TIME_ORDER>
                  <TIER TIER_ID="FACS" LINGUISTIC_TYPE_REF="default" PARTICIPANT="Anna">
                    <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a1" TIME_SLOT_REF1="ts1" TIME_SLOT_REF2="ts2">
                      <ANNOTATION_VALUE>1+2+5B+26</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
                  </TIER>
                  <TIER TIER_ID="AU12" LINGUISTIC_TYPE_REF="default" PARTICIPANT="Ben">
                    <ANNOTATION><ALIGNABLE_ANNOTATION ANNOTATION_ID="a2" TIME_SLOT_REF1="ts3" TIME_SLOT_REF2="ts4">
                      <ANNOTATION_VALUE>AU12</ANNOTATION_VALUE></ALIGNABLE_ANNOTATION></ANNOTATION>
                  </TIER>
                  <TIER TIER_ID="AU12 intensity" LINGUISTIC_TYPE_REF="letter" PARENT_REF="AU12" PARTICIPANT="Ben">
                    <ANNOTATION><REF_ANNOTATION ANNOTATION_ID="a3" ANNOTATION_REF="a2">
                      <ANNOTATION_VALUE>D</ANNOTATION_VALUE></REF_ANNOTATION></ANNOTATION>
                  </TIER>
                  <LINGUISTIC_TYPE LINGUISTIC_TYPE_ID="default" TIME_ALIGNABLE="true"/>
                  <LINGUISTIC_TYPE LINGUISTIC_TYPE_ID="letter" TIME_ALIGNABLE="false" CONSTRAINTS="Symbolic_Association"/>
                </ANNOTATION_DOCUMENT>
                """);
        EventLabels labels = FacsTiers.read(eaf);
        assertThat(labels.format().version()).isEqualTo("EAF 2.8");
        assertThat(labels.auEvents()).extracting(LabelEvent::au, LabelEvent::intensity, LabelEvent::face)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ActionUnit.AU1, null, 0),
                        org.assertj.core.groups.Tuple.tuple(ActionUnit.AU2, null, 0),
                        org.assertj.core.groups.Tuple.tuple(ActionUnit.AU5, IntensityScale.B, 0),
                        org.assertj.core.groups.Tuple.tuple(ActionUnit.AU26, null, 0),
                        org.assertj.core.groups.Tuple.tuple(ActionUnit.AU12, IntensityScale.D, 1));
        assertThat(labels.auEvents().get(4).onset()).isEqualTo(4.0);
    }

    @Test
    void unsupportedVersionAndBrokenTimesAreClearErrors() throws IOException {
        String speach = Files.readString(Samples.interop("elan/speach_test.eaf"));
        Path old = dir.resolve("old.eaf");
        Files.writeString(old, speach.replace("FORMAT=\"3.0\" VERSION=\"3.0\"", "FORMAT=\"2.4\" VERSION=\"2.4\""));
        assertThatThrownBy(() -> FacsTiers.read(old))
                .hasMessage(old + ": EAF format \"2.4\" is not supported: expected 2.7, 2.8 or 3.0");
        Path dangling = dir.resolve("dangling.eaf");
        Files.writeString(dangling, speach.replace("TIME_SLOT_REF1=\"ts1\"", "TIME_SLOT_REF1=\"ts999\""));
        assertThatThrownBy(() -> FacsTiers.read(dangling)).hasMessageStartingWith(dangling + ": annotation ")
                .hasMessageEndingWith("refers to time slot \"ts999\", which TIME_ORDER does not define");
    }
}
