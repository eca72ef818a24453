package org.borderwatch.alert.delivery.stream;

import org.borderwatch.alert.routing.SubscriptionFilter;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.Severity;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What one live-stream client asked for: a subscription's filter (segments, minimum severity, signals,
 * occurrences), plus, from the query parameters, named severities (any of them). Says whether a message matches and,
 * when it does not, why in words — the same words as a subscription's {@code noLongerMatching}.
 */
public record StreamFilter(SubscriptionFilter filter, Set<Severity> severities) {

    public static final StreamFilter ANY = new StreamFilter(SubscriptionFilter.ANY, Set.of());

    public StreamFilter {
        filter = filter == null ? SubscriptionFilter.ANY : filter;
        severities = severities == null || severities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(severities));
    }

    public static StreamFilter of(SubscriptionFilter filter) {
        return new StreamFilter(filter, Set.of());
    }

    public boolean matches(Alert alert) {
        return filter.matches(alert) && (severities.isEmpty() || severities.contains(alert.severity()));
    }

    /** Why the message does not match (several reasons joined with "; "); empty when it matches. */
    public String mismatch(Alert alert) {
        String why = filter.mismatch(alert);
        if (!severities.isEmpty() && !severities.contains(alert.severity())) {
            String named = "severity " + alert.severity() + " is not one of " + severities.stream().sorted()
                    .map(Enum::name).collect(Collectors.joining(", "));
            why = why.isEmpty() ? named : why + "; " + named;
        }
        return why;
    }
}
