package org.facsflow.apps;

import org.facsflow.io.AtomicFile;
import org.facsflow.apps.output.FaceCsvWriter;
import org.facsflow.apps.output.FaceRow;
import org.facsflow.apps.output.OverlayRenderer;
import org.facsflow.face.FaceAnalyzer;
import org.facsflow.face.FaceObservation;
import org.facsflow.face.pose.CameraIntrinsics;
import org.facsflow.media.MediaException;
import org.facsflow.media.RgbImage;
import org.facsflow.media.StillImages;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Analyses still images one by one: each input gets its own CSV (face measures, AUs coded against the population
 * neutral face, affect) and overlay, written atomically. An image without a
 * face gets no CSV. As a {@link Batch.Job} it shares the batch rules (a bad file is reported and the run goes on).
 */
final class ImageJob implements Batch.Job {
    record Options(boolean overlay, boolean mesh, boolean plainCsv) {
    }

    private final FaceAnalyzer analyzer;
    private final FaceCoding coding;
    private final Path outputDir;
    private final Options options;
    private final PrintStream out, err;

    ImageJob(FaceAnalyzer analyzer, FaceCoding coding, Path outputDir, Options options, PrintStream out, PrintStream err) {
        this.analyzer = analyzer;
        this.coding = coding;
        this.outputDir = outputDir;
        this.options = options;
        this.out = out;
        this.err = err;
    }

    /** Images and folders of images, as a batch of their own (the set-up demo). */
    Batch.Summary run(List<Path> inputs) {
        Batch batch = new Batch(out, err);
        List<Batch.Item> items = new ArrayList<>();
        for (String input : batch.expand(inputs.stream().map(Path::toString).toList())) items.add(new Batch.Item(input, this));
        return batch.run(items);
    }

    @Override
    public Batch.Outcome analyze(String input) throws MediaException, IOException {
        return analyzeOne(Path.of(input)).isEmpty() ? Batch.Outcome.NO_FACE : Batch.Outcome.ANALYSED;
    }

    private List<FaceObservation> analyzeOne(Path file) throws MediaException, IOException {
        RgbImage image = StillImages.read(file);
        List<FaceObservation> faces = analyzer.analyzeStill(image);
        if (faces.isEmpty()) {
            out.println(file + ": no face found (no CSV written)");
            return faces;
        }
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
        out.printf("%s: %d face(s) -> %s%s%n", file, faces.size(), csv, overlayNote);
        for (FaceObservation face : faces) out.println("  " + coding.describe(face.faceId(), coding.aus(face), coding.affect(face)));
        return faces;
    }
}
