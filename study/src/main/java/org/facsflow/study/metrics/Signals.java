package org.facsflow.study.metrics;

import org.facsflow.facs.ActionUnit;
import org.facsflow.study.StudyFrame;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The time series a study follows per recording: the 25 coded AUs, in {@link ActionUnit#CODED} order, then
 * valence. Index {@code i < AU_COUNT} is {@code ActionUnit.CODED.get(i)}.
 */
public final class Signals {
    public static final int AU_COUNT = StudyFrame.AU_COUNT;
    public static final int VALENCE = AU_COUNT;
    public static final int COUNT = AU_COUNT + 1;
    public static final int AU4 = ActionUnit.CODED.indexOf(ActionUnit.AU4);
    public static final int AU6 = ActionUnit.CODED.indexOf(ActionUnit.AU6);
    public static final int AU12 = ActionUnit.CODED.indexOf(ActionUnit.AU12);

    private Signals() {
    }

    /** "AU12", or "valence". */
    public static String name(int signal) {
        return signal == VALENCE ? "valence" : ActionUnit.CODED.get(signal).code();
    }

    /** The index of a {@link #name}; -1 when unknown. */
    public static int index(String name) {
        if (name.equals("valence")) return VALENCE;
        for (int i = 0; i < AU_COUNT; i++) if (name(i).equals(name)) return i;
        return -1;
    }

    /** The Parquet/DuckDB column of AU i, OpenFace-style: {@code AU01_r}. */
    public static String column(int au) {
        return String.format("AU%02d_r", ActionUnit.CODED.get(au).number());
    }

    /** Every AU column, in order. */
    public static List<String> columns() {
        return IntStream.range(0, AU_COUNT).mapToObj(Signals::column).toList();
    }

    /** "AU12 Lip Corner Puller", or "valence". */
    public static String title(int signal) {
        return signal == VALENCE ? "valence" : name(signal) + " " + ActionUnit.CODED.get(signal).name();
    }
}
