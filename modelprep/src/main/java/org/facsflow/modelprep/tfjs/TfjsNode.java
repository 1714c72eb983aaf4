package org.facsflow.modelprep.tfjs;

import java.util.List;
import java.util.Map;

/**
 * One node of a TF.js GraphDef.
 *
 * <p>{@code inputs} are producer node names (TF's ":0" suffix and "^control" inputs are dropped by the
 * reader). Attribute values are decoded from the GraphDef JSON: {@code String} (s, base64-decoded, and
 * type), {@code Long} (i), {@code Double} (f), {@code Boolean} (b), {@code List<Long>} (list.i and shape
 * dims), {@code List<String>} (list.s) or {@code List<Double>} (list.f).
 */
public record TfjsNode(String name, String op, List<String> inputs, Map<String, Object> attrs) {

    public TfjsNode {
        inputs = List.copyOf(inputs);
        attrs = Map.copyOf(attrs);
    }

    public String input(int index) {
        if (index >= inputs.size()) {
            throw new IllegalArgumentException(
                    "node '" + name + "' (" + op + ") has " + inputs.size() + " inputs, needs input " + index);
        }
        return inputs.get(index);
    }

    public String string(String attr, String fallback) {
        return (String) attrs.getOrDefault(attr, fallback);
    }

    public boolean bool(String attr, boolean fallback) {
        return (Boolean) attrs.getOrDefault(attr, fallback);
    }

    /** A list-of-ints attribute; empty when absent. */
    @SuppressWarnings("unchecked")
    public List<Long> longs(String attr) {
        return (List<Long>) attrs.getOrDefault(attr, List.of());
    }

    /** A list-of-strings attribute; empty when absent. */
    @SuppressWarnings("unchecked")
    public List<String> strings(String attr) {
        return (List<String>) attrs.getOrDefault(attr, List.of());
    }
}
