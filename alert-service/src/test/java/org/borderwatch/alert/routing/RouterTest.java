package org.borderwatch.alert.routing;

import org.borderwatch.alert.Fixtures;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.alert.lifecycle.LifecycleSettings;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.alert.lifecycle.Transition;
import org.borderwatch.common.model.AlertEvent;
import org.borderwatch.common.model.SignalType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

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
    void aCorrectionAfterClosureReachesThoseToldAndMarksThoseItNoLongerMatches() {
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
        // "high" now matches but was never told: no first notice through a correction; "unverified" was told and is
        // told once more, marked: its filter no longer matches
        assertThat(Router.route(corrected, false, List.of(all, unverified, high, already),
                Map.of("all", 2L, "unverified", 2L, "already", 3L), seq -> resolved.message()))
                .containsExactly(new Router.Recipient(all, null), new Router.Recipient(unverified,
                        "occurrence CONFIRMED is not one of UNVERIFIED"));
    }

    // --- a subscriber told about an incident whose filter no longer matches a later message: its last word ---

    private static final UUID LEAVING = UUID.fromString("7d2a3f10-0000-5000-8000-00000000000a");
    private static final AlertLifecycle LIFECYCLE = new AlertLifecycle(
            Clock.fixed(Instant.parse("2025-03-16T08:00:00Z"), ZoneOffset.UTC),
            new LifecycleSettings(Duration.ofHours(1), Severity.HIGH));

    private static Transition at(Transition before, long version, Severity severity, Occurrence occurrence,
                                 boolean closed, SignalType... signals) {
        return LIFECYCLE.onAssessment(before == null ? null : before.state(), Fixtures.assessment(LEAVING, version,
                SYUNIK_EAST, severity, occurrence, closed, signals));
    }

    static Stream<Arguments> leaving() {
        var high = new SubscriptionFilter(null, Severity.HIGH, null, null);
        var confirmedOrDisputed = new SubscriptionFilter(null, null, null,
                Set.of(Occurrence.CONFIRMED, Occurrence.DISPUTED));
        var fatal = new SubscriptionFilter(null, null, Set.of(SignalType.FATALITIES), null);
        var tavush = new SubscriptionFilter(Set.of(TAVUSH), null, null, null);
        var any = SubscriptionFilter.ANY;

        Transition fired = at(null, 1, Severity.HIGH, Occurrence.CONFIRMED, false, SignalType.FATALITIES);
        // severity down: nothing that matters as a whole, so a leave notice is made of it
        Transition down = at(fired, 2, Severity.MEDIUM, Occurrence.CONFIRMED, false, SignalType.FATALITIES);
        Transition notice = LIFECYCLE.leaveNotice(down.state(), "no longer matches");
        Transition refuted = at(fired, 2, Severity.HIGH, Occurrence.REFUTED, false, SignalType.FATALITIES);
        Transition signalGone = at(fired, 2, Severity.HIGH, Occurrence.DISPUTED, false);
        Transition resolvedAfterNotice = at(notice, 3, Severity.MEDIUM, Occurrence.CONFIRMED, true);
        Transition resolvedLower = at(fired, 2, Severity.MEDIUM, Occurrence.CONFIRMED, true);
        Transition backUp = at(notice, 3, Severity.HIGH, Occurrence.CONFIRMED, false, SignalType.FATALITIES);
        Alert f = fired.message();
        Alert n = notice.message();
        return Stream.of(
                Arguments.of("never told: no leave notice, even when it no longer matches", high, null, List.of(f),
                        n, true, "none"),
                Arguments.of("never told: a leave notice is never a first word, even when it matches", any, null,
                        List.of(f), n, true, "none"),
                Arguments.of("told, severity dropped below its minimum: the leave notice, marked", high, 1L,
                        List.of(f), n, true, "severity MEDIUM is below minSeverity HIGH"),
                Arguments.of("told and still matching: a leave notice is not news for it", any, 1L, List.of(f), n,
                        true, "none"),
                Arguments.of("told, occurrence became REFUTED: the update, marked", confirmedOrDisputed, 1L,
                        List.of(f), refuted.message(), false,
                        "occurrence REFUTED is not one of CONFIRMED, DISPUTED"),
                Arguments.of("told and matching: the update as usual", any, 1L, List.of(f), refuted.message(), false,
                        "plain"),
                Arguments.of("told, the signal it filtered on disappeared: the update, marked", fatal, 1L, List.of(f),
                        signalGone.message(), false, "no signal any more (signals FATALITIES)"),
                Arguments.of("told, never matched again since its last word: not the resolution either", high, 2L,
                        List.of(f, n), resolvedAfterNotice.message(), false, "none"),
                Arguments.of("told and still in: the resolution as such, not marked", high, 1L, List.of(f),
                        resolvedLower.message(), false, "plain"),
                Arguments.of("out, then matching again (severity back up is material): told as usual", high, 2L,
                        List.of(f, n), backUp.message(), false, "plain"),
                Arguments.of("out and a later update that still does not match: nothing", high, 2L, List.of(f, n),
                        at(notice, 3, Severity.MEDIUM, Occurrence.DISPUTED, false).message(), false, "none"),
                Arguments.of("already told this sequence: never twice", high, 2L, List.of(f, n), n, true, "none"),
                Arguments.of("another segment's desk never told: nothing", tavush, null, List.of(f),
                        refuted.message(), false, "none"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("leaving")
    void aSubscriberWhoseFilterTheIncidentLeavesHearsItOnceAsItsLastWord(String name, SubscriptionFilter filter,
                                                                         Long told, List<Alert> history,
                                                                         Alert message, boolean leaveNotice,
                                                                         String expected) {
        var s = sub("desk", ChannelType.WEBHOOK, filter);
        Map<String, Long> toldMap = told == null ? Map.of() : Map.of("desk", told);
        List<Router.Recipient> out = Router.route(message, leaveNotice, List.of(s,
                sub("wall", ChannelType.STREAM, filter)), toldMap, seq -> history.stream()
                .filter(a -> a.sequence() == seq).findFirst().orElse(null));
        switch (expected) {
            case "none" -> assertThat(out).isEmpty();
            case "plain" -> assertThat(out).containsExactly(new Router.Recipient(s, null));
            default -> assertThat(out).containsExactly(new Router.Recipient(s, expected));
        }
    }

    @Test
    void theLeaveNoticeMovesWhatWasNotifiedSoComingBackIsNews() {
        Transition fired = at(null, 1, Severity.HIGH, Occurrence.CONFIRMED, false);
        Transition down = at(fired, 2, Severity.MEDIUM, Occurrence.CONFIRMED, false);
        assertThat(down.notifies()).as("severity down matters to nobody as a whole").isFalse();
        Transition notice = LIFECYCLE.leaveNotice(down.state(), "no longer matches 'high'");

        assertThat(notice.leaveNotice()).isTrue();
        assertThat(notice.message().event()).isEqualTo(AlertEvent.UPDATED);
        assertThat(notice.message().sequence()).isEqualTo(2);
        assertThat(notice.message().severity()).isEqualTo(Severity.MEDIUM);
        assertThat(notice.state().notifiedSeverity()).isEqualTo(Severity.MEDIUM);
        Transition up = at(notice, 3, Severity.HIGH, Occurrence.CONFIRMED, false);
        assertThat(up.notifies()).isTrue();
        assertThat(up.reason()).isEqualTo("severity MEDIUM -> HIGH");
        // without the notice, HIGH again would be nothing new
        assertThat(at(down, 3, Severity.HIGH, Occurrence.CONFIRMED, false).notifies()).isFalse();
    }
}
