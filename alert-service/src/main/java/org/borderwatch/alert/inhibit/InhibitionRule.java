package org.borderwatch.alert.inhibit;

import org.borderwatch.common.model.Severity;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * An alert at {@code sourceSeverity} in a segment mutes alerts at one of {@code targetSeverities} in the same
 * segment whose incident lies within {@code window} of it in event time.
 */
public record InhibitionRule(Severity sourceSeverity, Set<Severity> targetSeverities, Duration window) {
    public InhibitionRule {
        Objects.requireNonNull(sourceSeverity, "sourceSeverity");
        Objects.requireNonNull(window, "window");
        targetSeverities = targetSeverities == null ? Set.of() : Set.copyOf(targetSeverities);
        if (targetSeverities.contains(sourceSeverity)) {
            throw new IllegalArgumentException("an inhibition rule must not mute its own source severity");
        }
    }
}
