package org.borderwatch.classifier.signal;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.borderwatch.classifier.verdict.Sentences;
import org.borderwatch.common.model.EventType;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Signal;
import org.borderwatch.common.model.SignalType;
import org.borderwatch.common.model.Stance;

/**
 * HEAVY_WEAPONS: a claim or confirmation of a registered source names artillery, mortars or drones rather than small
 * arms.
 */
public final class HeavyWeaponsDetector implements SignalDetector {

    @Override
    public SignalType type() {
        return SignalType.HEAVY_WEAPONS;
    }

    @Override
    public Optional<Signal> detect(IncidentFacts incident, SignalContext context) {
        List<IncidentReport> heavy = incident.members().stream()
                .filter(r -> r.stance() == Stance.CLAIM || r.stance() == Stance.CONFIRMATION)
                .filter(r -> r.eventTypes().stream().anyMatch(EventType::isHeavyWeapon))
                // an unregistered publisher's word of artillery raises nothing (security review F2)
                .filter(r -> !org.borderwatch.classifier.verdict.Publishers.unregistered(r)).toList();
        if (heavy.isEmpty()) {
            return Optional.empty();
        }
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        heavy.forEach(r -> r.eventTypes().stream().filter(EventType::isHeavyWeapon).forEach(types::add));
        List<String> who = heavy.stream().map(r -> Sentences.who(r.source())).distinct().toList();
        return Optional.of(new Signal(type(), heavy.stream().map(IncidentReport::reportId).toList(),
                String.join(" and ", who) + (who.size() == 1 ? " reports " : " report ")
                        + Sentences.what(List.copyOf(types)) + "."));
    }

    /** Needs nothing beyond the report's own weapons: the same rule for a report assessed alone. */
    @Override
    public Optional<Signal> detectAlone(IncidentFacts report, SignalContext context) {
        return detect(report, context);
    }
}
