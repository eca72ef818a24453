package org.borderwatch.alert.routing;

import org.borderwatch.alert.Fixtures;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.alert.lifecycle.LifecycleSettings;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.common.model.BorderSegment.SYUNIK_EAST;
import static org.borderwatch.common.model.BorderSegment.TAVUSH;

class RouterTest {

    private final AlertLifecycle lifecycle = new AlertLifecycle(
            Clock.fixed(Instant.parse("2025-03-16T08:00:00Z"), ZoneOffset.UTC),
            new LifecycleSettings(Duration.ofHours(1), Severity.HIGH));
    private final UUID incident = UUID.randomUUID();

    private static Subscription sub(String id, ChannelType type, SubscriptionFilter filter) {
        return new Subscription(id, id, "anna", new Channel(type, "https://example.org/h", "a@b.org", "t",
                "0123456789abcdef", null), filter, DeliveryMode.IMMEDIATE, null, Instant.EPOCH);
    }

    @Test
    void routesToMatchingSubscriptionsButNotToTheStreamOrTwice() {
        var syunik = sub("syunik", ChannelType.WEBHOOK,
                new SubscriptionFilter(Set.of(SYUNIK_EAST), Severity.LOW, null, null));
        var tavush = sub("tavush", ChannelType.EMAIL, new SubscriptionFilter(Set.of(TAVUSH), null, null, null));
        var stream = sub("stream", ChannelType.STREAM, SubscriptionFilter.ANY);
        var told = sub("told", ChannelType.KAFKA, SubscriptionFilter.ANY);
        Alert fired = lifecycle.onAssessment(null, Fixtures.assessment(incident, 1, SYUNIK_EAST, Severity.MEDIUM,
                Occurrence.UNVERIFIED, false)).message();

        List<Subscription> recipients = Router.recipients(fired, List.of(syunik, tavush, stream, told),
                Map.of("told", 1L));

        assertThat(recipients).extracting(Subscription::id).containsExactly("syunik");
    }

    @Test
    void resolutionReachesEveryoneToldEvenWhenNoLongerMatching() {
        var high = sub("high", ChannelType.WEBHOOK, new SubscriptionFilter(null, Severity.HIGH, null, null));
        var fresh = sub("fresh", ChannelType.WEBHOOK, new SubscriptionFilter(null, Severity.HIGH, null, null));
        var first = lifecycle.onAssessment(null, Fixtures.assessment(incident, 1, SYUNIK_EAST, Severity.HIGH,
                Occurrence.CONFIRMED, false));
        var resolved = lifecycle.onAssessment(first.state(), Fixtures.assessment(incident, 2, SYUNIK_EAST,
                Severity.LOW, Occurrence.CONFIRMED, true)).message();

        assertThat(Router.recipients(resolved, List.of(high, fresh), Map.of("high", 1L)))
                .extracting(Subscription::id).containsExactly("high");
    }

    @Test
    void aCorrectionAfterClosureReachesOnlyThoseToldWhomItStillMatches() {
        var all = sub("all", ChannelType.WEBHOOK, SubscriptionFilter.ANY);
        var unverified = sub("unverified", ChannelType.WEBHOOK,
                new SubscriptionFilter(null, null, null, Set.of(Occurrence.UNVERIFIED)));
        var high = sub("high", ChannelType.WEBHOOK, new SubscriptionFilter(null, Severity.HIGH, null, null));
        var already = sub("already", ChannelType.EMAIL, SubscriptionFilter.ANY);
        var fired = lifecycle.onAssessment(null, Fixtures.assessment(incident, 1, SYUNIK_EAST, Severity.MEDIUM,
                Occurrence.UNVERIFIED, false));
        var resolved = lifecycle.onAssessment(fired.state(), Fixtures.assessment(incident, 2, SYUNIK_EAST,
                Severity.MEDIUM, Occurrence.UNVERIFIED, true));
        Alert corrected = lifecycle.onAssessment(resolved.state(), Fixtures.assessment(incident, 3, SYUNIK_EAST,
                Severity.HIGH, Occurrence.CONFIRMED, true)).message();

        assertThat(Router.isCorrectionAfterClosure(corrected)).isTrue();
        assertThat(Router.isCorrectionAfterClosure(resolved.message())).isFalse();
        // "high" now matches but was never told: no first notice through a correction
        assertThat(Router.recipients(corrected, List.of(all, unverified, high, already),
                Map.of("all", 2L, "unverified", 2L, "already", 3L)))
                .extracting(Subscription::id).containsExactly("all");
    }
}
