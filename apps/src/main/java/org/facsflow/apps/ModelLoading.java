package org.facsflow.apps;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The first second of a run: says that the models are loading (and how long it took), and keeps Ctrl-C from ending
 * the JVM while ONNX Runtime is creating sessions on other threads: exiting then ran ONNX Runtime's static destructors
 * under a thread still inside it, and the JVM died with SIGSEGV and an hs_err file. The hook lets loading finish
 * (a second or two), then the JVM exits normally.
 */
final class ModelLoading {
    private static final long MAX_WAIT_SECONDS = 30;

    private final PrintStream err;
    private final long started = System.nanoTime();
    private final CountDownLatch loaded = new CountDownLatch(1);
    private final Thread hook;

    private ModelLoading(PrintStream err) {
        this.err = err;
        this.hook = new Thread(this::awaitLoaded, "facsflow-loading");
    }

    static ModelLoading start(PrintStream err) {
        ModelLoading loading = new ModelLoading(err);
        Runtime.getRuntime().addShutdownHook(loading.hook);
        err.print("facsflow: loading models...");
        err.flush();
        return loading;
    }

    /** Loading is over (done or failed); idempotent. */
    void done() {
        if (loaded.getCount() == 0) return;
        loaded.countDown();
        err.printf(Locale.ROOT, " %.1f s%n", (System.nanoTime() - started) / 1e9);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C came during loading: the hook is running and has just been released
        }
    }

    private void awaitLoaded() {
        try {
            loaded.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
