package org.facsflow.spark;

import org.apache.spark.api.java.function.MapGroupsFunction;
import org.apache.spark.sql.Row;
import org.facsflow.pipeline.table.ResultSchema;
import org.facsflow.study.StudyFrame;
import org.facsflow.study.metrics.MetricSettings;
import org.facsflow.study.metrics.Signals;
import org.facsflow.study.metrics.StudyMetrics;
import org.facsflow.study.metrics.VideoSeries;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * One recording's rows of the result table, turned into the study's series and summarised by the study's own
 * {@link StudyMetrics} with the settings {@code study run} and {@code study compare} use, on an executor. The rows become the frames {@code study run} stores
 * ({@link org.facsflow.study.PipelineExtractor}): a face found and AU-coded (success 1 and a baseline named) is a
 * measured frame of that face; a frame with no such face is one no-face frame. They are added in the order the study
 * reads them back (frame, then face), so every number is the study's.
 */
final class SeriesMetrics implements MapGroupsFunction<String, Row, VideoMetrics> {
    /**
     * The result columns a series needs, in this order: then the study's measures ({@link Signals#MEASURES}: the
     * frame table has them all) and the columns of {@link #AU_SIGNALS}.
     */
    static final List<String> COLUMNS = List.of(ResultSchema.FRAME, ResultSchema.FACE_ID, ResultSchema.TIMESTAMP,
            ResultSchema.SUCCESS, ResultSchema.BASELINE);
    private static final int FRAME = 0, FACE = 1, TIME = 2, SUCCESS = 3, BASELINE = 4, MEASURES = 5;
    private static final int AUS = MEASURES + Signals.MEASURES.size();
    /**
     * The study's AU signals the frame table has a column for, in signal order: the experimental AUs, which the
     * pipeline leaves out, have none and stay NaN (unmeasured), as in {@code study run}.
     */
    private static final int[] AU_SIGNALS = IntStream.range(0, Signals.AU_COUNT)
            .filter(i -> FrameTable.COLUMNS.column(Signals.column(i)).isPresent()).toArray();

    private final Map<String, VideoTask> tasks;

    /** @param tasks by video id */
    SeriesMetrics(Map<String, VideoTask> tasks) {
        this.tasks = new LinkedHashMap<>(tasks);
    }

    /** Every column the rows must carry, in order. */
    static List<String> columns() {
        List<String> all = new ArrayList<>(COLUMNS);
        all.addAll(Signals.MEASURES);
        for (int i : AU_SIGNALS) all.add(Signals.column(i));
        return all;
    }

    @Override
    public VideoMetrics call(String id, java.util.Iterator<Row> rows) {
        List<Row> all = new ArrayList<>();
        rows.forEachRemaining(all::add);
        all.sort(Comparator.<Row>comparingLong(r -> r.getLong(FRAME)).thenComparingLong(r -> r.getLong(FACE)));
        VideoTask task = tasks.get(id);
        VideoSeries.Builder series = VideoSeries.builder(task.recording());
        Set<Long> measured = new HashSet<>();
        List<StudyFrame> unmeasured = new ArrayList<>();
        for (Row r : all) {
            long frame = r.getLong(FRAME) - 1;
            double time = r.getDouble(TIME);
            if (r.getLong(SUCCESS) == 1 && !r.isNullAt(BASELINE)) {
                float[] au = new float[Signals.AU_COUNT];
                Arrays.fill(au, Float.NaN);
                for (int k = 0; k < AU_SIGNALS.length; k++)
                    if (!r.isNullAt(AUS + k)) au[AU_SIGNALS[k]] = (float) r.getDouble(AUS + k);
                float[] measures = new float[Signals.MEASURES.size()];
                for (int k = 0; k < measures.length; k++)
                    measures[k] = r.isNullAt(MEASURES + k) ? Float.NaN : (float) r.getDouble(MEASURES + k);
                series.add(new StudyFrame(Math.toIntExact(r.getLong(FACE)), frame, time, au, true, measures));
                measured.add(frame);
            } else {
                unmeasured.add(StudyFrame.noFace(frame, time));
            }
        }
        Set<Long> noFace = new HashSet<>();
        for (StudyFrame f : unmeasured) if (!measured.contains(f.frame()) && noFace.add(f.frame())) series.add(f);
        return VideoMetrics.of(id, new StudyMetrics(MetricSettings.DEFAULT).summarize(series.build()));
    }
}
