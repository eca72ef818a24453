package org.borderwatch.common.model;

import java.time.OffsetDateTime;
import java.util.Objects;

/** A closed event-time interval. */
public record TimeWindow(OffsetDateTime from, OffsetDateTime to) {
    public TimeWindow {
        Objects.requireNonNull(from, "window.from");
        Objects.requireNonNull(to, "window.to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("window ends before it starts: " + from + " > " + to);
        }
    }
}
