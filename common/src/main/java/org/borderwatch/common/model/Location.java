package org.borderwatch.common.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;

/**
 * Where a statement places the event. {@code segments} are the border segments the text names; with
 * {@code ambiguous} true they are alternatives (one of them), otherwise all of them (a whole front).
 * {@code [UNRESOLVED]} when the text names no place the gazetteer knows.
 */
public record Location(List<BorderSegment> segments, boolean ambiguous, String settlement, String text,
                       Double lat, Double lon) {
    public Location {
        segments = segments == null || segments.isEmpty() ? List.of(BorderSegment.UNRESOLVED) : List.copyOf(segments);
    }

    public static Location unresolved(String text) {
        return new Location(List.of(BorderSegment.UNRESOLVED), false, null, text, null, null);
    }

    public static Location of(BorderSegment... segments) {
        return new Location(List.of(segments), false, null, null, null, null);
    }

    @JsonIgnore
    public boolean isResolved() {
        return !segments.contains(BorderSegment.UNRESOLVED);
    }

    /** The segment used as the Kafka key: the first one named. */
    @JsonIgnore
    public BorderSegment primarySegment() {
        return segments.get(0);
    }
}
