package org.facsflow.facs.calibration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.facsflow.facs.coding.RegressionTrees;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gradient-boosted regression trees (XGBoost through xgboost4j) on the training rows of one fold, fitted to what an
 * AU's linear model leaves of the reference intensity, and converted to the coder's own {@link RegressionTrees} so
 * that coding never loads XGBoost. The settings are fixed, not tuned: depth 4, learning rate 0.05, 80% of the rows and
 * 40% of the inputs per tree, 64 bins, the rows' weights; two threads and a fixed seed, so that any machine fits the
 * same trees. The inner folds choose only how many rounds an AU keeps ({@link #ROUNDS}, or none).
 */
final class BoostedTrees implements AutoCloseable {
    /** Rounds an AU may keep (the first trees of one fit); none is the other choice. */
    static final int[] ROUNDS = {100, 200};
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Object> SETTINGS = Map.of("objective", "reg:squarederror", "tree_method", "hist",
            "max_depth", 4, "eta", 0.05, "subsample", 0.8, "colsample_bytree", 0.4, "min_child_weight", 0.5,
            "max_bin", 64, "nthread", 2, "seed", 0);

    private final DMatrix rows;
    private final int count;

    /** The rows (inputs and weights) every AU's trees of this fold learn from. */
    BoostedTrees(List<float[]> inputs, double[] weights) {
        count = inputs.size();
        int width = inputs.get(0).length;
        float[] flat = new float[count * width], w = new float[count];
        for (int i = 0; i < count; i++) {
            System.arraycopy(inputs.get(i), 0, flat, i * width, width);
            w[i] = (float) weights[i];
        }
        try {
            rows = new DMatrix(flat, count, width, Float.NaN);
            rows.setWeight(w);
            // the trees add to the linear model's output: they start from 0, not from XGBoost's estimated base score
            rows.setBaseMargin(new float[count]);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost: " + e.getMessage(), e);
        }
    }

    /** The most {@link #ROUNDS} of trees fitted to {@code residual} (one value per row). */
    RegressionTrees fit(float[] residual) {
        Booster booster = train(residual);
        try {
            return convert(JSON.readTree(booster.toByteArray("json")));
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("XGBoost's model JSON: " + e.getMessage(), e);
        } finally {
            booster.dispose();
        }
    }

    /** XGBoost's own booster of {@link #fit} (the caller disposes of it). */
    Booster train(float[] residual) {
        if (residual.length != count) throw new IllegalArgumentException(residual.length + " residuals for " + count + " rows");
        try {
            rows.setLabel(residual);
            return XGBoost.train(rows, SETTINGS, ROUNDS[ROUNDS.length - 1], new HashMap<>(), null, null);
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost: " + e.getMessage(), e);
        }
    }

    /**
     * XGBoost's JSON model to {@link RegressionTrees}: each tree's nodes renumbered so that a node's two children sit
     * side by side (first the one taken below the split value, XGBoost's left); a leaf's value is its split condition.
     */
    static RegressionTrees convert(JsonNode model) {
        JsonNode trees = model.path("learner").path("gradient_booster").path("model").path("trees");
        if (!trees.isArray() || trees.isEmpty()) throw new IllegalArgumentException("XGBoost model without trees");
        int total = 0;
        for (JsonNode tree : trees) total += tree.get("left_children").size();
        int[] roots = new int[trees.size()], inputs = new int[total], children = new int[total];
        float[] values = new float[total];
        int next = 0;
        for (int t = 0; t < trees.size(); t++) {
            JsonNode tree = trees.get(t);
            int[] left = ints(tree.get("left_children")), right = ints(tree.get("right_children")),
                    split = ints(tree.get("split_indices"));
            JsonNode conditions = tree.get("split_conditions");
            roots[t] = next;
            // (XGBoost node, our node) pairs: our number is given when the parent is reached, the two children together
            Deque<int[]> open = new ArrayDeque<>();
            open.add(new int[]{0, next++});
            while (!open.isEmpty()) {
                int[] pair = open.poll();
                int from = pair[0], to = pair[1];
                values[to] = conditions.get(from).floatValue();
                inputs[to] = left[from] < 0 ? -1 : split[from];
                if (left[from] < 0) continue;
                children[to] = next;
                open.add(new int[]{left[from], next++});
                open.add(new int[]{right[from], next++});
            }
        }
        return new RegressionTrees(roots, inputs, values, children);
    }

    private static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) out[i] = array.get(i).intValue();
        return out;
    }

    @Override
    public void close() {
        rows.dispose();
    }
}
