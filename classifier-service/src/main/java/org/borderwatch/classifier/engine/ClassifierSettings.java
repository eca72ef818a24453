package org.borderwatch.classifier.engine;

import java.time.Duration;
import java.util.Objects;
import org.borderwatch.classifier.reliability.ReliabilitySettings;
import org.borderwatch.classifier.signal.SignalThresholds;
import org.borderwatch.classifier.verdict.SeveritySettings;

/**
 * Everything the core needs to know, as plain values (the Spring edge fills it from {@code classifier.*}).
 *
 * @param sessionGap  reports whose event-time intervals lie within this gap join one incident (6 hours)
 * @param grace       reports published this long behind stream time still update their incident (7 days)
 * @param quietPeriod an incident closes when stream time passes its last activity by this much (7 days)
 */
public record ClassifierSettings(Duration sessionGap, Duration grace, Duration quietPeriod,
                                 SignalThresholds signals, ReliabilitySettings reliability,
                                 SeveritySettings severity) {
    public ClassifierSettings {
        Objects.requireNonNull(sessionGap, "sessionGap");
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(quietPeriod, "quietPeriod");
        Objects.requireNonNull(signals, "signals");
        Objects.requireNonNull(reliability, "reliability");
        Objects.requireNonNull(severity, "severity");
        if (sessionGap.isNegative() || grace.isNegative() || quietPeriod.isNegative() || quietPeriod.isZero()) {
            throw new IllegalArgumentException("durations must be positive");
        }
    }

    public static ClassifierSettings defaults() {
        return new ClassifierSettings(Duration.ofHours(6), Duration.ofDays(7), Duration.ofDays(7),
                SignalThresholds.defaults(), ReliabilitySettings.defaults(), SeveritySettings.defaults());
    }

    public ClassifierSettings withSignals(SignalThresholds newSignals) {
        return new ClassifierSettings(sessionGap, grace, quietPeriod, newSignals, reliability, severity);
    }

    public ClassifierSettings withGrace(Duration newGrace) {
        return new ClassifierSettings(sessionGap, newGrace, quietPeriod, signals, reliability, severity);
    }

    public ClassifierSettings withQuietPeriod(Duration newQuietPeriod) {
        return new ClassifierSettings(sessionGap, grace, newQuietPeriod, signals, reliability, severity);
    }
}
