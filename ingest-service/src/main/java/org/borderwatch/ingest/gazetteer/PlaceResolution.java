package org.borderwatch.ingest.gazetteer;

import org.borderwatch.common.model.BorderSegment;

import java.util.List;

/**
 * What a set of place mentions says about location: the segments (in order of first mention), whether they are
 * alternatives, the first town or village named, and the mentions used.
 */
public record PlaceResolution(List<BorderSegment> segments, boolean ambiguous, Place settlement,
                              List<PlaceMention> mentions) {

    public static final PlaceResolution NONE = new PlaceResolution(List.of(BorderSegment.UNRESOLVED), false, null,
            List.of());

    public boolean resolved() {
        return !segments.contains(BorderSegment.UNRESOLVED);
    }

    /** The segments when resolved, otherwise an empty list (for answers and coverage). */
    public List<BorderSegment> resolvedSegments() {
        return resolved() ? segments : List.of();
    }
}
