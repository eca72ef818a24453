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
 * @param maxJoiningSpan a report whose event-time interval is longer than this (a summary "since 1 March", "over the
 *                    past week") neither joins nor bridges sessions of precise reports: it joins only long-span
 *                    incidents whose period it overlaps, or forms its own (2 days)
 */
public record ClassifierSettings(Duration sessionGap, Duration grace, Duration quietPeriod,
                                 SignalThresholds signals, ReliabilitySettings reliability,
                                 SeveritySettings severity, Duration maxJoiningSpan) {
    /** The defaults as written in configuration (one source for the service and the replay command). */
    public static final String SESSION_GAP = "PT6H";
    public static final String GRACE = "P7D";
    public static final String QUIET_PERIOD = "P7D";
    public static final String MAX_JOINING_SPAN = "P2D";

    public ClassifierSettings {
        Objects.requireNonNull(sessionGap, "sessionGap");
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(quietPeriod, "quietPeriod");
        Objects.requireNonNull(signals, "signals");
        Objects.requireNonNull(reliability, "reliability");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(maxJoiningSpan, "maxJoiningSpan");
        if (sessionGap.isNegative() || grace.isNegative() || quietPeriod.isNegative() || quietPeriod.isZero()
                || maxJoiningSpan.isNegative() || maxJoiningSpan.isZero()) {
            throw new IllegalArgumentException("durations must be positive");
        }
    }

    /**
     * How long after the end of the event it tells a claim may be published and still be news (replay audit C5): the
     * grace plus the quiet period — the longest an incident of that event can still be held (closed at its last
     * activity plus the quiet period, kept for the grace after its closure). A claim published later than this after
     * its event ended is a retrospective account (an anniversary statement, a commemoration): assessed alone and
     * closed, like a report beyond the grace. No setting of its own: it follows the two it is made of.
     */
    public Duration retrospectiveAfter() {
        return grace.plus(quietPeriod);
    }

    public static ClassifierSettings defaults() {
        return new ClassifierSettings(Duration.parse(SESSION_GAP), Duration.parse(GRACE), Duration.parse(QUIET_PERIOD),
                SignalThresholds.defaults(), ReliabilitySettings.defaults(), SeveritySettings.defaults(),
                Duration.parse(MAX_JOINING_SPAN));
    }

    public ClassifierSettings withSignals(SignalThresholds newSignals) {
        return new ClassifierSettings(sessionGap, grace, quietPeriod, newSignals, reliability, severity,
                maxJoiningSpan);
    }

    public ClassifierSettings withGrace(Duration newGrace) {
        return new ClassifierSettings(sessionGap, newGrace, quietPeriod, signals, reliability, severity,
                maxJoiningSpan);
    }

    public ClassifierSettings withQuietPeriod(Duration newQuietPeriod) {
        return new ClassifierSettings(sessionGap, grace, newQuietPeriod, signals, reliability, severity,
                maxJoiningSpan);
    }

    public ClassifierSettings withMaxJoiningSpan(Duration newMaxJoiningSpan) {
        return new ClassifierSettings(sessionGap, grace, quietPeriod, signals, reliability, severity,
                newMaxJoiningSpan);
    }
}
