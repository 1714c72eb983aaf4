package org.facsflow.interop.elan;

import java.util.List;
import java.util.Optional;

/**
 * An ELAN annotation document as read: its format version, linked media and tiers, with every annotation's times
 * resolved to milliseconds (see {@link EafReader}).
 */
public record EafFile(String format, Optional<String> media, List<Tier> tiers) {

    /** One tier; {@code parent} null for a top-level tier. */
    public record Tier(String id, String participant, String parent, String linguisticType, List<Annotation> annotations) {
    }

    /**
     * One annotation: {@code ref} is the id of the parent annotation of a reference annotation (null for an
     * alignable one), whose times it takes.
     */
    public record Annotation(String id, long startMs, long endMs, String value, String ref) {
    }

    public Optional<Tier> tier(String id) {
        return tiers.stream().filter(t -> t.id().equals(id)).findFirst();
    }
}
