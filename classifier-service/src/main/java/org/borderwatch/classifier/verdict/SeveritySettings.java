package org.borderwatch.classifier.verdict;

/**
 * Severity thresholds (configuration keys {@code classifier.severity.*}).
 *
 * @param highSignals          this many escalation signals make an incident at least HIGH (2)
 * @param criticalHeavySignals this many heavy signals (FATALITIES, HEAVY_WEAPONS, RETALIATION_CYCLE, SPREAD) make it
 *                             CRITICAL (3)
 */
public record SeveritySettings(int highSignals, int criticalHeavySignals) {
    public SeveritySettings {
        if (highSignals < 1 || criticalHeavySignals < 2) {
            throw new IllegalArgumentException("highSignals >= 1 and criticalHeavySignals >= 2");
        }
    }

    public static SeveritySettings defaults() {
        return new SeveritySettings(2, 3);
    }
}
