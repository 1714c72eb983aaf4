package org.facsflow.face.pose;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EulerAnglesTest {

    @Test
    void matrixIsRxTimesRyTimesRz() {
        double[] r = new double[9];
        EulerAngles.toMatrix(0.2, -0.3, 0.1, r);
        double[] expected = multiply(multiply(rx(0.2), ry(-0.3)), rz(0.1));
        for (int i = 0; i < 9; i++) assertThat(r[i]).isCloseTo(expected[i], within(1e-12));
    }

    @Test
    void anglesRoundTripAndAgreeWithOpenFacesQuaternionRoute() {
        Random random = new Random(7);
        double[] r = new double[9];
        for (int n = 0; n < 10_000; n++) {
            double pitch = (random.nextDouble() - 0.5) * 3, yaw = (random.nextDouble() - 0.5) * 3;
            double roll = (random.nextDouble() - 0.5) * 3;
            EulerAngles.toMatrix(pitch, yaw, roll, r);
            assertThat(EulerAngles.pitch(r)).isCloseTo(pitch, within(1e-9));
            assertThat(EulerAngles.yaw(r)).isCloseTo(yaw, within(1e-9));
            assertThat(EulerAngles.roll(r)).isCloseTo(roll, within(1e-9));
            double[] openFace = openFaceRotationMatrix2Euler(r);
            assertThat(openFace[0]).isCloseTo(pitch, within(1e-6));
            assertThat(openFace[1]).isCloseTo(yaw, within(1e-6));
            assertThat(openFace[2]).isCloseTo(roll, within(1e-6));
        }
    }

    @Test
    void signsFollowTheHeadsMotion() {
        double[] r = new double[9];
        // the nose points along -z of the head frame
        EulerAngles.toMatrix(0.3, 0, 0, r);
        assertThat(-r[5]).as("pitch > 0: nose goes down (+y)").isPositive();
        EulerAngles.toMatrix(0, 0.3, 0, r);
        assertThat(-r[2]).as("yaw > 0: nose goes to the image's left (-x)").isNegative();
        EulerAngles.toMatrix(0, 0, 0.3, r);
        assertThat(-r[1]).as("roll > 0: the head's top (-y) goes to the image's right").isPositive();
    }

    /** OpenFace 2's Utilities::RotationMatrix2Euler, transcribed. */
    private static double[] openFaceRotationMatrix2Euler(double[] r) {
        double q0 = Math.sqrt(1 + r[0] + r[4] + r[8]) / 2;
        double q1 = (r[7] - r[5]) / (4 * q0), q2 = (r[2] - r[6]) / (4 * q0), q3 = (r[3] - r[1]) / (4 * q0);
        double yaw = Math.asin(2 * (q0 * q2 + q1 * q3));
        double pitch = Math.atan2(2 * (q0 * q1 - q2 * q3), q0 * q0 - q1 * q1 - q2 * q2 + q3 * q3);
        double roll = Math.atan2(2 * (q0 * q3 - q1 * q2), q0 * q0 + q1 * q1 - q2 * q2 - q3 * q3);
        return new double[]{pitch, yaw, roll};
    }

    private static double[] rx(double a) {
        return new double[]{1, 0, 0, 0, Math.cos(a), -Math.sin(a), 0, Math.sin(a), Math.cos(a)};
    }

    private static double[] ry(double a) {
        return new double[]{Math.cos(a), 0, Math.sin(a), 0, 1, 0, -Math.sin(a), 0, Math.cos(a)};
    }

    private static double[] rz(double a) {
        return new double[]{Math.cos(a), -Math.sin(a), 0, Math.sin(a), Math.cos(a), 0, 0, 0, 1};
    }

    private static double[] multiply(double[] a, double[] b) {
        double[] c = new double[9];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                for (int k = 0; k < 3; k++) c[3 * i + j] += a[3 * i + k] * b[3 * k + j];
        return c;
    }
}
