package org.facsflow.interop.elan;

import org.facsflow.affect.AffectTimeline;
import org.facsflow.affect.Emotion;
import org.facsflow.affect.EmotionScores;
import org.facsflow.affect.circumplex.CircumplexTrack;
import org.facsflow.affect.circumplex.ValenceArousal;
import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.IntensityScale;
import org.facsflow.interop.AuRow;
import org.facsflow.interop.AuTable;
import org.facsflow.interop.EventLabels;
import org.facsflow.interop.LabelEvent;
import org.facsflow.interop.Samples;
import org.facsflow.interop.convert.Conversions;
import org.facsflow.interop.read.CodingFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * facsflow's .eaf on a real AU series (OpenFace's output on a training clip with strong expressions, through the
 * same affect layer as analyze): valid EAF 3.0, and read back to exactly what was written.
 */
class EafWriterTest {
    @TempDir
    Path dir;

    /** The annotations of training clip p03 as the analyze hook would collect them. */
    private AnalysisAnnotations annotations() throws IOException {
        AuTable table = CodingFiles.readTable(Samples.shared("training/openface/p03.csv.gz"));
        AnalysisAnnotations found = Conversions.annotations(table, 30);
        // Emotions and valence stand-ins from the same series: happiness with AU12, surprise with AU26 (the hook
        // feeds the classifiers' smoothed probabilities; what matters here is the segments' path through the file).
        ElanExport export = new ElanExport();
        CircumplexTrack.Builder valence = new CircumplexTrack.Builder(0);
        int au12 = table.indexOf(ActionUnit.AU12), au26 = table.indexOf(ActionUnit.AU26);
        for (AuRow row : table.rows()) {
            if (!row.success()) continue;
            float happy = Math.min(1, row.intensity()[au12] / 3), surprised = Math.min(1, row.intensity()[au26] / 3);
            float[] p = new float[Emotion.values().length];
            p[Emotion.HAPPINESS.ordinal()] = happy;
            p[Emotion.SURPRISE.ordinal()] = surprised;
            p[Emotion.NEUTRAL.ordinal()] = Math.max(0, 0.5f - happy - surprised);
            export.add(0, row.time(), new EmotionScores(p));
            valence.add(row.time(), new ValenceArousal(happy - 0.3f, surprised));
        }
        AffectTimeline.Summary summary = new AffectTimeline.Summary(found.smiles(), found.events(), null,
                List.of(valence.build()));
        return export.annotations(summary);
    }

    @Test
    void writesValidEaf30WithLinkedMediaAndReadsBackEverything() throws IOException, SAXException {
        AnalysisAnnotations written = annotations();
        assertThat(written.events()).hasSizeGreaterThan(20);
        assertThat(written.smiles()).isNotEmpty();
        assertThat(written.emotions()).extracting(Segment::label).contains("happiness", "surprise");
        assertThat(written.valence()).extracting(Segment::label).contains("positive", "negative");

        Path media = dir.resolve("videos/p03.mp4");
        Path eaf = dir.resolve("videos/p03.eaf");
        EafWriter.write(eaf, media, written);

        assertThatCode(() -> SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(Samples.interop("elan/EAFv3.0.xsd").toFile()).newValidator()
                .validate(new StreamSource(eaf.toFile()))).as("valid against EAFv3.0.xsd").doesNotThrowAnyException();
        String xml = Files.readString(eaf);
        assertThat(xml).contains("RELATIVE_MEDIA_URL=\"./p03.mp4\"", "MEDIA_URL=\"" + media.toUri() + "\"",
                "MIME_TYPE=\"video/mp4\"", "CV_ID=\"FACS intensity\"", "TIER_ID=\"face 0 AU12\"",
                "TIER_ID=\"face 0 smile\"", "TIER_ID=\"face 0 emotion\"", "TIER_ID=\"face 0 valence\"");
        assertThat(Files.list(eaf.getParent())).containsExactly(eaf); // no part-file left

        assertThat(FacsflowEaf.read(eaf)).isEqualTo(written);

        // Read as any .eaf: every AU event with the letter of its peak, every smile with its Duchenne flag
        EventLabels generic = FacsTiers.read(eaf);
        assertThat(generic.media()).contains("./p03.mp4");
        List<LabelEvent> aus = generic.auEvents();
        assertThat(aus).hasSameSizeAs(written.events());
        for (int i = 0; i < aus.size(); i++) {
            var e = written.events().get(i);
            assertThat(aus.get(i).au()).isEqualTo(e.au());
            assertThat(aus.get(i).intensity()).isEqualTo(IntensityScale.letter(e.episode().peak()).orElseThrow());
            assertThat(aus.get(i).onset()).isEqualTo(Math.round(e.episode().onset() * 1000) / 1000.0);
        }
        assertThat(generic.events().stream().filter(e -> e.tier().equals("face 0 smile")).map(LabelEvent::value))
                .containsExactlyElementsOf(written.smiles().stream().map(s -> s.duchenne() ? "Duchenne" : "non-Duchenne").toList());
    }

    @Test
    void segmentsAbsorbFlickerAndEndAtGaps() {
        Segmenter s = new Segmenter(3);
        double t = 0;
        for (int i = 0; i < 30; i++, t += 0.1) s.add(t, "happiness", 0.8);   // 0.0-2.9
        for (int i = 0; i < 2; i++, t += 0.1) s.add(t, "surprise", 0.6);     // 3.0-3.1: a flicker
        for (int i = 0; i < 10; i++, t += 0.1) s.add(t, "happiness", 0.6);   // 3.2-4.1
        s.add(t, null, Double.NaN);                                           // 4.2 unmeasured
        t += 1;
        for (int i = 0; i < 10; i++, t += 0.1) s.add(t, "neutral", 0.5);     // 5.2-6.1
        List<Segment> segments = s.finish();
        assertThat(segments).hasSize(2);
        assertThat(segments.get(0).label()).isEqualTo("happiness");
        assertThat(segments.get(0).onset()).isEqualTo(0);
        assertThat(segments.get(0).offset()).isCloseTo(4.1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(segments.get(0).mean()).isCloseTo((30 * 0.8 + 10 * 0.6) / 40, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(segments.get(1).label()).isEqualTo("neutral");
        assertThat(segments.get(1).faceId()).isEqualTo(3);
    }
}
