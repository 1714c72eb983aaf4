package org.facsflow.affect;

import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.coding.AuFrame;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The AU coder's output for one face in one frame, as the affect layer reads it: a 0-5 intensity per AU of
 * {@link ActionUnit#CODED} (same order, 25 values), and optionally one-sided intensities for the AUs that FACS scores
 * per side. Left and right are the person's own (FACS's L/R prefix), not the image's. NaN means not measured; a null
 * side array means the coder measured no side at all.
 */
public record AuIntensities(float[] values, float[] left, float[] right) {
    private static final List<ActionUnit> CODED = ActionUnit.CODED;
    private static final int[] INDEX = index();

    public AuIntensities {
        check(values, "values");
        if (left != null) check(left, "left");
        if (right != null) check(right, "right");
    }

    /** Both sides together only. */
    public AuIntensities(float[] values) {
        this(values, null, null);
    }

    /** The AU coder's frame as the affect layer reads it; null for null (a face not coded). */
    public static AuIntensities of(AuFrame frame) {
        return frame == null ? null : new AuIntensities(frame.intensity(), frame.left(), frame.right());
    }

    /** From AU number to intensity, for hand-made inputs; AUs not named are 0, sides unmeasured unless given. */
    public static AuIntensities of(Map<Integer, Float> intensities) {
        return new AuIntensities(array(intensities, 0), null, null);
    }

    /** As {@link #of(Map)}, plus per-side intensities (AUs not named on a side are 0). */
    public static AuIntensities of(Map<Integer, Float> both, Map<Integer, Float> left, Map<Integer, Float> right) {
        return new AuIntensities(array(both, 0), array(left, 0), array(right, 0));
    }

    /** Position of {@code au} in {@link ActionUnit#CODED}; throws for an AU the coder does not measure. */
    public static int indexOf(ActionUnit au) {
        int i = au.number() < INDEX.length ? INDEX[au.number()] : -1;
        if (i < 0) throw new IllegalArgumentException(au.code() + " is not among the coded AUs");
        return i;
    }

    public float get(ActionUnit au) {
        return values[indexOf(au)];
    }

    /** The person's left side; NaN if not measured. */
    public float left(ActionUnit au) {
        return left == null ? Float.NaN : left[indexOf(au)];
    }

    /** The person's right side; NaN if not measured. */
    public float right(ActionUnit au) {
        return right == null ? Float.NaN : right[indexOf(au)];
    }

    /** The same face seen in a mirror: left and right swapped. */
    public AuIntensities mirrored() {
        return new AuIntensities(values, right, left);
    }

    private static void check(float[] a, String what) {
        if (a.length != CODED.size())
            throw new IllegalArgumentException(what + " has " + a.length + " intensities, the coded AUs are " + CODED.size());
    }

    private static float[] array(Map<Integer, Float> intensities, float missing) {
        float[] a = new float[CODED.size()];
        Arrays.fill(a, missing);
        intensities.forEach((number, v) -> a[indexOf(ActionUnit.of(number))] = v);
        return a;
    }

    private static int[] index() {
        int max = CODED.stream().mapToInt(ActionUnit::number).max().orElse(0);
        int[] index = new int[max + 1];
        Arrays.fill(index, -1);
        for (int i = 0; i < CODED.size(); i++) index[CODED.get(i).number()] = i;
        return index;
    }
}
