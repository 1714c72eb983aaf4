package org.facsflow.interop;

import org.facsflow.facs.ActionUnit;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Event-level labels from one file: AU episodes (with their intensity letters where coded) and other labelled
 * stretches, ordered by face, onset and tier.
 *
 * @param media the media file the labels refer to, as the file names it; empty where it names none
 */
public record EventLabels(Path source, ToolFormat format, Optional<String> media, List<LabelEvent> events)
        implements Coding {
    public EventLabels {
        Objects.requireNonNull(source);
        Objects.requireNonNull(format);
        events = events.stream().sorted(Comparator.comparingInt(LabelEvent::face)
                .thenComparingDouble(LabelEvent::onset).thenComparing(LabelEvent::tier)).toList();
    }

    /** The AU events only. */
    public List<LabelEvent> auEvents() {
        return events.stream().filter(e -> e.au() != null).toList();
    }

    /** The AUs that have at least one event, in FACS order. */
    public List<ActionUnit> aus() {
        return auEvents().stream().map(LabelEvent::au).distinct().sorted(Comparator.comparingInt(ActionUnit::number))
                .toList();
    }

    /** The end of the last event, 0 for none. */
    public double end() {
        return events.stream().mapToDouble(LabelEvent::offset).max().orElse(0);
    }
}
