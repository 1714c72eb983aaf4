package org.facsflow.learn;

import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.coding.AuModel;
import org.facsflow.learn.signals.JpegFrames;
import org.facsflow.learn.signals.SignalExtractor;
import org.facsflow.learn.signals.Signals;
import org.facsflow.learn.state.Behaviour;
import org.facsflow.learn.state.StateMachine;
import org.facsflow.learn.state.StateRules;
import org.facsflow.media.MediaException;
import org.facsflow.media.RgbImage;
import org.facsflow.media.VideoSource;
import org.facsflow.media.VideoSources;
import org.facsflow.models.AssetStore;
import org.facsflow.pipeline.Pipeline;
import org.facsflow.pipeline.StreamSession;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code facsflow learn bench}: the on-device profiles on the frames the page would send (a video resampled to 10
 * frames a second, scaled to 320x240, JPEG-encoded in memory): CPU per frame of the analysing thread (JPEG decoding,
 * the pipeline, the signals) and of the whole process, peak memory, and how far the light profile's signals drift
 * from the full pipeline's on the same frames. Speed is measured here, never asserted in a test.
 */
public final class ProfileBench {
    public static final double FPS = 10;
    static final int WARMUP = 50;

    private ProfileBench() {
    }

    /** One profile's pass over the frames. */
    public record Pass(OnDeviceProfile profile, List<Signals> signals, double threadCpuMs, double processCpuMs,
                       double wallMs, long peakRssKib) {
        public double perFrame(double total) {
            return total / signals.size();
        }
    }

    /** The frames of {@code video} as the page sends them, at most {@code seconds} of them. */
    public static List<byte[]> frames(String video, double seconds) throws MediaException, IOException {
        List<byte[]> frames = new ArrayList<>();
        try (VideoSource source = VideoSources.open(video)) {
            double next = 0;
            for (RgbImage f = source.next(); f != null && next < seconds; f = source.next()) {
                if (f.timestampSeconds() + 1e-6 < next) continue;
                next += 1 / FPS;
                BufferedImage small = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = small.createGraphics();
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.drawImage(f.toBufferedImage(), 0, 0, 320, 240, null);
                g.dispose();
                frames.add(JpegFrames.encode(small, 0.7f));
            }
        }
        return frames;
    }

    /** Loads the profile's pipeline, warms it up, and times one pass over {@code frames}. */
    public static Pass run(OnDeviceProfile profile, List<byte[]> frames, AssetStore store) throws IOException {
        SignalExtractor extractor = new SignalExtractor(reportedAus());
        try (Pipeline pipeline = Pipeline.load(store, profile.settings())) {
            pass(pipeline, extractor, frames.subList(0, Math.min(WARMUP, frames.size())));
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long thread0 = threads.getCurrentThreadCpuTime(), process0 = processCpuNanos(), wall0 = System.nanoTime();
            List<Signals> signals = pass(pipeline, extractor, frames);
            return new Pass(profile, signals, (threads.getCurrentThreadCpuTime() - thread0) / 1e6,
                    (processCpuNanos() - process0) / 1e6, (System.nanoTime() - wall0) / 1e6, peakRssKib());
        }
    }

    private static List<Signals> pass(Pipeline pipeline, SignalExtractor extractor, List<byte[]> frames) throws IOException {
        List<Signals> out = new ArrayList<>(frames.size());
        try (StreamSession stream = pipeline.openStream()) {
            for (int i = 0; i < frames.size(); i++) {
                double t = i / FPS;
                byte[] f = frames.get(i);
                out.add(extractor.extract(stream.analyze(JpegFrames.decode(f, 0, f.length, t)), t));
            }
        }
        return out;
    }

    /** The AUs the coder validates (fitted ones): the drift is reported for each. */
    public static Set<ActionUnit> reportedAus() {
        AuModel model = AuModel.standard();
        Set<ActionUnit> aus = new TreeSet<>((a, b) -> Integer.compare(a.number(), b.number()));
        for (ActionUnit au : ActionUnit.CODED) if (model.isReported(au)) aus.add(au);
        return aus;
    }

    /**
     * How far {@code light}'s signals lie from {@code full}'s: per quantity the mean absolute difference over the frames
     * where both measured it; "face" is the share of frames where both agree a face is there; "state" the share of
     * frames where the state machine (fed no task behaviour) is in the same state.
     */
    public static Map<String, Double> drift(Pass light, Pass full, StateRules rules) {
        Map<String, Double> d = new LinkedHashMap<>();
        List<Signals> a = light.signals(), b = full.signals();
        int same = 0;
        for (int i = 0; i < a.size(); i++) if (a.get(i).face() == b.get(i).face()) same++;
        d.put("face", same / (double) a.size());
        d.put("head_yaw", mad(a, b, Signals::headYaw));
        d.put("head_pitch", mad(a, b, Signals::headPitch));
        d.put("head_roll", mad(a, b, Signals::headRoll));
        d.put("gaze_x", mad(a, b, Signals::gazeX));
        d.put("gaze_y", mad(a, b, Signals::gazeY));
        for (ActionUnit au : reportedAus()) d.put(au.code(), mad(a, b, s -> s.au(au)));
        StateMachine ma = new StateMachine(rules), mb = new StateMachine(rules);
        int sameState = 0;
        for (int i = 0; i < a.size(); i++) {
            ma.update(a.get(i), Behaviour.NONE);
            mb.update(b.get(i), Behaviour.NONE);
            if (ma.current() == mb.current()) sameState++;
        }
        d.put("state", sameState / (double) a.size());
        return d;
    }

    private interface Quantity {
        float of(Signals s);
    }

    private static double mad(List<Signals> a, List<Signals> b, Quantity q) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < a.size(); i++) {
            float x = q.of(a.get(i)), y = q.of(b.get(i));
            if (Float.isNaN(x) || Float.isNaN(y)) continue;
            sum += Math.abs(x - y);
            n++;
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** Peak resident memory of this process (VmHWM), KiB; -1 where /proc is not there. */
    static long peakRssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status")))
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", ""));
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
