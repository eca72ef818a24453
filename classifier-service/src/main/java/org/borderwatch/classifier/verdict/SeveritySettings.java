package org.borderwatch.classifier.verdict;

/**
 * Severity thresholds (configuration keys {@code classifier.severity.*}).
 *
 * @param highSignals          this many escalation signals make an incident at least HIGH (2)
 * @param criticalHeavySignals this many heavy signals (FATALITIES, HEAVY_WEAPONS, RETALIATION_CYCLE, SPREAD) make it
 *                             CRITICAL (3)
 */
public record SeveritySettings(int highSignals, int criticalHeavySignals) {
    /** The defaults as written in configuration (one source for the service and the replay command). */
    public static final String HIGH_SIGNALS = "2";
    public static final String CRITICAL_HEAVY_SIGNALS = "3";

    public SeveritySettings {
        if (highSignals < 1 || criticalHeavySignals < 2) {
            throw new IllegalArgumentException("highSignals >= 1 and criticalHeavySignals >= 2");
        }
    }

    public static SeveritySettings defaults() {
        return new SeveritySettings(Integer.parseInt(HIGH_SIGNALS), Integer.parseInt(CRITICAL_HEAVY_SIGNALS));
    }
}
