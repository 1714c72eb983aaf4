package org.facsflow.apps;

import org.facsflow.apps.output.AtomicFile;
import org.facsflow.apps.output.FaceColumns;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Analyses still images one by one: each input gets its own CSV (and overlay), written atomically; a bad file is
 * reported and the run goes on.
 */
final class ImageJob {
    static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "gif", "tif", "tiff", "webp");

    record Options(boolean overlay, boolean mesh, boolean plainCsv) {
    }

    /** What happened to each input. */
    record Summary(List<Path> analysed, List<Path> withoutFace, List<String> failures) {
        int exitCode() {
            if (!failures.isEmpty()) return 1;
            return analysed.isEmpty() ? 3 : 0;
        }
    }

    private final FaceAnalyzer analyzer;
    private final Path outputDir;
    private final Options options;
    private final PrintStream out, err;

    ImageJob(FaceAnalyzer analyzer, Path outputDir, Options options, PrintStream out, PrintStream err) {
        this.analyzer = analyzer;
        this.outputDir = outputDir;
        this.options = options;
        this.out = out;
        this.err = err;
    }

    Summary run(List<Path> inputs) {
        Summary summary = new Summary(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (Path file : expand(inputs, summary.failures())) {
            try {
                List<FaceObservation> faces = analyzeOne(file);
                (faces.isEmpty() ? summary.withoutFace() : summary.analysed()).add(file);
            } catch (MediaException e) {
                summary.failures().add(e.getMessage());
                err.println("facsflow: " + e.getMessage());
            } catch (IOException e) {
                String message = file + ": cannot write results (" + e.getMessage() + ")";
                summary.failures().add(message);
                err.println("facsflow: " + message);
            }
        }
        out.printf("%d image(s) analysed, %d without a face, %d failed%n", summary.analysed().size(),
                summary.withoutFace().size(), summary.failures().size());
        for (String failure : summary.failures()) out.println("  failed: " + failure);
        return summary;
    }

    private List<FaceObservation> analyzeOne(Path file) throws MediaException, IOException {
        RgbImage image = StillImages.read(file);
        List<FaceObservation> faces = analyzer.analyzeStill(image);
        if (faces.isEmpty()) {
            out.println(file + ": no face found (no CSV written)");
            return faces;
        }
        String base = baseName(file);
        Path csv = outputDir.resolve(base + ".csv");
        String separator = options.plainCsv() ? "," : FaceCsvWriter.OPENFACE_SEPARATOR;
        try (FaceCsvWriter writer = new FaceCsvWriter(csv, FaceColumns.standard(options.mesh()), separator)) {
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
        return faces;
    }

    /** Files as given, folders as their image files in name order; a missing input is a failure, not a stop. */
    private List<Path> expand(List<Path> inputs, List<String> failures) {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (!Files.isDirectory(input)) {
                files.add(input);
                continue;
            }
            try (Stream<Path> listing = Files.list(input)) {
                List<Path> images = listing.filter(p -> IMAGE_EXTENSIONS.contains(extension(p))).sorted().toList();
                if (images.isEmpty()) {
                    failures.add(input + ": folder has no image files");
                    err.println("facsflow: " + input + ": folder has no image files");
                }
                files.addAll(images);
            } catch (IOException e) {
                failures.add(input + ": cannot list the folder (" + e.getMessage() + ")");
            }
        }
        return files;
    }

    static String extension(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String baseName(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }
}
