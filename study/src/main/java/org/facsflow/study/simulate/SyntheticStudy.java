package org.facsflow.study.simulate;

import org.facsflow.study.AtomicWrite;
import org.facsflow.study.Csv;
import org.facsflow.study.Design;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a simulated A/B study (a manifest and one {@link SyntheticRecording} per row) so that users can see the
 * whole analysis, and tests can check that a planted effect is found and a null one is not. Condition AdA has smile
 * strength 1 and its funny moment 8 s in; AdB has smile strength {@code smileRatio} and its funny moment 4 s in;
 * both frown a little. With a ratio of 1 the conditions differ only in when people smile, which none of the tested
 * metrics measures: a null study.
 * Recordings are 16 s with the 15-s stimulus starting at 1 s; 3% of frames lose the face. A covariate column
 * {@code age_group} shows how extra manifest columns travel.
 *
 * @param participants participants per condition (within: each sees both; between: 2 x this many in all)
 * @param design       within- or between-subject
 * @param smileRatio   AdB's smile strength relative to AdA's; 1 plants no effect at all
 * @param seed         seeds every recording
 */
public record SyntheticStudy(int participants, Design design, double smileRatio, long seed) {
    public static final String A = "AdA", B = "AdB";
    static final double FPS = 30, SECONDS = 16, ONSET = 1, STIMULUS = 15, JOKE_A = 8, JOKE_B = 4;

    public SyntheticStudy {
        if (participants < 2) throw new IllegalArgumentException("need at least 2 participants per condition");
        if (!(smileRatio >= 0)) throw new IllegalArgumentException("smile ratio must be >= 0");
    }

    /** Writes {@code dir/manifest.csv} and {@code dir/recordings/*.synthetic}; returns the manifest. */
    public Path write(Path dir) throws IOException {
        Path recordings = dir.resolve("recordings");
        Files.createDirectories(recordings);
        SplittableRandom random = new SplittableRandom(seed);
        List<String> lines = new ArrayList<>();
        lines.add(Csv.line("participant", "condition", "video", "onset", "duration", "age_group"));
        int people = design == Design.WITHIN ? participants : 2 * participants;
        for (int p = 1; p <= people; p++) {
            String id = String.format(Locale.ROOT, "p%02d", p);
            long traits = random.nextLong();
            String age = random.nextBoolean() ? "18-34" : "35-54";
            for (String condition : design == Design.WITHIN ? List.of(A, B) : List.of(p % 2 == 1 ? A : B)) {
                boolean a = condition.equals(A);
                SyntheticRecording spec = new SyntheticRecording(traits, random.nextLong(), FPS, SECONDS, ONSET,
                        a ? 1 : smileRatio, a ? JOKE_A : JOKE_B, 0.3, 0.03);
                String file = id + "_" + condition + ".synthetic";
                spec.write(recordings.resolve(file));
                lines.add(Csv.line(id, condition, "recordings/" + file, ONSET, STIMULUS, age));
            }
        }
        Path manifest = dir.resolve("manifest.csv");
        AtomicWrite.writeString(manifest, String.join("\n", lines) + "\n");
        return manifest;
    }
}
