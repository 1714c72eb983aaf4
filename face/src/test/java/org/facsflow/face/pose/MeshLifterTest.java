package org.facsflow.face.pose;

import org.facsflow.face.HeadPose;
import org.facsflow.face.SyntheticMesh;
import org.facsflow.face.TestAssets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MeshLifterTest {
    private static final CameraIntrinsics K = CameraIntrinsics.openFaceDefault(640, 360);

    @Test
    void liftsTheMeshBackToCameraAndHeadCoordinates() {
        CanonicalFace face = TestAssets.canonicalFace();
        double[] t = {-60, 25, 700};
        double[] camera = SyntheticMesh.toCamera(face, SyntheticMesh.rotation(0.25, 0.35, -0.1), t);
        float[] mesh = SyntheticMesh.project(camera, t, K, CanonicalFace.VERTICES);
        HeadPose pose;
        try (HeadPoseEstimator estimator = new HeadPoseEstimator(face)) {
            pose = estimator.estimate(mesh, K);
        }
        MeshLifter lifter = new MeshLifter(face);
        float[] out = new float[mesh.length];

        lifter.toCamera(mesh, pose, K, out);
        for (int i = 0; i < out.length; i++) assertThat((double) out[i]).isCloseTo(camera[i], within(0.1));

        lifter.toHeadFrame(mesh, pose, K, out);
        float[] canonical = face.vertices();
        for (int i = 0; i < out.length; i++) assertThat(out[i]).isCloseTo(canonical[i], within(0.1f));
    }
}
