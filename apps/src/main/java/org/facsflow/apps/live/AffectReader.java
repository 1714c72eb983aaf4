package org.facsflow.apps.live;

import org.facsflow.face.FaceObservation;
import org.facsflow.facs.coding.AuFrame;
import org.facsflow.media.RgbImage;

/**
 * Where the affect layer plugs into the live window: called on the processing thread for each found face, after its
 * AUs are coded. {@link #NONE} until the affect module is wired (the window then shows "—"); an adapter over
 * {@code org.facsflow.affect.AffectAnalyzer} is a few lines.
 */
public interface AffectReader extends AutoCloseable {
    /** Reads nothing: every face shows "—". */
    AffectReader NONE = new AffectReader() {
        @Override
        public Affect read(RgbImage image, FaceObservation face, double timestamp, AuFrame aus) {
            return null;
        }

        @Override
        public void forget(int faceId) {
        }
    };

    /**
     * @param aus the face's coded AUs in this frame
     * @return the reading, or null when there is none
     */
    Affect read(RgbImage image, FaceObservation face, double timestamp, AuFrame aus);

    /** The face has left (the tracker dropped its id): per-face smoothing starts afresh if the id comes back. */
    void forget(int faceId);

    @Override
    default void close() {
    }
}
