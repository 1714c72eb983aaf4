package org.facsflow.interop;

/**
 * Which tool wrote a file and which of its layouts a reader recognised, e.g. ("OpenFace", "2.x FeatureExtraction,
 * 714 columns, ', ' separators"). Printed by {@code convert} and {@code validate} so a user can see what was assumed.
 */
public record ToolFormat(String tool, String version) {
    @Override
    public String toString() {
        return tool + " " + version;
    }
}
