package org.borderwatch.classifier.verdict;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.borderwatch.common.model.Casualties;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.Signal;
import org.borderwatch.common.model.SignalType;

/**
 * Severity from occurrence, casualties and signals:
 * <ul>
 *   <li>start: INFO for a REFUTED incident, LOW otherwise;</li>
 *   <li>anyone wounded or killed, or any escalation signal: at least MEDIUM;</li>
 *   <li>{@code highSignals} signals, or anyone killed: at least HIGH;</li>
 *   <li>CRITICAL only with {@code fatalitiesCritical} or more killed, or {@code criticalHeavySignals} heavy signals
 *       (FATALITIES, HEAVY_WEAPONS, RETALIATION_CYCLE, SPREAD);</li>
 *   <li>a REFUTED incident stays at most MEDIUM: an observer saw nothing, but a surge of refuted claims still
 *       deserves attention.</li>
 * </ul>
 */
public final class SeverityRules {

    public static final Set<SignalType> HEAVY = EnumSet.of(SignalType.FATALITIES, SignalType.HEAVY_WEAPONS,
            SignalType.RETALIATION_CYCLE, SignalType.SPREAD);

    private SeverityRules() {
    }

    public static Severity severity(Occurrence occurrence, List<Casualties> casualties, List<Signal> signals,
                                    SeveritySettings settings, int fatalitiesCritical) {
        int killed = casualties.stream().mapToInt(Casualties::killedOrZero).sum();
        int wounded = casualties.stream().mapToInt(Casualties::woundedOrZero).sum();
        long heavy = signals.stream().map(Signal::type).distinct().filter(HEAVY::contains).count();
        Severity s = occurrence == Occurrence.REFUTED ? Severity.INFO : Severity.LOW;
        if (killed > 0 || wounded > 0 || !signals.isEmpty()) {
            s = Severity.max(s, Severity.MEDIUM);
        }
        if (killed > 0 || signals.size() >= settings.highSignals()) {
            s = Severity.max(s, Severity.HIGH);
        }
        if (killed >= fatalitiesCritical || heavy >= settings.criticalHeavySignals()) {
            s = Severity.CRITICAL;
        }
        if (occurrence == Occurrence.REFUTED && s.isAtLeast(Severity.HIGH)) {
            s = Severity.MEDIUM;
        }
        return s;
    }
}
