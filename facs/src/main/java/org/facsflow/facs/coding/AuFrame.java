package org.facsflow.facs.coding;

import org.facsflow.facs.ActionUnit;
import org.facsflow.facs.IntensityScale;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * The coded AUs of one face in one frame, indexed like {@link ActionUnit#CODED}. NaN means unmeasurable here (see
 * {@link QualityGate}), not absent. For AUs FACS lets one score on one side ({@link ActionUnit#unilateral()}),
 * {@code left}/{@code right} hold the subject's own sides and {@code intensity} is their mean (computed before
 * clipping to [0, 5]); for the others left and right are NaN.
 *
 * @param intensity 0-5 per coded AU
 * @param present   intensity at or above the AU's presence threshold (false where NaN)
 * @param baseline  how the person's neutral face was estimated
 */
public record AuFrame(float[] intensity, float[] left, float[] right, boolean[] present, BaselineMode baseline) {

    public static int index(ActionUnit au) {
        int i = ActionUnit.CODED.indexOf(au);
        if (i < 0) throw new IllegalArgumentException(au.code() + " is not coded by facsflow");
        return i;
    }

    public float intensity(ActionUnit au) {
        return intensity[index(au)];
    }

    public float left(ActionUnit au) {
        return left[index(au)];
    }

    public float right(ActionUnit au) {
        return right[index(au)];
    }

    public boolean present(ActionUnit au) {
        return present[index(au)];
    }

    /**
     * This frame with only the {@code shown} AUs measured: the others read as not measured (NaN, not present). How
     * the experimental hand-set AUs are left out of default outputs while the coder still computes them.
     */
    public AuFrame only(Predicate<ActionUnit> shown) {
        float[] i = intensity.clone(), l = left.clone(), r = right.clone();
        boolean[] p = present.clone();
        for (int a = 0; a < i.length; a++) {
            if (shown.test(ActionUnit.CODED.get(a))) continue;
            i[a] = l[a] = r[a] = Float.NaN;
            p[a] = false;
        }
        return new AuFrame(i, l, r, p, baseline);
    }

    /** The FACS letter A-E, empty when below letter A or unmeasurable. */
    public Optional<IntensityScale> letter(ActionUnit au) {
        return IntensityScale.letter(intensity(au));
    }
}
