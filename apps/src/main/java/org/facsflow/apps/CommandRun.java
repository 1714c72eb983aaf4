package org.facsflow.apps;

import org.facsflow.affect.plot.CircumplexPlot;
import org.facsflow.face.pose.HeadPoseEstimator;
import org.facsflow.media.VideoSources;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One run of a command that loads the models, from its first second to its end.
 * <ul>
 *   <li>Says that the models are loading, and how long that took.</li>
 *   <li>Starts, each on a thread of its own, what would otherwise wait its turn: OpenCV's native libraries (a second
 *       of one core, which the face stage needs before anything else) and, for videos, FFmpeg's libraries and the plot
 *       classes the end of a video needs, while the models load on the other core.</li>
 *   <li>Makes Ctrl-C (SIGINT) and a kill (SIGTERM) stop the run cleanly. The JVM's own response, exiting through its
 *       shutdown hooks, ran ONNX Runtime's hook, which frees its environment, while other threads were still creating
 *       sessions or inferring with it: SIGSEGV or SIGBUS and an hs_err file. So the signals are taken over for the
 *       run: the first asks the run to stop ({@link #onInterrupt}: a camera's results are completed, a file's
 *       abandoned, so nothing half-written takes a result's name), the command winds down, closes its models and exits
 *       with 130; a second Ctrl-C ends the process at once.</li>
 * </ul>
 */
final class CommandRun implements AutoCloseable {
    private static final List<String> SIGNALS = List.of("INT", "TERM");

    private final PrintStream err;
    private final long started = System.nanoTime();
    private final List<Thread> warmUps = new ArrayList<>();
    private final Map<Signal, SignalHandler> previous = new HashMap<>();
    private volatile boolean interrupted;
    private volatile Runnable stop;
    private volatile String stopping = "a camera's results are kept, a file's are not";
    private boolean loaded;

    private CommandRun(PrintStream err) {
        this.err = err;
    }

    /** @param video whether videos are coming (FFmpeg and the plots are warmed up too) */
    static CommandRun begin(PrintStream err, boolean video) {
        CommandRun run = new CommandRun(err);
        run.warmUp("opencv", HeadPoseEstimator::loadNatives);
        if (video) {
            run.warmUp("ffmpeg", VideoSources::loadNatives);
            run.warmUp("plots", CircumplexPlot::warmUp);
        }
        for (String name : SIGNALS) {
            Signal signal = new Signal(name);
            run.previous.put(signal, Signal.handle(signal, run::signalled));
        }
        err.print("facsflow: loading models...");
        err.flush();
        return run;
    }

    private void warmUp(String what, Runnable work) {
        Thread t = new Thread(() -> {
            try {
                work.run();
            } catch (RuntimeException | LinkageError e) {
                // Only a warm-up: whatever failed here fails again where it is needed, and is reported there.
            }
        }, "facsflow-warm-up-" + what);
        t.setDaemon(true);
        t.start();
        warmUps.add(t);
    }

    /** The models are loaded (or failed to); says how long it took. Idempotent. */
    void modelsLoaded() {
        if (loaded) return;
        loaded = true;
        err.printf(Locale.ROOT, " %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    /** What to do when the run is interrupted: stop the work in progress (called once, on the signal's thread). */
    void onInterrupt(Runnable stop) {
        this.stop = stop;
    }

    /** As {@link #onInterrupt(Runnable)}, saying in a few words what stopping keeps (printed with the signal). */
    void onInterrupt(Runnable stop, String keeps) {
        this.stopping = keeps;
        this.stop = stop;
    }

    /** Whether Ctrl-C (or a kill) came: the command stops before its next input and exits with 130. */
    boolean interrupted() {
        return interrupted;
    }

    private void signalled(Signal signal) {
        if (interrupted) Runtime.getRuntime().halt(128 + signal.getNumber());
        interrupted = true;
        err.println("\nfacsflow: stopping (" + stopping + "; Ctrl-C again to quit at once)");
        Runnable s = stop;
        if (s != null) s.run();
    }

    /**
     * The command is over (its models closed by now): the signals are the JVM's again. Warm-ups still loading a
     * native library (a command that failed at once) are waited for: exiting in the middle of that can crash too.
     */
    @Override
    public void close() {
        modelsLoaded();
        for (Thread t : warmUps) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        previous.forEach(Signal::handle);
    }
}
