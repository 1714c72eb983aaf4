package org.facsflow.interop.read;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A table's column names (trimmed) and where each is, for readers that match columns by name. */
record Header(List<String> names, Map<String, Integer> index) {

    static Header of(List<String> names) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) index.putIfAbsent(names.get(i), i);
        return new Header(List.copyOf(names), Map.copyOf(index));
    }

    boolean has(String name) {
        return index.containsKey(name);
    }

    /** The position of {@code name}, or -1. */
    int at(String name) {
        return index.getOrDefault(name, -1);
    }

    int size() {
        return names.size();
    }
}
