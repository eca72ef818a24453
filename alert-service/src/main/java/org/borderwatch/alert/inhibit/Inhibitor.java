package org.borderwatch.alert.inhibit;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Applies inhibition rules in event time: the distance between two incidents is the gap between their event-time
 * windows (zero when they overlap), never the time the alerts were processed, so replaying an old critical
 * incident does not mute today's.
 */
public final class Inhibitor {

    private final List<InhibitionRule> rules;

    public Inhibitor(List<InhibitionRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<InhibitionRule> rules() {
        return rules;
    }

    /** The incident that mutes {@code target}, if any, among {@code others} (the target itself is ignored). */
    public Optional<IncidentView> inhibitedBy(IncidentView target, Collection<IncidentView> others) {
        if (target.window() == null) {
            return Optional.empty();
        }
        for (InhibitionRule rule : rules) {
            if (!rule.targetSeverities().contains(target.severity())) {
                continue;
            }
            for (IncidentView source : others) {
                if (source.incidentId().equals(target.incidentId())
                        || source.segment() != target.segment()
                        || source.severity() != rule.sourceSeverity()
                        || source.window() == null) {
                    continue;
                }
                if (gap(target, source).compareTo(rule.window()) <= 0) {
                    return Optional.of(source);
                }
            }
        }
        return Optional.empty();
    }

    /** The longest window of any rule: how far around an incident a store must look for sources. */
    public Duration reach() {
        return rules.stream().map(InhibitionRule::window).max(Duration::compareTo).orElse(Duration.ZERO);
    }

    static Duration gap(IncidentView a, IncidentView b) {
        Instant aFrom = a.window().from().toInstant();
        Instant aTo = a.window().to().toInstant();
        Instant bFrom = b.window().from().toInstant();
        Instant bTo = b.window().to().toInstant();
        if (aTo.isBefore(bFrom)) {
            return Duration.between(aTo, bFrom);
        }
        if (bTo.isBefore(aFrom)) {
            return Duration.between(bTo, aFrom);
        }
        return Duration.ZERO;
    }
}
