package org.borderwatch.alert.inhibit;

import org.borderwatch.common.model.Occurrence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Applies inhibition rules in event time: the distance between two incidents is the gap between their event-time
 * windows (zero when they overlap), never the time the alerts were processed, so replaying an old critical
 * incident does not mute today's.
 * <p>
 * An incident is a <em>source</em> while its latest severity is a rule's source severity and its occurrence is not
 * REFUTED (an incident a person or the machine refuted did not happen, so it mutes nothing). A source can stop
 * qualifying — a later version lowers its severity, a review refutes it — and the alerts it held back are then
 * released by the dispatcher.
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
        List<IncidentView> all = inhibitors(target, others);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /**
     * Every incident among {@code others} that mutes {@code target}, in a stable order (by incident id), so that the
     * same set of incidents always names the same one first.
     */
    public List<IncidentView> inhibitors(IncidentView target, Collection<IncidentView> others) {
        List<IncidentView> out = new ArrayList<>();
        if (target.window() == null) {
            return out;
        }
        for (IncidentView source : others) {
            if (source.incidentId().equals(target.incidentId())
                    || source.segment() != target.segment()
                    || source.window() == null
                    || source.occurrence() == Occurrence.REFUTED) {
                continue;
            }
            for (InhibitionRule rule : rules) {
                if (rule.targetSeverities().contains(target.severity())
                        && source.severity() == rule.sourceSeverity()
                        && gap(target, source).compareTo(rule.window()) <= 0) {
                    out.add(source);
                    break;
                }
            }
        }
        out.sort(Comparator.comparing(IncidentView::incidentId));
        return out;
    }

    /** Whether the incident can mute others at all (some rule's source severity, not refuted). */
    public boolean isSource(IncidentView incident) {
        return incident != null && incident.window() != null && incident.occurrence() != Occurrence.REFUTED
                && rules.stream().anyMatch(r -> r.sourceSeverity() == incident.severity());
    }

    /**
     * Whether an incident that was a source before a change may have stopped muting some alert after it: it no
     * longer qualifies, or it moved (segment, event time) or changed severity. Alerts it held back must then be
     * looked at again.
     */
    public boolean sourceMayHaveEnded(IncidentView before, IncidentView after) {
        if (!isSource(before)) {
            return false;
        }
        return !isSource(after) || before.segment() != after.segment() || before.severity() != after.severity()
                || !before.window().equals(after.window());
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
