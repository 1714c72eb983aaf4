package org.facsflow.fusion.signal;

import org.facsflow.fusion.SignalSource;
import org.facsflow.fusion.Windows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Signal files with known answers: a synthetic Empatica E4 skin-conductance export whose clock starts 12.5 s before
 * the video and runs 400 ppm slow, with four sync markers (an E4 tags.csv) seen in both streams; the same with a plain
 * offset; a CSV with a sensor dropout; an IBI file; and files whose clocks cannot be aligned.
 */
class SignalAlignmentTest {
    /** Unix time of the E4's first sample. */
    private static final double E4_START = 1_764_842_400.0;
    /** The wristband's clock reads E4_START + LEAD at the video's 0, and its seconds are 1 + DRIFT video seconds. */
    private static final double LEAD = 12.5, DRIFT = 400e-6, RATE = 4;
    /** Skin conductance as a function of video time, microsiemens: a slow rise and a response at 40 s. */
    private static final DoubleUnaryOperator EDA = t -> 2 + 0.01 * t + 0.8 * Math.exp(-Math.pow((t - 40) / 3, 2));

    private static double videoTime(double signalClock) {
        return (signalClock - E4_START - LEAD) * (1 + DRIFT);
    }

    private static Path e4(Path dir) throws IOException {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%.6f\n%.6f\n", E4_START, RATE));
        for (int i = 0; i < 120 * RATE; i++) b.append(String.format(Locale.ROOT, "%.6f\n", EDA.applyAsDouble(videoTime(E4_START + i / RATE))));
        return Files.writeString(dir.resolve("EDA.csv"), b);
    }

    @Test
    void markersRecoverOffsetAndDrift(@TempDir Path dir) throws Exception {
        Path eda = e4(dir);
        double[] signalMarkers = {E4_START + 20, E4_START + 45.25, E4_START + 80, E4_START + 110.5};
        StringBuilder tags = new StringBuilder();
        double[] videoMarkers = new double[signalMarkers.length];
        for (int i = 0; i < signalMarkers.length; i++) {
            tags.append(String.format(Locale.ROOT, "%.2f\n", signalMarkers[i]));
            videoMarkers[i] = videoTime(signalMarkers[i]);
        }
        Path tagFile = Files.writeString(dir.resolve("tags.csv"), tags);
        ClockSync clock = new SignalSource(eda, "markers=" + tagFile).clock(videoMarkers);
        assertThat(clock.scale()).isCloseTo(1 + DRIFT, within(1e-6));
        List<Signal> signals = SignalFiles.read(eda);
        assertThat(signals).singleElement().satisfies(s -> assertThat(s.role()).isEqualTo(SignalRole.SKIN_CONDUCTANCE));
        Signal aligned = clock.align(signals.get(0), 0, 100);
        Resampled r = Resampled.onto(aligned, Windows.covering(0, 100, 1));
        for (int i = 0; i < 100; i++) {
            // The mean of the samples whose true video time falls in the window: a sample put 40 ms off (the drift
            // left uncorrected) near a window's edge would land in its neighbour.
            double sum = 0;
            int n = 0;
            for (int k = 0; k < 120 * RATE; k++) {
                double t = videoTime(E4_START + k / RATE);
                if (t >= i && t < i + 1) {
                    sum += EDA.applyAsDouble(t);
                    n++;
                }
            }
            assertThat(r.values()[i]).as("window %d", i).isCloseTo(sum / n, within(1e-6));
            assertThat(r.coverage()[i]).isEqualTo(1.0);
        }
        // With the offset alone the drift is left: 400 ppm is 40 ms at 100 s, the fit removes it.
        ClockSync offset = new SignalSource(eda, String.format(Locale.ROOT, "offset=%.3f", E4_START + LEAD)).clock(null);
        Signal shifted = offset.align(signals.get(0), 0, 100);
        assertThat(shifted.times()[0]).isCloseTo(-LEAD, within(1e-6));
        assertThat(aligned.times()[(int) (100 * RATE)] - shifted.times()[(int) (100 * RATE)]).isCloseTo(DRIFT * (100 - LEAD), within(1e-4));
    }

