package org.facsflow.apps;

import org.facsflow.face.pose.CanonicalFace;
import org.facsflow.face.track.TrackerSettings;
import org.facsflow.face.track.TrackingPipeline;
import org.facsflow.facs.calibration.AgreementTable;
import org.facsflow.facs.calibration.AuCalibration;
import org.facsflow.facs.calibration.ModelCard;
import org.facsflow.facs.calibration.PriorCheck;
import org.facsflow.facs.calibration.TrainingClip;
import org.facsflow.facs.calibration.TrainingCorpus;
import org.facsflow.facs.coding.AuModel;
import org.facsflow.facs.coding.BaselineMode;
import org.facsflow.facs.coding.FaceFeatures;
import org.facsflow.io.AtomicFile;
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
 * {@code facsflow calibrate}: fits the AU model (facs' {@link AuCalibration}) to frame-level reference AU outputs,
 * reports leave-people-out agreement, checks the hand-set AUs, and writes the model and its model card. Without
 * --video/--reference it uses the training corpus and the development references in shared/.
 */
@Command(name = "calibrate", sortOptions = false,
        description = {"Fit the AU coder to frame-level reference AU outputs in OpenFace's CSV layout (AUxx_r, AUxx_c, "
                + "success): descriptor reductions, then per AU ridge models whose penalty, cut-off, presence model "
                + "and thresholds are chosen by cross-validation grouped by person, and boosted trees (XGBoost) on what "
                + "they leave where the same folds find them better. Reports agreement on people held "
                + "out (nested: all choices made without them), checks the hand-set AUs, and writes the model JSON and "
                + "a model card.",
                "Without --video/--reference it uses shared/training (corpus.csv) and the development references "
                        + "(cap12_edit from the models cache, WolfgangLanger_Pexels, single_face).",
                "Each video is tracked with the real face stage once and its features cached (--cache, keyed by the "
                        + "video's SHA-256), so a second run takes minutes.",
                "Exit status: 0 fitted; 1 an input could not be read or the model not written."})
final class CalibrateCommand implements Callable<Integer> {
    @Option(names = "--video", paramLabel = "FILE", description = "A video (repeat; pairs with --reference in order).")
    List<Path> videos = new ArrayList<>();

    @Option(names = "--reference", paramLabel = "CSV", description = "Its frame-level AU reference (plain or .gz).")
    List<Path> references = new ArrayList<>();

    @Option(names = "--person", paramLabel = "NAME",
            description = "Who is in each video (repeat, in order; default: one person per video). Videos of one "
                    + "person are held out together. At least 3 people are needed.")
    List<String> persons = new ArrayList<>();

    @Option(names = "--out", paramLabel = "MODEL.json", description = "Where to write the model (default: ${DEFAULT-VALUE}).",
            defaultValue = "facs/src/main/resources/org/facsflow/facs/au-model.json")
    Path out;

    @Option(names = "--card", paramLabel = "FILE.md", description = "Where to write the model card (default: ${DEFAULT-VALUE}).",
            defaultValue = "docs/au-model-card.md")
    Path card;

    @Option(names = "--cache", paramLabel = "DIR", description = "Where tracks and features are cached between runs "
            + "(identifying data; default: ${DEFAULT-VALUE}).", defaultValue = "${sys:user.home}/.cache/facsflow/calibration")
    Path cache;

    @Option(names = "--folds", paramLabel = "K", defaultValue = "4",
            description = "Outer cross-validation folds, grouped by person (default: ${DEFAULT-VALUE}).")
    int folds;

    @Option(names = "--no-cv", description = "Skip the cross-validation report (fit and write the model only; the "
            + "hand-set AUs then go unchecked, so they are written experimental).")
    boolean noCv;

    @Option(names = "--max-frames", paramLabel = "N", defaultValue = "0",
            description = "Only the first N frames of each video (a quick trial; default: all).")
    int maxFrames;

    @Override
    public Integer call() {
        try {
            List<TrainingClip.Source> sources = sources();
            AssetStore store = AssetStore.standard();
            FaceFeatures features = new FaceFeatures(CanonicalFace.load(store.require("canonical-face")));
            List<TrainingClip> clips = new ArrayList<>();
            try (TrackingPipeline pipeline = TrackingPipeline.create(store, TrackerSettings.DEFAULT,
                    TrackingPipeline.defaultMeasuringThreads())) {
                for (TrainingClip.Source s : sources) {
                    TrainingClip clip = TrainingClip.load(s, cache, pipeline, features);
                    clips.add(clip);
                    System.out.printf("%s (%s): %d frames, %d with a face%n", s.name(), s.person(), clip.frames(),
                            java.util.Arrays.stream(clip.features()).filter(f -> f != null).count());
                }
            }
            AuCalibration.CrossValidation cv = noCv ? null : AuCalibration.crossValidate(clips, folds, System.out::println);
            System.out.println("final model: fitting on all " + clips.size() + " clips");
            AuCalibration.Fit fit = AuCalibration.fit(clips, note(sources, clips), System.out::println);
            AuModel model = fit.model();
            ModelCard.Results results = null;
            if (cv != null) {
                Map<BaselineMode, AgreementTable> tables = new LinkedHashMap<>();
                cv.coded().forEach((mode, coded) -> tables.put(mode, AgreementTable.of(clips, coded)));
                List<PriorCheck.Result> checks = PriorCheck.run(clips, cv.coded().get(BaselineMode.OFFLINE));
                model = ModelCard.judgePriors(model, checks);
                results = new ModelCard.Results(cv, tables, checks);
                for (var e : tables.entrySet())
                    System.out.printf(Locale.ROOT, "held-out people, %s baseline: mean r %.3f, CCC %.3f, presence F1 %.3f%n",
                            e.getKey().label(), e.getValue().mean().r(), e.getValue().mean().ccc(), e.getValue().mean().f1());
                checks.forEach(c -> System.out.println("AU" + c.au() + " " + c.summary()));
            }
            model.write(out);
            System.out.println("model: " + out);
            if (card != null) {
                String text = ModelCard.markdown(model, fit, results, command());
                AtomicFile.writeText(card, w -> w.write(text));
                System.out.println("model card: " + card);
            }
            return 0;
        } catch (IOException | UncheckedIOException | MediaException | IllegalArgumentException e) {
            System.err.println("facsflow calibrate: " + e.getMessage());
            return 1;
        }
    }

    private String command() {
        return videos.isEmpty() ? "./facsflow calibrate" : "./facsflow calibrate --video ... --reference ...";
    }

    private static Map<String, Object> note(List<TrainingClip.Source> sources, List<TrainingClip> clips) {
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("made_by", "facsflow calibrate");
        note.put("date", LocalDate.now().toString());
        note.put("method", "see docs/au-model-card.md");
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("clip", sources.get(i).name());
            d.put("person", sources.get(i).person());
            d.put("video_sha256", clips.get(i).sha256());
            d.put("frames", clips.get(i).frames());
            inputs.add(d);
        }
        note.put("inputs", inputs);
        return note;
    }

    private List<TrainingClip.Source> sources() throws IOException {
        if (videos.size() != references.size())
            throw new IllegalArgumentException(videos.size() + " --video but " + references.size() + " --reference: give them in pairs");
        if (!persons.isEmpty() && persons.size() != videos.size())
            throw new IllegalArgumentException(persons.size() + " --person for " + videos.size() + " videos");
        List<TrainingClip.Source> sources = new ArrayList<>();
        for (int i = 0; i < videos.size(); i++) {
            String name = videos.get(i).getFileName().toString();
            sources.add(new TrainingClip.Source(name, persons.isEmpty() ? name : persons.get(i), videos.get(i), references.get(i),
                    maxFrames));
        }
        if (!sources.isEmpty()) return sources;
        Path shared = SharedFolder.find("training").filter(Files::isDirectory).map(Path::getParent).orElseThrow(() ->
                new IOException("no shared/training above " + Path.of("").toAbsolutePath() + ": give --video and --reference pairs"));
        sources.addAll(TrainingCorpus.training(shared.resolve("training")));
        sources.addAll(TrainingCorpus.development(shared, AssetStore.standard()));
        return maxFrames == 0 ? sources : sources.stream().map(s -> new TrainingClip.Source(s.name(), s.person(), s.video(),
                s.reference(), maxFrames)).toList();
    }
}
