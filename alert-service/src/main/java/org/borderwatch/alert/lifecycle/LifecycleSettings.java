package org.borderwatch.alert.lifecycle;

import org.borderwatch.common.model.Severity;

import java.time.Duration;
import java.util.Objects;

/**
 * @param repeatInterval    how often a still-firing alert at or above {@code repeatMinSeverity} is sent again;
 *                          zero disables repeats
 * @param repeatMinSeverity the lowest severity that repeats
 */
public record LifecycleSettings(Duration repeatInterval, Severity repeatMinSeverity) {
    public LifecycleSettings {
        Objects.requireNonNull(repeatInterval, "repeatInterval");
        repeatMinSeverity = repeatMinSeverity == null ? Severity.HIGH : repeatMinSeverity;
        if (repeatInterval.isNegative()) {
            throw new IllegalArgumentException("repeatInterval must not be negative");
        }
    }
}
