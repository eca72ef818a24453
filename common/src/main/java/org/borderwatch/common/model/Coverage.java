package org.borderwatch.common.model;

import java.time.OffsetDateTime;
import java.util.List;

/** What an observer's refutation or confirmation covered: a period and the segments it watched. */
public record Coverage(OffsetDateTime from, OffsetDateTime to, List<BorderSegment> segments) {
    public Coverage {
        segments = segments == null ? List.of() : List.copyOf(segments);
    }

    /** True when this coverage includes the segment and overlaps the interval. */
    public boolean covers(BorderSegment segment, OffsetDateTime intervalFrom, OffsetDateTime intervalTo) {
        return segments.contains(segment)
                && from != null && to != null
                && !intervalFrom.isAfter(to)
                && !intervalTo.isBefore(from);
    }
}
