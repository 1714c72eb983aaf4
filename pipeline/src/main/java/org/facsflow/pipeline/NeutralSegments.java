package org.facsflow.pipeline;

/**
 * The hook for FACS's SEGMENT baseline in live coding: a stretch of one face's frames, marked by the user as neutral,
 * becomes that face's baseline from then on (instead of the running median of everything seen so far).
 * {@link NeutralCapture} decides which frames (the `n` key: the next 2 s); the AU coder keeps the measures.
 */
interface NeutralSegments {
    /**
     * From the next coded frame on, collects the face's measurable frames as its neutral face; the face is still
     * coded with its current baseline meanwhile.
     */
    void beginNeutral(int faceId);

    /**
     * Ends collecting. With at least one measurable frame collected, the face is coded against them from now on
     * ({@code au_baseline} "segment").
     *
     * @return the frames collected; 0 keeps the baseline the face had
     */
    int endNeutral(int faceId);
}
