package org.facsflow.media.voice;

/** Clean-up of on/off frame sequences. */
final class Runs {
    private Runs() {
    }

    /** Sets to true every false stretch shorter than {@code frames} that has true on both sides. */
    static void fillGaps(boolean[] on, int frames) {
        int lastOn = -1;
        for (int i = 0; i < on.length; i++) {
            if (!on[i]) continue;
            if (lastOn >= 0 && i - lastOn - 1 > 0 && i - lastOn - 1 < frames)
                for (int j = lastOn + 1; j < i; j++) on[j] = true;
            lastOn = i;
        }
    }

    /** Sets to false every true stretch shorter than {@code frames}. */
    static void dropShort(boolean[] on, int frames) {
        int i = 0;
        while (i < on.length) {
            if (!on[i]) {
                i++;
                continue;
            }
            int end = i;
            while (end < on.length && on[end]) end++;
            if (end - i < frames) for (int j = i; j < end; j++) on[j] = false;
            i = end;
        }
    }
}
