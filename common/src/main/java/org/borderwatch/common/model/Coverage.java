package org.borderwatch.common.model;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What an observer's refutation or confirmation covered: a period and the segments it watched (none named: the
 * statement did not say where). Whether a coverage applies to a claim is a verdict rule and lives with the other
 * rules in the classifier.
 */
public record Coverage(OffsetDateTime from, OffsetDateTime to, List<BorderSegment> segments) {
    public Coverage {
        segments = segments == null ? List.of() : List.copyOf(segments);
    }
}
