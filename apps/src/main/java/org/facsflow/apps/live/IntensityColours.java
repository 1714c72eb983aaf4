package org.facsflow.apps.live;

import java.awt.Color;

/**
 * The bar colour of an AU intensity on FACS's 0-5 scale: dark blue at rest, then teal (A, trace), green (B), yellow
 * (C), orange (D), red (E, maximum), interpolated between. All saturated, so bars stand out from the grey panel.
 */
final class IntensityColours {
    private static final Color[] STOPS = {new Color(40, 80, 160), new Color(0, 160, 170), new Color(60, 190, 75),
            new Color(235, 205, 40), new Color(245, 130, 30), new Color(225, 40, 40)};
    private static final Color[] TABLE = new Color[101];

    static {
        for (int i = 0; i < TABLE.length; i++) TABLE[i] = interpolate(i * 5f / (TABLE.length - 1));
    }

    private IntensityColours() {
    }

    /** The colour of a 0-5 intensity (clamped); null for NaN (unmeasurable: no bar). */
    static Color of(float intensity) {
        if (Float.isNaN(intensity)) return null;
        float v = Math.max(0, Math.min(5, intensity));
        return TABLE[Math.round(v / 5 * (TABLE.length - 1))];
    }

    private static Color interpolate(float v) {
        int low = Math.min(STOPS.length - 2, (int) v);
        float t = v - low;
        Color a = STOPS[low], b = STOPS[low + 1];
        return new Color(Math.round(a.getRed() + t * (b.getRed() - a.getRed())),
                Math.round(a.getGreen() + t * (b.getGreen() - a.getGreen())),
                Math.round(a.getBlue() + t * (b.getBlue() - a.getBlue())));
    }
}
