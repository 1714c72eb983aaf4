package org.facsflow.modelprep.tfjs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A TF.js graph model in memory: its nodes, the values of its {@code Const} nodes, and the names of the
 * nodes whose values are the model outputs (in output order).
 *
 * <p>Built by {@link TfjsGraphReader} from a model.json or by hand with {@link Builder} (face-api nets,
 * tests); {@link TfjsToOnnx} converts either.
 */
public final class TfjsGraph {
    private final Map<String, TfjsNode> nodes;
    private final Map<String, TfjsTensor> weights;
    private final List<String> outputs;

    /**
     * @throws IllegalArgumentException when node names repeat or a node input or an output names no node
     */
    public TfjsGraph(List<TfjsNode> nodes, Map<String, TfjsTensor> weights, List<String> outputs) {
        Map<String, TfjsNode> byName = new LinkedHashMap<>();
        for (TfjsNode node : nodes) {
            if (byName.put(node.name(), node) != null) {
                throw new IllegalArgumentException("duplicate node name '" + node.name() + "'");
            }
        }
        for (TfjsNode node : nodes) {
            for (String input : node.inputs()) {
                if (!byName.containsKey(input)) {
                    throw new IllegalArgumentException(
                        "node '" + node.name() + "' (" + node.op() + ") refers to unknown node '" + input + "'");
                }
            }
        }
        for (String output : outputs) {
            if (!byName.containsKey(output)) {
                throw new IllegalArgumentException("output '" + output + "' is not a node of the graph");
            }
        }
        this.nodes = byName;
        this.weights = new LinkedHashMap<>(weights);
        this.outputs = List.copyOf(outputs);
    }

    public TfjsNode node(String name) {
        TfjsNode node = nodes.get(name);
        if (node == null) {
            throw new IllegalArgumentException("the graph has no node '" + name + "'");
        }
        return node;
    }

    /** The value of the Const node {@code name}, or null. */
    public TfjsTensor weight(String name) {
        return weights.get(name);
    }

    public List<String> outputs() {
        return outputs;
    }

    /**
     * The same graph with other outputs, e.g. an inner node that a head ends in: converting it leaves out every node
     * those outputs do not depend on.
     *
     * @throws IllegalArgumentException when an output names no node
     */
    public TfjsGraph withOutputs(List<String> outputs) {
        return new TfjsGraph(List.copyOf(nodes.values()), weights, outputs);
    }

    /** Assembles a graph node by node; each method returns the name of what it added. */
    public static final class Builder {
        private final List<TfjsNode> nodes = new ArrayList<>();
        private final Map<String, TfjsTensor> weights = new LinkedHashMap<>();

        /** A float32 graph input; a batch dimension of -1 is converted as the batch size asked for (1 by default). */
        public String placeholder(String name, long... shape) {
            return node(name, "Placeholder", Map.of("shape", Arrays.stream(shape).boxed().toList()));
        }

        public String constant(String name, TfjsTensor value) {
            weights.put(name, value);
            return node(name, "Const", Map.of());
        }

        public String node(String name, String op, Map<String, Object> attrs, String... inputs) {
            nodes.add(new TfjsNode(name, op, List.of(inputs), attrs));
            return name;
        }

        public TfjsGraph build(String... outputs) {
            return new TfjsGraph(nodes, weights, List.of(outputs));
        }
    }
}
