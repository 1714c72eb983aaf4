package org.facsflow.apps.live;

import org.facsflow.affect.AffectAnalyzer;
import org.facsflow.affect.AffectFrame;
import org.facsflow.affect.AuIntensities;
import org.facsflow.affect.Emotion;
import org.facsflow.face.FaceObservation;
import org.facsflow.facs.coding.AuFrame;
import org.facsflow.media.RgbImage;

/** The affect layer in the live window: the smoothed top emotion, valence and arousal of each face. */
public final class AffectAnalyzerReader implements AffectReader {
    private final AffectAnalyzer analyzer;

    public AffectAnalyzerReader(AffectAnalyzer analyzer) {
        this.analyzer = analyzer;
    }

    @Override
    public Affect read(RgbImage image, FaceObservation face, double timestamp, AuFrame aus) {
        AffectFrame frame = analyzer.analyze(image, face, timestamp,
                aus == null ? null : new AuIntensities(aus.intensity(), aus.left(), aus.right()));
        Emotion top = frame.emotions().top(Emotion.CLASSIFIED).orElse(null);
        return new Affect(top == null ? null : top.label(), top == null ? Float.NaN : frame.emotions().get(top),
                frame.circumplex().valence(), frame.circumplex().arousal());
    }

    @Override
    public void forget(int faceId) {
        analyzer.forget(faceId);
    }

    @Override
    public void close() {
        analyzer.close();
    }
}
