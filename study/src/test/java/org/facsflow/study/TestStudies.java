package org.facsflow.study;

import org.facsflow.study.metrics.MetricSettings;
import org.facsflow.study.metrics.StudyMetrics;
import org.facsflow.study.simulate.SyntheticExtractor;
import org.facsflow.study.simulate.SyntheticStudy;

import java.io.IOException;
import java.nio.file.Path;

/** Simulated studies run through the real runner and store, for the tests. */
final class TestStudies {
    private TestStudies() {
    }

    static StudyManifest simulate(Path dir, int participants, Design design, double smileRatio, long seed) throws Exception {
        return StudyManifest.read(new SyntheticStudy(participants, design, smileRatio, seed).write(dir));
    }

    static StudyRunner.RunResult run(StudyManifest manifest, Path studyDir, VideoExtractor.Factory extractors)
            throws IOException {
        return new StudyRunner(extractors, SyntheticExtractor.SETTINGS, 2, new StudyMetrics(MetricSettings.DEFAULT), RunProgress.silent())
                .run(manifest, studyDir, false);
    }

    static StudyRunner.RunResult run(StudyManifest manifest, Path studyDir) throws IOException {
        return run(manifest, studyDir, SyntheticExtractor::new);
    }
}
