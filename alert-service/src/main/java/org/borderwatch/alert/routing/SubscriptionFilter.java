package org.borderwatch.alert.routing;

import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.SignalType;

import java.util.Collection;
import java.util.Set;

/**
 * What a subscriber wants to hear about. An empty set means "any"; all given criteria must hold. With
 * {@code signals} given, an alert matches when it carries at least one of them. The occurrence compared is the
 * person's (review) when there is one, else the machine's.
 */
public record SubscriptionFilter(Set<BorderSegment> segments, Severity minSeverity, Set<SignalType> signals,
                                 Set<Occurrence> occurrences) {

    public static final SubscriptionFilter ANY = new SubscriptionFilter(Set.of(), Severity.INFO, Set.of(), Set.of());

    public SubscriptionFilter {
        // in the enums' declared order, so the filter reads back the same way every time
        segments = StableSets.of(BorderSegment.class, segments);
        minSeverity = minSeverity == null ? Severity.INFO : minSeverity;
        signals = StableSets.of(SignalType.class, signals);
        occurrences = StableSets.of(Occurrence.class, occurrences);
    }

    public boolean matches(Alert alert) {
        Occurrence occurrence = alert.review() != null ? alert.review().occurrence() : alert.occurrence();
        return matches(alert.segment(), alert.severity(), alert.signals(), occurrence);
    }

    /**
     * Why an alert does not match, in words ({@code severity MEDIUM is below minSeverity HIGH}; several reasons
     * joined with "; "); empty when it matches.
     */
    public String mismatch(Alert alert) {
        Occurrence occurrence = alert.review() != null ? alert.review().occurrence() : alert.occurrence();
        java.util.List<String> why = new java.util.ArrayList<>();
        if (!segments.isEmpty() && !segments.contains(alert.segment())) {
            why.add("segment " + alert.segment() + " is not one of " + names(segments));
        }
        if (!alert.severity().isAtLeast(minSeverity)) {
            why.add("severity " + alert.severity() + " is below minSeverity " + minSeverity);
        }
        if (!signals.isEmpty() && alert.signals().stream().noneMatch(signals::contains)) {
            why.add(alert.signals().isEmpty() ? "no signal any more (signals " + names(signals) + ")"
                    : "none of the signals " + names(signals) + " (now " + names(alert.signals()) + ")");
        }
        if (!occurrences.isEmpty() && !occurrences.contains(occurrence)) {
            why.add("occurrence " + occurrence + " is not one of " + names(occurrences));
        }
        return String.join("; ", why);
    }

    private static String names(Collection<? extends Enum<?>> values) {
        return values.stream().sorted().map(Enum::name).collect(java.util.stream.Collectors.joining(", "));
    }

    public boolean matches(BorderSegment segment, Severity severity, Collection<SignalType> alertSignals,
                           Occurrence occurrence) {
        return (segments.isEmpty() || segments.contains(segment))
                && severity.isAtLeast(minSeverity)
                && (signals.isEmpty() || alertSignals.stream().anyMatch(signals::contains))
                && (occurrences.isEmpty() || occurrences.contains(occurrence));
    }
}