    @Test
    void aDropoutStaysAGap(@TempDir Path dir) throws Exception {
        StringBuilder b = new StringBuilder("time,heart_rate\n");
        for (double t = 0; t < 30; t += 0.5) if (t < 10 || t > 20) b.append(String.format(Locale.ROOT, "%.2f,%.1f\n", t, 60 + t));
        Path file = Files.writeString(dir.resolve("polar.csv"), b);
        Signal hr = SignalFiles.read(file).get(0);
        assertThat(hr.role()).isEqualTo(SignalRole.HEART_RATE);
        Resampled r = Resampled.onto(ClockSync.offset(0).align(hr, 0, 30), Windows.covering(0, 30, 2));
        assertThat(r.values()[2]).isCloseTo(64.75, within(1e-9)); // 4, 4.5, 5, 5.5 s
        for (int i = 5; i <= 9; i++) {
            assertThat(r.values()[i]).as("window %d, inside the dropout", i).isNaN();
            assertThat(r.coverage()[i]).isZero();
        }
        assertThat(r.coverage()[4]).isCloseTo(0.75, within(1e-9)); // 8-10 s: samples up to 9.5 s
        assertThat(r.coverage()[10]).isCloseTo(0.75, within(1e-9)); // 20-22 s: samples from 20.5 s
    }

    @Test
    void ibiBecomesHeartRateAtEachBeat(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("IBI.csv"), "1764842400.000000, IBI\n1.0,0.8\n1.75,0.75\n2.75,1.0\n");
        Signal hr = SignalFiles.read(file).get(0);
        assertThat(hr.role()).isEqualTo(SignalRole.HEART_RATE);
        assertThat(hr.values()).containsExactly(75.0, 80.0, 60.0);
        assertThat(hr.times()[1] - E4_START).isCloseTo(1.75, within(1e-6));
    }

    @Test
    void eventsAreCountedAsARate(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("keyboard.csv"), "timestamp,key\n0.1,a\n0.4,b\n0.9,c\n2.2,d\n");
        Signal keys = SignalFiles.read(file).get(0);
        assertThat(keys.role()).isEqualTo(SignalRole.EVENTS);
        Resampled r = Resampled.onto(ClockSync.offset(0).align(keys, 0, 4), Windows.covering(0, 4, 1));
        assertThat(r.values()[0]).isEqualTo(3.0);
        assertThat(r.values()[1]).isEqualTo(0.0);
        assertThat(r.values()[3]).isNaN(); // after the last event: not covered
    }

    @Test
    void clocksThatCannotBeAlignedAreRefusedByName(@TempDir Path dir) throws Exception {
        Path eda = e4(dir);
        Path tags = Files.writeString(dir.resolve("tags.csv"), String.format(Locale.ROOT, "%.2f\n%.2f\n%.2f\n",
                E4_START + 20, E4_START + 50, E4_START + 80));
        assertThatThrownBy(() -> new SignalSource(eda, "markers=" + tags).clock(new double[] {7.5, 37.5}))
                .isInstanceOf(SignalFileException.class).hasMessageContaining("tags.csv").hasMessageContaining("3 sync markers");
        assertThatThrownBy(() -> new SignalSource(eda, "markers=" + tags).clock(new double[] {7.5, 37.8, 67.5}))
                .hasMessageContaining("tags.csv").hasMessageContaining("do not line up");
        assertThatThrownBy(() -> new SignalSource(eda, "markers=" + tags).clock(new double[] {7.5, 38.5, 69.5}))
                .hasMessageContaining("tags.csv").hasMessageContaining("no clock drifts that much");
        ClockSync wrong = new SignalSource(eda, "offset=1764840000").clock(null);
        assertThatThrownBy(() -> wrong.align(SignalFiles.read(eda).get(0), 0, 100))
                .hasMessageContaining("EDA.csv").hasMessageContaining("cannot be aligned");
        assertThatThrownBy(() -> new SignalSource(eda, "offset=soon").clock(null)).hasMessageContaining("EDA.csv");
        Path noTime = Files.writeString(dir.resolve("gsr.csv"), "when,gsr\n1,2\n");
        assertThatThrownBy(() -> SignalFiles.read(noTime)).hasMessageContaining("gsr.csv").hasMessageContaining("no time column");
        Path headerless = Files.writeString(dir.resolve("polar.csv"), "1764842400.5,61\n1764842401.5,62\n");
        assertThatThrownBy(() -> SignalFiles.read(headerless)).hasMessageContaining("polar.csv").hasMessageContaining("header");
        Path backwards = Files.writeString(dir.resolve("hr.csv"), "time,hr\n1,60\n0.5,61\n");
        assertThatThrownBy(() -> SignalFiles.read(backwards)).hasMessageContaining("hr.csv").hasMessageContaining("do not increase");
    }
}
