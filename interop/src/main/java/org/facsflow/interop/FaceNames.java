package org.facsflow.interop;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Face numbers for the people an annotation file names (ELAN participants, BORIS subjects): "face N" (as facsflow
 * writes) is face N; any other name gets the next number from 0 in order of first appearance; no name is face 0.
 */
public final class FaceNames {
    private static final Pattern FACE = Pattern.compile("(?i)face\\s*(\\d+)");
    private final Map<String, Integer> names = new LinkedHashMap<>();

    public int face(String name) {
        String n = name == null ? "" : name.trim();
        if (n.isEmpty()) return 0;
        Matcher m = FACE.matcher(n);
        if (m.find()) return Integer.parseInt(m.group(1));
        return names.computeIfAbsent(n, k -> names.size());
    }
}
