package org.facsflow.fusion;

import org.facsflow.facs.validation.OpenFaceCsv;
import org.facsflow.facs.validation.OpenFaceRow;
import org.facsflow.fusion.signal.ClockSync;
import org.facsflow.fusion.signal.Resampled;
import org.facsflow.fusion.signal.Signal;
import org.facsflow.fusion.signal.SignalFiles;
import org.facsflow.pipeline.table.ResultSchema;
import org.facsflow.pipeline.table.ResultTable;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Fusion of one analysed recording, as {@code facsflow fuse} runs it: the results table (analyze's CSV, with its
 * voice columns when the video had speech) on windows, the signal files put on the video's clock and resampled onto
 * the same windows, then the early-fusion table, the late-fusion table and a plot per face, beside each other in
 * {@code outputDir} as {@code <stem>_early.csv}, {@code <stem>_fusion.csv}, {@code <stem>_fusion_face<N>.png}.
 *
 * @param face the face the signals belong to; null: the face measured in the most frames
 */
public record FusionRun(Path results, List<SignalSource> signals, double[] videoMarkers, double windowSeconds, Integer face,
                        Path outputDir, boolean plot) {
    /** What a run wrote and what it found, for the command's messages. */
    public record Outcome(Path early, Path late, List<Path> plots, int signalsFace, List<String> notes) {
    }

    public Outcome run() throws IOException {
        OpenFaceCsv csv = ResultTable.read(results);
        double end = 0;
        for (OpenFaceRow row : csv.rows()) end = Math.max(end, row.value(ResultSchema.TIMESTAMP));
        Windows w = Windows.covering(0, end, windowSeconds);
        Map<Integer, Map<String, double[]>> faces = FaceFeatures.of(csv, w);
        if (faces.isEmpty()) throw new IOException(results + ": no successfully tracked face to fuse with");
        int owner = face != null ? face : mostMeasured(faces);
        if (!faces.containsKey(owner)) throw new IOException(results + ": no face " + owner + " in it (faces: " + faces.keySet() + ")");
        List<String> notes = new ArrayList<>();
        List<Resampled> resampled = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (SignalSource source : signals) {
            ClockSync clock = source.clock(videoMarkers);
            for (Signal s : SignalFiles.read(source.file())) {
                Signal aligned = clock.align(s, 0, end);
                String name = aligned.name();
                for (int k = 2; !names.add(name); k++) name = aligned.name() + "_" + k;
                if (!name.equals(aligned.name()))
                    aligned = new Signal(name, aligned.file(), aligned.role(), aligned.times(), aligned.values(), aligned.interval());
                Resampled r = Resampled.onto(aligned, w);
                resampled.add(r);
                double covered = 0;
                for (double c : r.coverage()) covered += c;
                notes.add(String.format(Locale.ROOT, "%s: %s (%s), %s; covers %.0f%% of the video", source.file(), name,
                        role(aligned), clock.description(), 100 * covered / w.count()));
            }
        }
        if (!csv.hasColumn(ResultSchema.VOICE_ACTIVE))
            notes.add(results + ": no voice columns (a video without an audio track, or analysed with --no-voice)");
        EarlyFusion early = EarlyFusion.of(w, faces, resampled, owner);
        LateFusion late = LateFusion.of(early, resampled, owner);
        String stem = results.getFileName().toString().replaceFirst("(\\.csv)?(\\.gz)?$", "");
        Path earlyCsv = outputDir.resolve(stem + "_early.csv"), lateCsv = outputDir.resolve(stem + "_fusion.csv");
        FusionTables.writeEarly(earlyCsv, early);
        FusionTables.writeLate(lateCsv, late);
        List<Path> plots = new ArrayList<>();
        if (plot)
            for (int id : late.faces().keySet()) {
                Path png = outputDir.resolve(stem + "_fusion_face" + id + ".png");
                FusionPlot.write(png, stem + ", face " + id + ": face only and fused", w, late.faces().get(id));
                plots.add(png);
            }
        return new Outcome(earlyCsv, lateCsv, plots, owner, notes);
    }

    private static String role(Signal s) {
        return switch (s.role()) {
            case SKIN_CONDUCTANCE -> "skin conductance: arousal";
            case HEART_RATE -> "heart rate: arousal";
            case EVENTS -> "events: engagement";
            case OTHER -> "early fusion only";
        };
    }

    private static int mostMeasured(Map<Integer, Map<String, double[]>> faces) {
        int best = faces.keySet().iterator().next();
        double most = -1;
        for (Map.Entry<Integer, Map<String, double[]>> f : faces.entrySet()) {
            double sum = 0;
            for (double v : f.getValue().get(FaceFeatures.MEASURED)) if (!Double.isNaN(v)) sum += v;
            if (sum > most) {
                most = sum;
                best = f.getKey();
            }
        }
        return best;
    }
}
