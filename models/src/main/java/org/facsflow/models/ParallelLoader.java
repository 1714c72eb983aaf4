package org.facsflow.models;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Loads several models at once, each on its own thread: start-up is mostly single-threaded work per model (reading,
 * hashing, ONNX Runtime's graph optimisation, native libraries), so on two cores loading in parallel roughly halves
 * it. {@link #awaitAll} either returns with everything loaded, or closes whatever did load and throws the first
 * failure (an {@link AssetUnavailableException} telling the user to run set-up stays what it is).
 */
public final class ParallelLoader {
    private final List<CompletableFuture<? extends AutoCloseable>> started = new ArrayList<>();

    /** Starts loading; the future's value is ready once {@link #awaitAll} returned. */
    public <T extends AutoCloseable> CompletableFuture<T> start(Supplier<T> load) {
        CompletableFuture<T> future = CompletableFuture.supplyAsync(load);
        started.add(future);
        return future;
    }

    public void awaitAll() {
        RuntimeException failure = null;
        for (CompletableFuture<? extends AutoCloseable> f : started) {
            try {
                f.join();
            } catch (CompletionException e) {
                if (failure == null) failure = e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        if (failure == null) return;
        for (CompletableFuture<? extends AutoCloseable> f : started)
            if (!f.isCompletedExceptionally()) close(f.join());
        throw failure;
    }

    /** Gives up on everything started: waits for each load to end and closes what loaded (the caller failed). */
    public void closeAll() {
        for (CompletableFuture<? extends AutoCloseable> f : started) {
            try {
                close(f.join());
            } catch (CompletionException failed) {
                // nothing to close
            }
        }
    }

    private static void close(AutoCloseable loaded) {
        try {
            loaded.close();
        } catch (Exception e) {
            // the load failure is what is reported
        }
    }
}
