package org.facsflow.affect.smile;

import org.facsflow.affect.AuIntensities;
import org.facsflow.affect.episodes.Episode;
import org.facsflow.affect.episodes.EpisodeDetector;
import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.IntensityScale;
import org.hipparchus.stat.correlation.PearsonsCorrelation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the smiles of one face, online: AU12 episodes (hysteresis, minimum duration, frames of fast head motion
 * skipped), each judged for symmetry and for AU6-AU12 coupling (Duchenne). Keeps only the frames of the open smile
 * and a short look-back, so memory does not grow with the video.
 */
public final class SmileTracker {
    private record Sample(long frame, double time, float au12, float au6, float left, float right, boolean gated) {
    }

    private final int faceId;
    private final SmileParameters parameters;
    private final EpisodeDetector detector;
    private final ArrayDeque<Sample> recent = new ArrayDeque<>();
    private final List<Sample> before = new ArrayList<>();
    private final List<Sample> run = new ArrayList<>();

    public SmileTracker(int faceId, SmileParameters parameters) {
        this.faceId = faceId;
        this.parameters = parameters;
        this.detector = new EpisodeDetector(parameters.au12());
    }

    /**
     * Feeds one frame of this face; returns the smile it ended, or null.
     *
     * @param aus   the frame's intensities; null when the face was not measured (ends an open smile)
     * @param gated whether the frame is unreliable (fast head motion, {@link org.facsflow.affect.episodes.HeadMotionGate})
     */
    public SmileEpisode next(long frame, double time, AuIntensities aus, boolean gated) {
        Sample s = aus == null ? new Sample(frame, time, Float.NaN, Float.NaN, Float.NaN, Float.NaN, gated)
                : new Sample(frame, time, aus.get(ActionUnit.AU12), aus.get(ActionUnit.AU6),
                aus.left(ActionUnit.AU12), aus.right(ActionUnit.AU12), gated);
        boolean wasInRun = detector.inRun();
        Episode ended = detector.next(frame, time, s.au12(), gated);
        SmileEpisode smile = ended == null ? null : judge(ended);
        if (!detector.inRun()) run.clear();
        else {
            if (!wasInRun) {
                before.clear();
                before.addAll(recent);
            }
            run.add(s);
        }
        recent.addLast(s);
        while (!recent.isEmpty() && recent.peekFirst().time() < time - parameters.lookbackSeconds()) recent.removeFirst();
        return smile;
    }

    /** Ends the series (end of video, face gone for good): the smile still open, if any. */
    public SmileEpisode finish() {
        Episode ended = detector.finish();
        SmileEpisode smile = ended == null ? null : judge(ended);
        run.clear();
        return smile;
    }

    private SmileEpisode judge(Episode e) {
        List<Sample> frames = run.stream().filter(s -> !s.gated() && s.frame() >= e.onsetFrame()
                && s.frame() <= e.offsetFrame() && !Float.isNaN(s.au12())).toList();
        double symmetrySum = 0;
        int sided = 0, withAu6 = 0;
        double[] au6 = new double[frames.size()], au12 = new double[frames.size()];
        for (int i = 0; i < frames.size(); i++) {
            Sample s = frames.get(i);
            float sum = s.right() + s.left();
            if (sum > 0) {
                symmetrySum += (s.right() - s.left()) / sum;
                sided++;
            }
            if (IntensityScale.isPresent(s.au6())) withAu6++;
            au6[i] = s.au6();
            au12[i] = s.au12();
        }
        float symmetry = sided == 0 ? Float.NaN : (float) (symmetrySum / sided);
        float fraction = frames.isEmpty() ? 0 : (float) withAu6 / frames.size();
        float r = frames.size() < 3 ? Float.NaN : (float) new PearsonsCorrelation().correlation(au6, au12);
        boolean duchenne = fraction >= parameters.duchenneFraction() && r >= parameters.duchenneCorrelation();
        return new SmileEpisode(faceId, e, symmetry, fraction, r, au6OnsetLag(e, frames), duchenne);
    }

    /**
     * Walks back from AU6's first presence in the smile to where that AU6 run began (see {@link SmileEpisode}); NaN
     * when it began before the look-back window (or before the series did).
     */
    private double au6OnsetLag(Episode e, List<Sample> smile) {
        List<Sample> window = new ArrayList<>();
        for (Sample s : before) if (!s.gated()) window.add(s);
        int k = window.size();
        window.addAll(smile);
        while (k < window.size() && !IntensityScale.isPresent(window.get(k).au6())) k++;
        if (k == window.size()) return Double.NaN;
        while (k > 0 && IntensityScale.isPresent(window.get(k - 1).au6())) k--;
        return k == 0 ? Double.NaN : window.get(k).time() - e.onset();
    }
}
