package org.facsflow.facs.coding;

import java.util.Arrays;

/**
 * A sum of regression trees over one input vector (boosted trees, converted from XGBoost at calibration). The trees
 * are stored one after another, each node numbered after its parent; each node holds the input it splits on ({@code -1}: a leaf), its split value (a leaf: its value) and its first child; the
 * second child follows the first. A node goes to its first child where the input is below the split value, as in
 * XGBoost. Walking a tree reads a handful of array cells and allocates nothing.
 */
public final class RegressionTrees {
    private final int[] roots, inputs, children;
    private final float[] values;

    /**
     * @param roots    where each tree starts (the first at 0, in increasing order)
     * @param inputs   per node, the input index it splits on; -1 at a leaf
     * @param values   per node, the split value, or a leaf's value
     * @param children per node, its first child (unused at a leaf)
     */
    public RegressionTrees(int[] roots, int[] inputs, float[] values, int[] children) {
        if (inputs.length != values.length || inputs.length != children.length)
            throw new IllegalArgumentException("trees: " + inputs.length + " inputs, " + values.length + " values, "
                    + children.length + " children");
        for (int n = 0; n < inputs.length; n++)
            if (inputs[n] >= 0 && (children[n] <= n || children[n] + 1 >= inputs.length))
                throw new IllegalArgumentException("trees: node " + n + " has its children outside the trees");
        for (int t = 0; t < roots.length; t++)
            if (roots[t] >= inputs.length || (t == 0 ? roots[t] != 0 : roots[t] <= roots[t - 1]))
                throw new IllegalArgumentException("trees: tree " + t + " starts at node " + roots[t]);
        this.roots = roots.clone();
        this.inputs = inputs.clone();
        this.values = values.clone();
        this.children = children.clone();
    }

    /** The sum of every tree's leaf for {@code x}. */
    public float apply(float[] x) {
        float sum = 0;
        for (int n : roots) {
            while (inputs[n] >= 0) n = x[inputs[n]] < values[n] ? children[n] : children[n] + 1;
            sum += values[n];
        }
        return sum;
    }

    /** The first {@code count} trees (boosting's first rounds). */
    public RegressionTrees first(int count) {
        int nodes = count < roots.length ? roots[count] : inputs.length;
        return new RegressionTrees(Arrays.copyOf(roots, count), Arrays.copyOf(inputs, nodes), Arrays.copyOf(values, nodes),
                Arrays.copyOf(children, nodes));
    }

    public int trees() {
        return roots.length;
    }

    /** The highest input index any node reads (-1: none). */
    public int largestInput() {
        return Arrays.stream(inputs).max().orElse(-1);
    }

    int[] roots() {
        return roots.clone();
    }

    int[] inputs() {
        return inputs.clone();
    }

    float[] values() {
        return values.clone();
    }

    int[] children() {
        return children.clone();
    }
}
