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
    /** The face's valence and arousal (as in analyze's CSV), then the voice on the participant's frames. */
    public static final List<String> MEASURES = List.of(ResultSchema.VALENCE, ResultSchema.AROUSAL,
            ResultSchema.VOICE_ACTIVE, ResultSchema.VOICE_ENERGY, ResultSchema.VOICE_F0, ResultSchema.VOICE_RATE);
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

    /** "AU12 Lip Corner Puller", "valence", "voice_f0 (pitch)". */
    public static String title(int signal) {
        if (signal < AU_COUNT) return name(signal) + " " + ActionUnit.CODED.get(signal).name();
        return switch (name(signal)) {
            case ResultSchema.VOICE_ACTIVE -> "voice_active (speaking)";
            case ResultSchema.VOICE_ENERGY -> "voice_energy (loudness)";
            case ResultSchema.VOICE_F0 -> "voice_f0 (pitch)";
            case ResultSchema.VOICE_RATE -> "voice_rate (syllables per second)";
            default -> name(signal);
        };
    }

    /** The axis of a curve: "intensity (0-5)", "valence (-1 to 1)", "F0 (Hz)". */
    public static String axis(int signal) {
        if (signal < AU_COUNT) return "intensity (0-5)";
        return switch (name(signal)) {
            case ResultSchema.VALENCE -> "valence (-1 to 1)";
            case ResultSchema.AROUSAL -> "arousal (-1 to 1)";
            case ResultSchema.VOICE_ACTIVE -> "share of the frame speaking (0-1)";
            case ResultSchema.VOICE_ENERGY -> "level (dBFS)";
            case ResultSchema.VOICE_F0 -> "F0 (Hz)";
            default -> "syllables per second";
        };
    }
}
