package org.borderwatch.classifier.signal;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Thresholds of the escalation detectors (configuration keys {@code classifier.signals.*}); the defaults are those of
 * the design document.
 *
 * @param surgeWindow            trailing window of a claim surge (7 days)
 * @param surgeMinClaims         minimum claims of one source in that window (3)
 * @param surgeFactor            the count must reach this multiple of the source's weekly average (2.0)
 * @param surgeBaselineWeeks     weeks before the window that give the weekly average (4)
 * @param uncorroboratedShare    share of a surge's claims that are refuted or disputed, none confirmed (0.6)
 * @param fatalitiesCritical     killed at or above which an incident is critical (3)
 * @param retaliationWindow      a counter-claim within this time of the first claim is a cycle (48 hours)
 * @param spreadSegments         distinct segments with incidents ... (3)
 * @param spreadWindow           ... within this time (24 hours)
 * @param quietCalm              calm that a new incident breaks (30 days)
 * @param quietLookback          period before the calm in which the segment had to be active (90 days)
 * @param quietMinIncidents      incidents in that period that make a segment active (3)
 * @param milestoneLookback      diplomatic milestones this long before a signal are quoted in its rationale (14 days)
 */
public record SignalThresholds(
        Duration surgeWindow,
        int surgeMinClaims,
        double surgeFactor,
        int surgeBaselineWeeks,
        double uncorroboratedShare,
        int fatalitiesCritical,
        Duration retaliationWindow,
        int spreadSegments,
        Duration spreadWindow,
        Duration quietCalm,
        Duration quietLookback,
        int quietMinIncidents,
        Duration milestoneLookback) {

    /** The defaults as written in configuration: the one source of the service's and the replay command's defaults. */
    public static final String SURGE_WINDOW = "P7D";
    public static final String SURGE_MIN_CLAIMS = "3";
    public static final String SURGE_FACTOR = "2.0";
    public static final String SURGE_BASELINE_WEEKS = "4";
    public static final String UNCORROBORATED_SHARE = "0.6";
    public static final String FATALITIES_CRITICAL = "3";
    public static final String RETALIATION_WINDOW = "PT48H";
    public static final String SPREAD_SEGMENTS = "3";
    public static final String SPREAD_WINDOW = "PT24H";
    public static final String QUIET_CALM = "P30D";
    public static final String QUIET_LOOKBACK = "P90D";
    public static final String QUIET_MIN_INCIDENTS = "3";
    public static final String MILESTONE_LOOKBACK = "P14D";

    public SignalThresholds {
        Objects.requireNonNull(surgeWindow, "surgeWindow");
        Objects.requireNonNull(retaliationWindow, "retaliationWindow");
        Objects.requireNonNull(spreadWindow, "spreadWindow");
        Objects.requireNonNull(quietCalm, "quietCalm");
        Objects.requireNonNull(quietLookback, "quietLookback");
        Objects.requireNonNull(milestoneLookback, "milestoneLookback");
        for (Duration d : List.of(surgeWindow, retaliationWindow, spreadWindow, quietCalm, quietLookback,
                milestoneLookback)) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("signal windows must be positive durations");
            }
        }
        if (surgeMinClaims < 1 || spreadSegments < 2 || quietMinIncidents < 1 || fatalitiesCritical < 1
                || surgeBaselineWeeks < 1) {
            throw new IllegalArgumentException("signal thresholds must be positive");
        }
        if (uncorroboratedShare <= 0 || uncorroboratedShare > 1 || surgeFactor < 0) {
            throw new IllegalArgumentException("uncorroboratedShare must be in (0,1], surgeFactor >= 0");
        }
    }

    public static SignalThresholds defaults() {
        return new SignalThresholds(Duration.parse(SURGE_WINDOW), Integer.parseInt(SURGE_MIN_CLAIMS),
                Double.parseDouble(SURGE_FACTOR), Integer.parseInt(SURGE_BASELINE_WEEKS),
                Double.parseDouble(UNCORROBORATED_SHARE), Integer.parseInt(FATALITIES_CRITICAL),
                Duration.parse(RETALIATION_WINDOW), Integer.parseInt(SPREAD_SEGMENTS), Duration.parse(SPREAD_WINDOW),
                Duration.parse(QUIET_CALM), Duration.parse(QUIET_LOOKBACK), Integer.parseInt(QUIET_MIN_INCIDENTS),
                Duration.parse(MILESTONE_LOOKBACK));
    }

    /** How far back claim history must reach for the surge baseline. */
    public Duration claimHistory() {
        return surgeWindow.plus(Duration.ofDays(7L * surgeBaselineWeeks));
    }
}
