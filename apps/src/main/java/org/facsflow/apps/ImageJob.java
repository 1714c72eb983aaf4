package org.facsflow.apps;

import org.facsflow.apps.output.FaceLine;
import org.facsflow.apps.output.OverlayRenderer;
import org.facsflow.facs.ActionUnit;
import org.facsflow.io.AtomicFile;
import org.facsflow.media.MediaException;
import org.facsflow.media.RgbImage;
import org.facsflow.media.StillImages;
import org.facsflow.models.AssetStore;
import org.facsflow.models.ParallelLoader;
import org.facsflow.pipeline.FaceResult;
import org.facsflow.pipeline.FrameResult;
import org.facsflow.pipeline.Pipeline;
import org.facsflow.pipeline.PipelineSettings;
import org.facsflow.pipeline.table.ResultCsvWriter;
import org.facsflow.pipeline.table.ResultSchema;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Analyses still images with the {@link Pipeline}: each input gets its own CSV (face measures, AUs coded against the
 * population neutral face, affect) and overlay, written atomically. An image without a face gets no CSV. As a {@link Batch.Job} it shares the
 * batch rules (a bad file is reported and the run goes on).
 *
 * <p>Images are independent, so {@link #plan} starts them on several threads at once, each with its own models (they
 * are not thread-safe), never more threads than images; the batch then collects each image's result in input order, so messages and the summary read
 * as if they ran one by one. Only the input names wait in the queue: at most one image per thread is in memory.
 */
final class ImageJob implements Batch.Job, AutoCloseable {
    record Options(boolean overlay, boolean mesh, String separator) {
    }

    /** What an image writes beside its stem (the overlay only when asked; both are claimed). */
    static final List<String> SUFFIXES = List.of(".csv", "_overlay.jpg");

    /** What one image gave: its outcome and the lines to print, kept until the batch reaches it. */
    private record Result(Batch.Outcome outcome, String lines) {
    }

    private record Planned(String input, Future<Result> result) {
    }

    private final List<Pipeline> models;
    private final BlockingQueue<Pipeline> idle;
    private final ExecutorService workers;
    private final Deque<Planned> planned = new ArrayDeque<>();
    private final OutputNames names;
    private final Options options;
    private final PrintStream out;

    private ImageJob(List<Pipeline> models, OutputNames names, Options options, PrintStream out) {
        this.models = models;
        this.idle = new ArrayBlockingQueue<>(models.size(), false, models);
        this.workers = Executors.newFixedThreadPool(models.size(), r -> {
            Thread t = new Thread(r, "facsflow-image");
            t.setDaemon(true);
            return t;
        });
        this.names = names;
        this.options = options;
        this.out = out;
    }

    /** Images analysed at once when the user names no number: both cores of a small machine. */
    static final int DEFAULT_THREADS = 2;

    /** Loads the models for {@code threads} images at once (at least one, at most one per image), in parallel. */
    static ImageJob create(AssetStore store, PipelineSettings settings, int threads, int images, OutputNames names,
                           Options options, PrintStream out) {
        PipelineSettings stills = settings.withMeasuringThreads(0);
        ParallelLoader loader = new ParallelLoader();
        List<CompletableFuture<Pipeline>> loading = new ArrayList<>();
        for (int i = 0; i < Math.max(1, Math.min(threads, images)); i++) loading.add(loader.start(() -> Pipeline.load(store, stills)));
        loader.awaitAll();
        return new ImageJob(loading.stream().map(CompletableFuture::join).toList(), names, options, out);
    }

    /** Images and folders of images, as a batch of their own (the set-up demo). */
    Batch.Summary run(List<String> expanded) {
        Batch batch = new Batch(out, System.err);
        plan(expanded);
        List<Batch.Item> items = new ArrayList<>();
        for (String input : expanded) items.add(new Batch.Item(input, this));
        return batch.run(items);
    }

    /** Starts analysing these images in the background; {@link #analyze} then takes each one's result in this order. */
    void plan(List<String> inputs) {
        for (String input : inputs) planned.addLast(new Planned(input, workers.submit(() -> analyzeOne(Path.of(input)))));
    }

    @Override
    public Batch.Outcome analyze(String input) throws MediaException, IOException {
        Planned next = planned.peekFirst();
        Result result;
        if (next != null && next.input().equals(input)) {
            planned.removeFirst();
            result = await(next.result());
        } else {
            result = analyzeOne(Path.of(input));
        }
        out.print(result.lines());
        return result.outcome();
    }

    private static Result await(Future<Result> future) throws MediaException, IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while analysing images", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof MediaException media) throw media;
            if (cause instanceof IOException io) throw io;
            if (cause instanceof RuntimeException runtime) throw runtime;
            if (cause instanceof Error error) throw error;
            throw new IllegalStateException(cause);
        }
    }

    /** Analyses one image with whichever thread's models are idle. */
    private Result analyzeOne(Path file) throws MediaException, IOException {
        Pipeline m;
        try {
            m = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while analysing images", e);
        }
        try {
            return analyzeOne(file, m);
        } finally {
            idle.add(m);
        }
    }

    private Result analyzeOne(Path file, Pipeline pipeline) throws MediaException, IOException {
        RgbImage image = StillImages.read(file);
        FrameResult result = pipeline.analyzeImage(image);
        if (result.faces().isEmpty()) return new Result(Batch.Outcome.NO_FACE, file + ": no face found (no CSV written)\n");
        String stem = names.stem(file.toString());
        Path csv = names.file(stem, ".csv");
        ResultSchema schema = ResultSchema.standard(options.mesh(), pipeline.settings().experimentalAus());
        try (ResultCsvWriter writer = new ResultCsvWriter(csv, schema, options.separator())) {
            writer.accept(result);
            writer.commit();
        }
        String overlayNote = "";
        if (options.overlay()) {
            Path overlay = names.file(stem, "_overlay.jpg");
            try (AtomicFile f = AtomicFile.create(overlay)) {
                ImageIO.write(new OverlayRenderer(options.mesh()).render(image,
                        result.faces().stream().map(FaceResult::face).toList(), result.camera()), "jpg", f.stream());
                f.commit();
            }
            overlayNote = ", overlay " + overlay;
        }
        StringBuilder lines = new StringBuilder(String.format("%s: %d face(s) -> %s%s%n", file, result.faces().size(), csv, overlayNote));
        for (FaceResult face : result.faces())
            lines.append("  ").append(FaceLine.describe(face, pipeline.auModel()::isReported)).append(System.lineSeparator());
        return new Result(Batch.Outcome.ANALYSED, lines.toString());
    }

    @Override
    public void close() {
        workers.shutdownNow();
        try {
            // Models still in use by a worker are closed once it has stopped.
            workers.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close(models);
    }

    private static void close(List<Pipeline> models) {
        models.forEach(Pipeline::close);
    }
}
