package org.facsflow.modelprep.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a TF.js graph model ({@code model.json} with {@code format: graph-model} and the weight shards
 * beside it) into a {@link TfjsGraph}.
 *
 * <p>Outputs are the tensors of the model signature ({@code signature} or
 * {@code userDefinedMetadata.signature}) when it lists any, otherwise every non-constant node that no
 * other node consumes. They are ordered by name, numeric suffixes compared as numbers
 * ({@code Identity, Identity_1, Identity_2, ..., Identity_10}).
 */
public final class TfjsGraphReader {
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Orders names by their text without trailing digits, then by those digits as a number (none first),
     * then by the whole text: {@code Identity, Identity_1, Identity_2, Identity_10}.
     */
    static final Comparator<String> OUTPUT_ORDER = Comparator.comparing(TfjsGraphReader::stem)
        .thenComparing(TfjsGraphReader::suffixNumber)
        .thenComparing(Comparator.naturalOrder());

    private TfjsGraphReader() {
    }

    public static TfjsGraph read(Path modelJson) throws IOException {
        JsonNode root = JSON.readTree(modelJson.toFile());
        JsonNode topology = root.get("modelTopology");
        JsonNode manifest = root.get("weightsManifest");
        if (topology == null || manifest == null || !topology.has("node")) {
            throw new IllegalArgumentException(modelJson + " is not a TF.js graph model (no modelTopology.node)");
        }
        List<TfjsNode> nodes = new ArrayList<>();
        for (JsonNode node : topology.get("node")) {
            nodes.add(node(node));
        }
        Path directory = modelJson.toAbsolutePath().getParent();
        return new TfjsGraph(nodes, TfjsWeights.read(manifest, directory), outputs(root, nodes));
    }

    private static TfjsNode node(JsonNode json) {
        String name = json.get("name").asText();
        List<String> inputs = new ArrayList<>();
        for (JsonNode input : json.path("input")) {
            String tensor = input.asText();
            if (tensor.startsWith("^")) {
                continue; // control dependency: irrelevant for a stateless inference graph
            }
            int colon = tensor.lastIndexOf(':');
            if (colon >= 0) {
                if (!tensor.substring(colon + 1).equals("0")) {
                    throw new IllegalArgumentException(
                            "node '" + name + "' reads output " + tensor + ": multi-output ops are not supported");
                }
                tensor = tensor.substring(0, colon);
            }
            inputs.add(tensor);
        }
        Map<String, Object> attrs = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = json.path("attr").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            Object value = attrValue(field.getValue());
            if (value != null) {
                attrs.put(field.getKey(), value);
            }
        }
        return new TfjsNode(name, json.get("op").asText(), inputs, attrs);
    }

    /** Decodes one AttrValue; kinds no converter reads (inline tensors, funcs) give null. */
    private static Object attrValue(JsonNode value) {
        if (value.has("s")) {
            return text(value.get("s"));
        }
        if (value.has("i")) {
            return value.get("i").asLong();
        }
        if (value.has("f")) {
            return value.get("f").asDouble();
        }
        if (value.has("b")) {
            return value.get("b").asBoolean();
        }
        if (value.has("type")) {
            return value.get("type").asText();
        }
        if (value.has("shape")) {
            JsonNode shape = value.get("shape");
            if (shape.path("unknownRank").asBoolean(false)) {
                return null;
            }
            List<Long> dims = new ArrayList<>();
            for (JsonNode dim : shape.path("dim")) {
                dims.add(dim.path("size").asLong(-1));
            }
            return dims;
        }
        if (value.has("list")) {
            JsonNode list = value.get("list");
            if (list.has("s")) {
                List<String> strings = new ArrayList<>();
                list.get("s").forEach(s -> strings.add(text(s)));
                return strings;
            }
            if (list.has("f")) {
                List<Double> reals = new ArrayList<>();
                list.get("f").forEach(f -> reals.add(f.asDouble()));
                return reals;
            }
            List<Long> ints = new ArrayList<>();
            list.path("i").forEach(i -> ints.add(i.asLong()));
            return ints;
        }
        return null;
    }

    private static String stem(String name) {
        int end = name.length();
        while (end > 0 && name.charAt(end - 1) >= '0' && name.charAt(end - 1) <= '9') {
            end--;
        }
        return name.substring(0, end);
    }

    private static BigInteger suffixNumber(String name) {
        String digits = name.substring(stem(name).length());
        return digits.isEmpty() ? BigInteger.ONE.negate() : new BigInteger(digits);
    }

    private static String text(JsonNode base64) {
        return new String(Base64.getDecoder().decode(base64.asText()), StandardCharsets.UTF_8);
    }

    private static List<String> outputs(JsonNode root, List<TfjsNode> nodes) {
        JsonNode signature = root.has("signature") ? root.get("signature")
                : root.path("userDefinedMetadata").path("signature");
        List<String> outputs = new ArrayList<>();
        for (JsonNode output : signature.path("outputs")) {
            String tensor = output.path("name").asText();
            outputs.add(tensor.endsWith(":0") ? tensor.substring(0, tensor.length() - 2) : tensor);
        }
        if (outputs.isEmpty()) {
            Set<String> consumed = new HashSet<>();
            nodes.forEach(node -> consumed.addAll(node.inputs()));
            for (TfjsNode node : nodes) {
                if (!consumed.contains(node.name()) && !node.op().equals("Const") && !node.op().equals("Placeholder")) {
                    outputs.add(node.name());
                }
            }
        }
        outputs.sort(OUTPUT_ORDER);
        return outputs;
    }
}
