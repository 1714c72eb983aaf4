package org.facsflow.media.voice;

import java.util.Arrays;
import java.util.Locale;

/**
 * A recording's voice, measured on 10 ms frames ({@link ProsodyFrames}) and decided over the whole track: what kind of
 * sound it is ({@link SoundCheck}), which frames carry voice ({@link VoiceActivity}), which are voiced (YIN found a
 * period, the frame is active, and the voiced stretch lasts at least {@value #MIN_VOICED_S} s), the syllable nuclei
 * ({@link SyllableNuclei}), and the speaker's median F0. {@link #over} aggregates it onto any stretch of time: a video
 * frame's, an analysis window's. Only a speech track gives values; silent and non-speech tracks give none.
 */
public final class VoiceTrack {
    /** Voiced stretches shorter than this are dropped: no voiced sound of speech is shorter. */
    static final double MIN_VOICED_S = 0.03;
    /** The window around a moment over which the syllable rate is counted, seconds. */
    public static final double RATE_WINDOW_S = 2;
    /** The least voice activity in that window for a rate to be given, seconds. */
    public static final double RATE_MIN_ACTIVE_S = 0.25;

    private final ProsodyFrames frames;
    private final SoundCheck sound;
    private final boolean[] active, voiced;
    private final int[] nuclei;
    private final int[] activeBefore; // activeBefore[i]: active frames among 0..i-1
    private final double medianF0;

    private VoiceTrack(ProsodyFrames frames) {
        this.frames = frames;
        this.sound = SoundCheck.of(frames);
        this.active = VoiceActivity.of(frames);
        int n = frames.size();
        this.voiced = new boolean[n];
        for (int i = 0; i < n; i++) voiced[i] = active[i] && Float.isFinite(frames.f0()[i]);
        Runs.dropShort(voiced, (int) Math.round(MIN_VOICED_S / frames.hop()));
        this.nuclei = SyllableNuclei.find(frames.energyDb(), voiced);
        this.activeBefore = new int[n + 1];
        for (int i = 0; i < n; i++) activeBefore[i + 1] = activeBefore[i] + (active[i] ? 1 : 0);
        float[] voicedF0 = new float[n];
        for (int i = 0; i < n; i++) voicedF0[i] = voiced[i] ? frames.f0()[i] : Float.NaN;
        this.medianF0 = Percentiles.of(voicedF0, 50);
    }

    public static VoiceTrack of(ProsodyFrames frames) {
        return new VoiceTrack(frames);
    }

    public SoundCheck sound() {
        return sound;
    }

    /** Whether the track is speech, so that {@link #over} gives values. */
    public boolean speech() {
        return sound.kind() == SoundCheck.Kind.SPEECH;
    }

    public ProsodyFrames frames() {
        return frames;
    }

    /** Whether frame {@code i} carries voice. */
    public boolean active(int i) {
        return active[i];
    }

    /** Whether frame {@code i} is voiced (its F0 counts). */
    public boolean voiced(int i) {
        return voiced[i];
    }

    /** The syllable nuclei's times, seconds on the video's clock. */
    public double[] nucleusTimes() {
        return Arrays.stream(nuclei).mapToDouble(frames::time).toArray();
    }

    /** The median F0 of the voiced frames, Hz; NaN when none is voiced. */
    public double medianF0() {
        return medianF0;
    }

    /** Share of the track with voice activity. */
    public double activeShare() {
        return frames.size() == 0 ? 0 : (double) activeBefore[frames.size()] / frames.size();
    }

    /** The track's first and last frame times (its span on the video's clock). */
    public double start() {
        return frames.size() == 0 ? Double.NaN : frames.time(0);
    }

    public double end() {
        return frames.size() == 0 ? Double.NaN : frames.time(frames.size() - 1);
    }

    /**
     * The voice over [{@code from}, {@code to}) seconds: the frames whose centres fall in it, or the one nearest its
     * middle when it is shorter than a frame's hop. Null when the track is not speech or does not reach the stretch.
     */
    public VoiceFrame over(double from, double to) {
        if (!speech() || frames.size() == 0) return null;
        double hop = frames.hop(), first = frames.time(0);
        long i0 = (long) Math.ceil((from - first) / hop - 1e-9), i1 = (long) Math.ceil((to - first) / hop - 1e-9) - 1;
        if (i1 < i0) i0 = i1 = frames.frameAt((from + to) / 2);
        if (i1 < 0 || i0 >= frames.size()) return null;
        int a = (int) Math.max(0, i0), b = (int) Math.min(frames.size() - 1, i1);
        int count = b - a + 1, nActive = 0, nVoiced = 0;
        double power = 0;
        float[] f0 = new float[count];
        for (int i = a; i <= b; i++) {
            if (active[i]) nActive++;
            power += Math.pow(10, frames.energyDb()[i] / 10);
            f0[i - a] = voiced[i] ? frames.f0()[i] : Float.NaN;
            if (voiced[i]) nVoiced++;
        }
        double median = Percentiles.of(f0, 50);
        double semitones = Double.isNaN(median) ? Double.NaN : 12 * Math.log(median / medianF0) / Math.log(2);
        return new VoiceFrame((double) nActive / count, 10 * Math.log10(power / count), (double) nVoiced / count, median,
                semitones, syllableRate((from + to) / 2), Double.NaN);
    }

    /** Nuclei per second of activity within {@link #RATE_WINDOW_S} around {@code seconds}. */
    double syllableRate(double seconds) {
        int a = (int) Math.max(0, frames.frameAt(seconds - RATE_WINDOW_S / 2));
        int b = (int) Math.min(frames.size(), frames.frameAt(seconds + RATE_WINDOW_S / 2));
        if (b <= a) return Double.NaN;
        double activeSeconds = (activeBefore[b] - activeBefore[a]) * frames.hop();
        if (activeSeconds < RATE_MIN_ACTIVE_S) return Double.NaN;
        int lo = lowerBound(nuclei, a), hi = lowerBound(nuclei, b);
        return (hi - lo) / activeSeconds;
    }

    private static int lowerBound(int[] sorted, int key) {
        int i = Arrays.binarySearch(sorted, key);
        return i >= 0 ? i : -i - 1;
    }

    /** One line for a run's messages, e.g. "speech (...), voice in 62% of the track, median F0 182 Hz". */
    public String describe() {
        if (!speech()) return sound.describe() + ": voice columns left empty";
        return String.format(Locale.ROOT, "%s, voice in %.0f%% of the track, median F0 %.0f Hz", sound.describe(),
                100 * activeShare(), medianF0);
    }
}
