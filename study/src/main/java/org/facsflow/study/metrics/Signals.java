package org.facsflow.study.metrics;

import org.facsflow.facs.ActionUnit;
import org.facsflow.pipeline.table.ResultSchema;
import org.facsflow.study.StudyFrame;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The time series a study follows per recording: the 25 coded AUs, in {@link ActionUnit#CODED} order, then the
 * {@link #MEASURES} beyond them (valence, arousal and the recording's voice, named as in the result table). Index
 * {@code i < AU_COUNT} is {@code ActionUnit.CODED.get(i)}; index {@code AU_COUNT + k} is {@code MEASURES.get(k)}.
 */
public final class Signals {
    public static final int AU_COUNT = StudyFrame.AU_COUNT;
    /**
     * A signal beyond the AUs, as tables, charts and summaries name it.
     *
     * @param column its result-table (and study database) column
     * @param title  beside its code in tables and chart titles
     * @param axis   a curve's axis
     * @param unit   after a difference's number
     * @param what   words for a summary
     */
    public record Measure(String column, String title, String axis, String unit, String what) {
    }

    /** The face's valence and arousal (as in analyze's CSV), then the voice on the participant's frames. */
    private static final List<Measure> TABLE = List.of(
            new Measure(ResultSchema.VALENCE, "valence", "valence (-1 to 1)", " on the -1 to 1 valence scale", "valence"),
            new Measure(ResultSchema.AROUSAL, "arousal", "arousal (-1 to 1)", " on the -1 to 1 arousal scale", "arousal"),
            new Measure(ResultSchema.VOICE_ACTIVE, "voice_active (speaking)", "share of the frame speaking (0-1)",
                    " of the time", "share of time speaking"),
            new Measure(ResultSchema.VOICE_ENERGY, "voice_energy (loudness)", "level (dBFS)", " dB", "voice level"),
            new Measure(ResultSchema.VOICE_F0, "voice_f0 (pitch)", "F0 (Hz)", " Hz", "voice pitch (F0)"),
            new Measure(ResultSchema.VOICE_RATE, "voice_rate (syllables per second)", "syllables per second",
                    " syllables/s", "speech rate"));
    /** The measures' columns, in signal order. */
    public static final List<String> MEASURES = TABLE.stream().map(Measure::column).toList();
    public static final int VALENCE = AU_COUNT, AROUSAL = AU_COUNT + 1, VOICE_ACTIVE = AU_COUNT + 2,
            VOICE_ENERGY = AU_COUNT + 3, VOICE_F0 = AU_COUNT + 4, VOICE_RATE = AU_COUNT + 5;
    public static final int COUNT = AU_COUNT + MEASURES.size();
    public static final int AU4 = ActionUnit.CODED.indexOf(ActionUnit.AU4);
    public static final int AU6 = ActionUnit.CODED.indexOf(ActionUnit.AU6);
    public static final int AU12 = ActionUnit.CODED.indexOf(ActionUnit.AU12);

    private Signals() {
    }

    /** "AU12", or a measure's column name ("valence", "voice_f0"). */
    public static String name(int signal) {
        return signal < AU_COUNT ? ActionUnit.CODED.get(signal).code() : MEASURES.get(signal - AU_COUNT);
    }

    /** The index of a {@link #name}; -1 when unknown. */
    public static int index(String name) {
        int measure = MEASURES.indexOf(name);
        if (measure >= 0) return AU_COUNT + measure;
        for (int i = 0; i < AU_COUNT; i++) if (name(i).equals(name)) return i;
        return -1;
    }

    /** Whether the signal is the voice's (measured from the recording's sound, not the face). */
    public static boolean voice(int signal) {
        return signal >= VOICE_ACTIVE;
    }

    /** The Parquet/DuckDB column of AU i, OpenFace-style: {@code AU01_r}. */
    public static String column(int au) {
        return String.format("AU%02d_r", ActionUnit.CODED.get(au).number());
    }

    /** Every AU column, in order. */
    public static List<String> columns() {
        return IntStream.range(0, AU_COUNT).mapToObj(Signals::column).toList();
    }

    /** The measure of signal index {@code signal} (at or beyond {@link #AU_COUNT}). */
    public static Measure measure(int signal) {
        return TABLE.get(signal - AU_COUNT);
    }

    /** "AU12 Lip Corner Puller", "valence", "voice_f0 (pitch)". */
    public static String title(int signal) {
        return signal < AU_COUNT ? name(signal) + " " + ActionUnit.CODED.get(signal).name() : measure(signal).title();
    }

    /** The axis of a curve: "intensity (0-5)", "valence (-1 to 1)", "F0 (Hz)". */
    public static String axis(int signal) {
        return signal < AU_COUNT ? "intensity (0-5)" : measure(signal).axis();
    }
}
