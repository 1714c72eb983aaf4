package org.facsflow.modelprep.tfjs;

/**
 * A TF tensor as it exists in the ONNX graph being built.
 *
 * @param name the ONNX value name
 * @param shape the TF shape, always in TF (NHWC) axis order
 * @param nchw whether the ONNX value holds this rank-4 tensor transposed to NCHW
 */
record Value(String name, long[] shape, boolean nchw) {

    int rank() {
        return shape.length;
    }
}
