package org.facsflow.modelprep.tfjs;

import org.facsflow.modelprep.onnx.Tensor;

import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;

/**
 * Executes a {@link TfjsGraph} directly in TF's NHWC layout with plain loops, written from TensorFlow's
 * op definitions and independent of the converter: the reference the ONNX Runtime results are checked
 * against. Accumulates in double precision.
 */
public final class ReferenceInterpreter {
    private final TfjsGraph graph;
    private final Map<String, float[]> inputs;
    private final Map<String, Tensor> values = new HashMap<>();

    private ReferenceInterpreter(TfjsGraph graph, Map<String, float[]> inputs) {
        this.graph = graph;
        this.inputs = inputs;
    }

    /** Evaluates every output of {@code graph}; the batch of -1 placeholders is taken as 1. */
    public static Map<String, Tensor> run(TfjsGraph graph, Map<String, float[]> inputs) {
        ReferenceInterpreter interpreter = new ReferenceInterpreter(graph, inputs);
        Map<String, Tensor> outputs = new LinkedHashMap<>();
        for (String output : graph.outputs()) {
            outputs.put(output, interpreter.value(output));
        }
        return outputs;
    }

    private Tensor value(String name) {
        Tensor value = values.get(name);
        if (value == null) {
            value = evaluate(graph.node(name));
            values.put(name, value);
        }
        return value;
    }

    private Tensor in(TfjsNode node, int index) {
        return value(node.input(index));
    }

    private int[] ints(TfjsNode node, int index) {
        return graph.weight(node.input(index)).ints();
    }

    private Tensor evaluate(TfjsNode node) {
        return switch (node.op()) {
            case "Placeholder" -> {
                long[] shape = node.longs("shape").stream().mapToLong(d -> d == -1 ? 1 : d).toArray();
                yield new Tensor(shape, inputs.get(node.name()));
            }
            case "Const" -> {
                TfjsTensor t = graph.weight(node.name());
                float[] data = t.isFloat() ? t.floats() : toFloats(t.ints());
                yield new Tensor(t.dims(), data);
            }
            case "Identity" -> in(node, 0);
            case "Conv2D", "_FusedConv2D" -> fused(node, conv(node, in(node, 0), in(node, 1), false));
            case "DepthwiseConv2dNative", "FusedDepthwiseConv2dNative" ->
                fused(node, conv(node, in(node, 0), in(node, 1), true));
            case "MaxPool" -> pool(node, in(node, 0), true);
            case "AvgPool" -> pool(node, in(node, 0), false);
            case "BiasAdd", "Add", "AddV2" -> binary(in(node, 0), in(node, 1), Double::sum);
            case "Sub" -> binary(in(node, 0), in(node, 1), (a, b) -> a - b);
            case "Mul" -> binary(in(node, 0), in(node, 1), (a, b) -> a * b);
            case "RealDiv" -> binary(in(node, 0), in(node, 1), (a, b) -> a / b);
            case "Relu" -> unary(in(node, 0), v -> Math.max(v, 0));
            case "Relu6" -> unary(in(node, 0), v -> Math.min(Math.max(v, 0), 6));
            case "Sigmoid" -> unary(in(node, 0), v -> 1 / (1 + Math.exp(-v)));
            case "Prelu" -> binary(in(node, 0), in(node, 1), ReferenceInterpreter::prelu);
            case "Softmax" -> softmax(in(node, 0));
            case "Pad", "PadV2" -> pad(in(node, 0), ints(node, 1),
                node.inputs().size() > 2 ? in(node, 2).data()[0] : 0);
            case "Reshape" -> reshape(in(node, 0), ints(node, 1));
            case "ConcatV2" -> concat(node);
            case "Mean" -> mean(in(node, 0), ints(node, 1), node.bool("keep_dims", false));
            case "MatMul" -> matMul(in(node, 0), in(node, 1), node.bool("transpose_a", false),
                node.bool("transpose_b", false));
            default -> throw new UnsupportedOperationException(node.op());
        };
    }

