package org.facsflow.face.pose;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CameraIntrinsicsTest {

    @Test
    void matchesTheValuesOpenFaceUsedForTheReferenceCsvs() {
        assertThat(CameraIntrinsics.openFaceDefault(640, 360)).isEqualTo(new CameraIntrinsics(437.5, 437.5, 320, 180));
        assertThat(CameraIntrinsics.openFaceDefault(400, 300)).isEqualTo(new CameraIntrinsics(312.5, 312.5, 200, 150));
        assertThat(CameraIntrinsics.openFaceDefault(960, 540)).isEqualTo(new CameraIntrinsics(656.25, 656.25, 480, 270));
        CameraIntrinsics photo = CameraIntrinsics.openFaceDefault(1000, 667);
        assertThat(photo.fx()).isCloseTo(738.021, within(5e-4));
        assertThat(photo.cy()).isEqualTo(333.5);
    }
}
