package org.facsflow.apps;

import org.facsflow.affect.AffectAnalyzer;
import org.facsflow.apps.output.FaceCsvWriter;
import org.facsflow.apps.output.FaceRow;
import org.facsflow.apps.output.OverlayRenderer;
import org.facsflow.face.FaceAnalyzer;
import org.facsflow.face.FaceObservation;
import org.facsflow.face.pose.CameraIntrinsics;
import org.facsflow.io.AtomicFile;
import org.facsflow.media.MediaException;
import org.facsflow.media.RgbImage;
import org.facsflow.media.StillImages;
import org.facsflow.models.AssetStore;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Analyses still images: each input gets its own CSV (face measures, AUs coded against the population neutral face,
 * affect) and overlay, written atomically. An image without a face gets no CSV. As a {@link Batch.Job} it shares the
 * batch rules (a bad file is reported and the run goes on).
 *
 * <p>Images are independent, so {@link #plan} starts them on several threads at once, each with its own models (they
 * are not thread-safe); the batch then collects each image's result in input order, so messages and the summary read
 * as if they ran one by one. Only the input names wait in the queue: at most one image per thread is in memory.
 */
final class ImageJob implements Batch.Job, AutoCloseable {
    record Options(boolean overlay, boolean mesh, boolean plainCsv) {
    }

    /** One thread's models. */
    private record Models(FaceAnalyzer analyzer, FaceCoding coding) {
    }

    /** What one image gave: its outcome and the lines to print, kept until the batch reaches it. */
    private record Result(Batch.Outcome outcome, String lines) {
    }

    private record Planned(String input, Future<Result> result) {
    }

    private final List<Models> models;
    private final BlockingQueue<Models> idle;
    private final ExecutorService workers;
    private final Deque<Planned> planned = new ArrayDeque<>();
    private final Path outputDir;
    private final Options options;
    private final PrintStream out;

    private ImageJob(List<Models> models, Path outputDir, Options options, PrintStream out) {
        this.models = models;
        this.idle = new ArrayBlockingQueue<>(models.size(), false, models);
        this.workers = Executors.newFixedThreadPool(models.size(), r -> {
            Thread t = new Thread(r, "facsflow-image");
            t.setDaemon(true);
            return t;
        });
        this.outputDir = outputDir;
        this.options = options;
        this.out = out;
    }

    /** Images analysed at once when the user names no number: both cores of a small machine. */
    static final int DEFAULT_THREADS = 2;

    /** Loads the models for {@code threads} images at once (at least one). */
    static ImageJob create(AssetStore store, int threads, Path outputDir, Options options, PrintStream out) {
        List<Models> models = new ArrayList<>();
        try {
            for (int i = 0; i < Math.max(1, threads); i++) {
                FaceAnalyzer analyzer = FaceAnalyzer.create(store);
                try {
                    models.add(new Models(analyzer, new FaceCoding(store, AffectAnalyzer.CLASSIFIER_INTERVAL_S)));
                } catch (RuntimeException e) {
                    analyzer.close();
                    throw e;
                }
            }
        } catch (RuntimeException e) {
            close(models);
            throw e;
        }
        return new ImageJob(List.copyOf(models), outputDir, options, out);
    }

    /** Images and folders of images, as a batch of their own (the set-up demo). */
    Batch.Summary run(List<Path> inputs) {
        Batch batch = new Batch(out, System.err);
        List<String> expanded = batch.expand(inputs.stream().map(Path::toString).toList());
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
        Models m;
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

    private Result analyzeOne(Path file, Models m) throws MediaException, IOException {
        RgbImage image = StillImages.read(file);
        List<FaceObservation> faces = m.analyzer().analyzeStill(image);
        if (faces.isEmpty()) return new Result(Batch.Outcome.NO_FACE, file + ": no face found (no CSV written)\n");
        FaceCoding coding = m.coding();
        String base = Batch.baseName(file);
        Path csv = outputDir.resolve(base + ".csv");
        String separator = options.plainCsv() ? "," : FaceCsvWriter.OPENFACE_SEPARATOR;
        coding.nextFrame();
        for (FaceObservation face : faces) coding.codeStill(image, face);
        try (FaceCsvWriter writer = new FaceCsvWriter(csv, coding.columns(options.mesh()), separator)) {
            for (FaceObservation face : faces) writer.write(new FaceRow(1, 0, face));
            writer.commit();
        }
        String overlayNote = "";
        if (options.overlay()) {
            Path overlay = outputDir.resolve(base + "_overlay.jpg");
            try (AtomicFile f = AtomicFile.create(overlay)) {
                CameraIntrinsics camera = CameraIntrinsics.openFaceDefault(image.width(), image.height());
                ImageIO.write(new OverlayRenderer(options.mesh()).render(image, faces, camera), "jpg", f.stream());
                f.commit();
            }
            overlayNote = ", overlay " + overlay;
        }
        StringBuilder lines = new StringBuilder(String.format("%s: %d face(s) -> %s%s%n", file, faces.size(), csv, overlayNote));
        for (FaceObservation face : faces)
            lines.append("  ").append(coding.describe(face.faceId(), coding.aus(face), coding.affect(face))).append(System.lineSeparator());
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

    private static void close(List<Models> models) {
        for (Models m : models) {
            m.analyzer().close();
            m.coding().close();
        }
    }
}