    private static double prelu(double x, double alpha) {
        return x < 0 ? alpha * x : x;
    }

    private Tensor fused(TfjsNode node, Tensor conv) {
        List<String> ops = node.strings("fused_ops");
        Tensor out = conv;
        for (int i = 0; i < ops.size(); i++) {
            out = switch (ops.get(i)) {
                case "BiasAdd" -> binary(out, in(node, 2), Double::sum);
                case "Relu" -> unary(out, v -> Math.max(v, 0));
                case "Relu6" -> unary(out, v -> Math.min(Math.max(v, 0), 6));
                case "Prelu" -> binary(out, in(node, 3), ReferenceInterpreter::prelu);
                default -> throw new UnsupportedOperationException(ops.get(i));
            };
        }
        return out;
    }

    /** TF's window arithmetic: [outH, outW, padTop, padLeft]. */
    private static long[] window(TfjsNode node, long[] in, long kh, long kw, long sh, long sw, long dh, long dw) {
        long[] result = new long[4];
        long[] k = {kh, kw};
        long[] s = {sh, sw};
        long[] d = {dh, dw};
        for (int i = 0; i < 2; i++) {
            long size = in[1 + i];
            long effective = (k[i] - 1) * d[i] + 1;
            switch (node.string("padding", "")) {
                case "SAME" -> {
                    result[i] = (size + s[i] - 1) / s[i];
                    long total = Math.max((result[i] - 1) * s[i] + effective - size, 0);
                    result[2 + i] = total / 2;
                }
                case "VALID" -> result[i] = (size - effective + s[i]) / s[i]; // ceil((in - eff + 1) / s)
                case "EXPLICIT" -> {
                    List<Long> p = node.longs("explicit_paddings");
                    result[2 + i] = p.get(2 + 2 * i);
                    result[i] = (size + p.get(2 + 2 * i) + p.get(3 + 2 * i) - effective) / s[i] + 1;
                }
                default -> throw new IllegalArgumentException(node.string("padding", ""));
            }
        }
        return result;
    }

    private static Tensor conv(TfjsNode node, Tensor x, Tensor filter, boolean depthwise) {
        long[] xs = x.shape();
        long[] fs = filter.shape();
        int h = (int) xs[1];
        int w = (int) xs[2];
        int c = (int) xs[3];
        int kh = (int) fs[0];
        int kw = (int) fs[1];
        int m = (int) fs[3]; // output channels, or the depthwise multiplier
        List<Long> strides = node.longs("strides");
        List<Long> dilations = node.longs("dilations").isEmpty() ? List.of(1L, 1L, 1L, 1L) : node.longs("dilations");
        int sh = strides.get(1).intValue();
        int sw = strides.get(2).intValue();
        int dh = dilations.get(1).intValue();
        int dw = dilations.get(2).intValue();
        long[] win = window(node, xs, kh, kw, sh, sw, dh, dw);
        int oh = (int) win[0];
        int ow = (int) win[1];
        int outC = depthwise ? c * m : m;
        float[] out = new float[oh * ow * outC];
        float[] xd = x.data();
        float[] fd = filter.data();
        for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) {
                for (int oc = 0; oc < outC; oc++) {
                    double sum = 0;
                    for (int ky = 0; ky < kh; ky++) {
                        int iy = (int) (oy * sh - win[2] + (long) ky * dh);
                        if (iy < 0 || iy >= h) {
                            continue;
                        }
                        for (int kx = 0; kx < kw; kx++) {
                            int ix = (int) (ox * sw - win[3] + (long) kx * dw);
                            if (ix < 0 || ix >= w) {
                                continue;
                            }
                            int base = (iy * w + ix) * c;
                            if (depthwise) {
                                int ic = oc / m;
                                sum += xd[base + ic] * (double) fd[((ky * kw + kx) * c + ic) * m + oc % m];
                            } else {
                                for (int ic = 0; ic < c; ic++) {
                                    sum += xd[base + ic] * (double) fd[((ky * kw + kx) * c + ic) * m + oc];
                                }
                            }
                        }
                    }
                    out[(oy * ow + ox) * outC + oc] = (float) sum;
                }
            }
        }
        return new Tensor(new long[] {1, oh, ow, outC}, out);
    }

    private static Tensor pool(TfjsNode node, Tensor x, boolean max) {
        long[] xs = x.shape();
        int h = (int) xs[1];
        int w = (int) xs[2];
        int c = (int) xs[3];
        List<Long> k = node.longs("ksize");
        List<Long> s = node.longs("strides");
        long[] win = window(node, xs, k.get(1), k.get(2), s.get(1), s.get(2), 1, 1);
        int oh = (int) win[0];
        int ow = (int) win[1];
        float[] out = new float[oh * ow * c];
        for (int oy = 0; oy < oh; oy++) {
            for (int ox = 0; ox < ow; ox++) {
                for (int ch = 0; ch < c; ch++) {
                    double acc = max ? Double.NEGATIVE_INFINITY : 0;
                    int count = 0;
                    for (int ky = 0; ky < k.get(1); ky++) {
                        for (int kx = 0; kx < k.get(2); kx++) {
                            int iy = (int) (oy * s.get(1) - win[2] + ky);
                            int ix = (int) (ox * s.get(2) - win[3] + kx);
                            if (iy < 0 || iy >= h || ix < 0 || ix >= w) {
                                continue; // TF leaves padding out of both max and average
                            }
                            double v = x.data()[(iy * w + ix) * c + ch];
                            acc = max ? Math.max(acc, v) : acc + v;
                            count++;
                        }
                    }
                    out[(oy * ow + ox) * c + ch] = (float) (max ? acc : acc / count);
                }
            }
        }
        return new Tensor(new long[] {1, oh, ow, c}, out);
    }

    private static Tensor unary(Tensor x, DoubleUnaryOperator f) {
        float[] out = new float[x.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) f.applyAsDouble(x.data()[i]);
        }
        return new Tensor(x.shape(), out);
    }

    /** Numpy-style broadcasting. */
    private static Tensor binary(Tensor a, Tensor b, DoubleBinaryOperator f) {
        int rank = Math.max(a.rank(), b.rank());
        long[] as = padded(a.shape(), rank);
        long[] bs = padded(b.shape(), rank);
        long[] shape = new long[rank];
        for (int i = 0; i < rank; i++) {
            shape[i] = Math.max(as[i], bs[i]);
        }
        float[] out = new float[(int) Arrays.stream(shape).reduce(1, (p, q) -> p * q)];
        long[] index = new long[rank];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) f.applyAsDouble(a.data()[offset(index, as)], b.data()[offset(index, bs)]);
            for (int axis = rank - 1; axis >= 0 && ++index[axis] == shape[axis]; axis--) {
                index[axis] = 0;
            }
        }
        return new Tensor(shape, out);
    }

    private static long[] padded(long[] shape, int rank) {
        long[] out = new long[rank];
        Arrays.fill(out, 1);
        System.arraycopy(shape, 0, out, rank - shape.length, shape.length);
        return out;
    }

    /** Row-major offset of a broadcast index into a tensor of {@code shape} (size-1 axes repeat). */
    private static int offset(long[] index, long[] shape) {
        long offset = 0;
        for (int axis = 0; axis < shape.length; axis++) {
            offset = offset * shape[axis] + (shape[axis] == 1 ? 0 : index[axis]);
        }
        return (int) offset;
    }

    private static Tensor softmax(Tensor x) {
        int n = (int) x.shape()[x.rank() - 1];
        float[] out = new float[x.size()];
        for (int row = 0; row < x.size() / n; row++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                max = Math.max(max, x.data()[row * n + i]);
            }
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += Math.exp(x.data()[row * n + i] - max);
            }
            for (int i = 0; i < n; i++) {
                out[row * n + i] = (float) (Math.exp(x.data()[row * n + i] - max) / sum);
            }
        }
        return new Tensor(x.shape(), out);
    }

    private static Tensor pad(Tensor x, int[] paddings, float value) {
        int rank = x.rank();
        long[] shape = new long[rank];
        for (int i = 0; i < rank; i++) {
            shape[i] = x.shape()[i] + paddings[2 * i] + paddings[2 * i + 1];
        }
        float[] out = new float[(int) Arrays.stream(shape).reduce(1, (p, q) -> p * q)];
        Arrays.fill(out, value);
        long[] index = new long[rank];
        for (int i = 0; i < x.size(); i++) {
            long target = 0;
            for (int axis = 0; axis < rank; axis++) {
                target = target * shape[axis] + index[axis] + paddings[2 * axis];
            }
            out[(int) target] = x.data()[i];
            for (int axis = rank - 1; axis >= 0 && ++index[axis] == x.shape()[axis]; axis--) {
                index[axis] = 0;
            }
        }
        return new Tensor(shape, out);
    }

    private static Tensor reshape(Tensor x, int[] target) {
        long[] shape = Arrays.stream(target).asLongStream().toArray();
        long known = Arrays.stream(shape).filter(d -> d != -1).reduce(1, (p, q) -> p * q);
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == -1) {
                shape[i] = x.size() / known;
            }
        }
        return new Tensor(shape, x.data());
    }

    private Tensor concat(TfjsNode node) {
        int count = node.inputs().size() - 1;
        Tensor first = in(node, 0);
        int axis = ints(node, count)[0];
        axis = axis < 0 ? axis + first.rank() : axis;
        long outer = 1;
        for (int i = 0; i < axis; i++) {
            outer *= first.shape()[i];
        }
        long[] shape = first.shape().clone();
        shape[axis] = 0;
        for (int i = 0; i < count; i++) {
            shape[axis] += in(node, i).shape()[axis];
        }
        float[] out = new float[(int) Arrays.stream(shape).reduce(1, (p, q) -> p * q)];
        int position = 0;
        for (long o = 0; o < outer; o++) {
            for (int i = 0; i < count; i++) {
                Tensor t = in(node, i);
                int chunk = (int) (t.size() / outer);
                System.arraycopy(t.data(), (int) o * chunk, out, position, chunk);
                position += chunk;
            }
        }
        return new Tensor(shape, out);
    }

    private static Tensor mean(Tensor x, int[] axes, boolean keepDims) {
        int rank = x.rank();
        boolean[] reduced = new boolean[rank];
        for (int axis : axes) {
            reduced[axis < 0 ? axis + rank : axis] = true;
        }
        long[] kept = x.shape().clone();
        for (int axis = 0; axis < rank; axis++) {
            if (reduced[axis]) {
                kept[axis] = 1;
            }
        }
        double[] sums = new double[(int) Arrays.stream(kept).reduce(1, (p, q) -> p * q)];
        long[] index = new long[rank];
        for (int i = 0; i < x.size(); i++) {
            sums[offset(index, kept)] += x.data()[i];
            for (int axis = rank - 1; axis >= 0 && ++index[axis] == x.shape()[axis]; axis--) {
                index[axis] = 0;
            }
        }
        float[] out = new float[sums.length];
        double count = (double) x.size() / sums.length;
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (sums[i] / count);
        }
        long[] shape = keepDims ? kept
            : IntStream.range(0, rank).filter(a -> !reduced[a]).mapToLong(a -> x.shape()[a]).toArray();
        return new Tensor(shape, out);
    }

    private static Tensor matMul(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
        int m = (int) a.shape()[transposeA ? 1 : 0];
        int k = (int) a.shape()[transposeA ? 0 : 1];
        int n = (int) b.shape()[transposeB ? 0 : 1];
        float[] out = new float[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    float av = transposeA ? a.data()[p * m + i] : a.data()[i * k + p];
                    float bv = transposeB ? b.data()[j * k + p] : b.data()[p * n + j];
                    sum += av * (double) bv;
                }
                out[i * n + j] = (float) sum;
            }
        }
        return new Tensor(new long[] {m, n}, out);
    }

    private static float[] toFloats(int[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
