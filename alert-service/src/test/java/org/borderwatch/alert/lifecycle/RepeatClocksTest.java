package org.borderwatch.alert.lifecycle;

import org.borderwatch.alert.Fixtures;
import org.borderwatch.alert.routing.Channel;
import org.borderwatch.alert.routing.ChannelType;
import org.borderwatch.alert.routing.DeliveryMode;
import org.borderwatch.alert.routing.Router;
import org.borderwatch.alert.routing.Subscription;
import org.borderwatch.alert.routing.SubscriptionFilter;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.Attribution;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Review;
import org.borderwatch.common.model.Severity;
import org.borderwatch.testkit.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.common.model.BorderSegment.ARARAT;

/**
 * Repeats counted per subscription (README, "Repeat"): the lifecycle's repeat decision with the real router and the
 * clock bookkeeping the dispatcher does, played against an injected clock. Each row lists subscriptions, steps at a
 * time of day and, per subscription, every message it is sent ({@code HH:mm #sequence what}). The repeat job runs
 * every 5 minutes of scenario time, as the service's {@code repeat-check} does; {@code repeat-interval} is 4 h at HIGH.
 */
class RepeatClocksTest {

    private static final Instant DAY = Instant.parse("2025-04-02T00:00:00Z");
    private static final Duration JOB = Duration.ofMinutes(5);

    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of("a leave notice to one desk restarts its clock alone: the other is repeated on its own",
                        List.of("desk-critical CRITICAL", "desk-high HIGH"),
                        List.of("08:00 v1 CRITICAL", "09:00 v2 HIGH", "16:30 end"),
                        Map.of("desk-critical", List.of("08:00 #1 FIRED", "09:00 #2 UPDATED last word"),
                                // 12:00, not 13:00: the leave notice at 09:00 was not sent to desk-high
                                "desk-high", List.of("08:00 #1 FIRED", "12:00 #3 repeat", "16:00 #4 repeat"),
                                "feed", List.of("08:00 #1 FIRED", "09:00 #2 UPDATED", "12:00 #3 repeat",
                                        "16:00 #4 repeat"))),
                Arguments.of("a desk is reminded 4 h after its own last message; back in, it counts from the update",
                        List.of("desk-critical CRITICAL", "desk-high HIGH"),
                        List.of("08:00 v1 HIGH", "10:00 v2 CRITICAL", "11:00 v3 HIGH", "15:00 v4 CRITICAL",
                                "19:30 end"),
                        // desk-high: its last message at 10:00 (v3 went to desk-critical alone), its repeat at 14:00
                        Map.of("desk-critical", List.of("10:00 #2 FIRED", "11:00 #3 UPDATED last word",
                                        "15:00 #5 UPDATED", "19:00 #6 repeat"),
                                "desk-high", List.of("08:00 #1 FIRED", "10:00 #2 UPDATED", "14:00 #4 repeat",
                                        "15:00 #5 UPDATED", "19:00 #6 repeat"),
                                "feed", List.of("08:00 #1 FIRED", "10:00 #2 UPDATED", "11:00 #3 UPDATED",
                                        "14:00 #4 repeat", "15:00 #5 UPDATED", "19:00 #6 repeat"))),
                Arguments.of("a subscription that joined later is told at the alert's next repeat, then has its own",
                        List.of("desk-critical CRITICAL"),
                        List.of("08:00 v1 CRITICAL", "09:00 subscribe desk-late HIGH", "10:00 v2 HIGH",
                                "18:30 end"),
                        // the alert's own clock counts from the leave notice at 10:00: its repeat at 14:00 is
                        // desk-late's first word (FIRED to it), then desk-late's clock runs
                        Map.of("desk-critical", List.of("08:00 #1 FIRED", "10:00 #2 UPDATED last word"),
                                "desk-late", List.of("14:00 #3 repeat", "18:00 #4 repeat"),
                                "feed", List.of("08:00 #1 FIRED", "10:00 #2 UPDATED", "14:00 #3 repeat",
                                        "18:00 #4 repeat"))),
                Arguments.of("a review restarts the clock of every subscription it reaches",
                        List.of("desk-critical CRITICAL", "desk-all INFO"),
                        List.of("08:00 v1 CRITICAL", "09:00 v2 HIGH", "11:00 review CONFIRMED", "15:30 end"),
                        Map.of("desk-critical", List.of("08:00 #1 FIRED", "09:00 #2 UPDATED last word"),
                                "desk-all", List.of("08:00 #1 FIRED", "11:00 #3 REVIEWED", "15:00 #4 repeat"),
                                "feed", List.of("08:00 #1 FIRED", "09:00 #2 UPDATED", "11:00 #3 REVIEWED",
                                        "15:00 #4 repeat"))),
                Arguments.of("a muted copy counts for the clocks of those told that it would have reached",
                        List.of("desk-all INFO", "desk-critical CRITICAL"),
                        List.of("08:00 v1 HIGH", "09:00 silence", "10:00 v2 CRITICAL", "13:00 unsilence",
                                "17:30 end"),
                        // desk-all: no repeat at 12:00 (the copy of v2 held back at 10:00 counts); the release at
                        // 13:00 restarts both desks' clocks, not the feed's, which had v2 at 10:00
                        Map.of("desk-all", List.of("08:00 #1 FIRED", "13:00 #2 UPDATED released", "17:00 #4 repeat"),
                                "desk-critical", List.of("13:00 #2 FIRED released", "17:00 #4 repeat"),
                                "feed", List.of("08:00 #1 FIRED", "10:00 #2 UPDATED", "14:00 #3 repeat",
                                        "17:00 #4 repeat"))),
                Arguments.of("a muted repeat restarts the clock of the desk it was for; released, it is its repeat",
                        List.of("desk-critical CRITICAL", "desk-high HIGH"),
                        List.of("08:00 v1 CRITICAL", "09:00 v2 HIGH", "11:00 silence", "14:00 unsilence",
                                "18:30 end"),
                        Map.of("desk-critical", List.of("08:00 #1 FIRED", "09:00 #2 UPDATED last word"),
                                "desk-high", List.of("08:00 #1 FIRED", "14:00 #3 repeat released",
                                        "18:00 #5 repeat"),
                                "feed", List.of("08:00 #1 FIRED", "09:00 #2 UPDATED", "12:00 #3 repeat",
                                        "16:00 #4 repeat", "18:00 #5 repeat"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void eachSubscriptionIsRepeatedOnItsOwnClock(String name, List<String> subscriptions, List<String> steps,
                                                 Map<String, List<String>> expected) {
        Play play = new Play(subscriptions);
        steps.forEach(play::step);

        assertThat(play.received).isEqualTo(new HashMap<>(expected));
    }

    @Test
    void anAlertStoredBeforePerSubscriptionClocksCountsEverySubscriptionFromItsLastMessage() {
        Instant last = DAY.plus(Duration.ofHours(8));
        RepeatClocks clocks = RepeatClocks.storedBefore(List.of("desk-a", "desk-b"), last);

        assertThat(clocks.of("desk-a")).isEqualTo(last);
        assertThat(clocks.of("desk-b")).isEqualTo(last);
        assertThat(clocks.of("never-told")).isNull();
        assertThat(clocks.earliest(last)).isEqualTo(last);
        // what the repeat job's query looks at: the oldest clock, the alert's own included
        RepeatClocks later = clocks.sent(Map.of("desk-a", true), last.plus(Duration.ofHours(1)));
        assertThat(later.earliest(last.plus(Duration.ofHours(1)))).isEqualTo(last);
        assertThat(later.sent(Map.of("desk-b", false), last.plus(Duration.ofHours(2)))
                .earliest(last.plus(Duration.ofHours(2)))).isEqualTo(last.plus(Duration.ofHours(1)));
        assertThat(later.retain(Set.of("desk-a")).lastSentAt()).containsOnlyKeys("desk-a");
    }

    /** One alert, its subscriptions and what each is sent, driven step by step. */
    private static final class Play {
        private final MutableClock clock = new MutableClock(DAY);
        private final AlertLifecycle lifecycle = new AlertLifecycle(clock,
                new LifecycleSettings(Duration.ofHours(4), Severity.HIGH));
        private final UUID incident = UUID.randomUUID();
        private final List<Subscription> subscriptions = new ArrayList<>();
        private final Map<String, List<String>> received = new HashMap<>();
        private final Map<String, Long> told = new LinkedHashMap<>();
        private final Map<Long, Alert> messages = new HashMap<>();
        private RepeatClocks clocks = RepeatClocks.NONE;
        private AlertState state;
        private boolean silenced;
        /** The last message, when it was muted: what a release sends, and to whom a repeat was restricted. */
        private Alert heldBack;
        private Set<String> heldBackRepeatTo;

        Play(List<String> subscriptions) {
            subscriptions.forEach(s -> subscribe(s.split(" ")));
        }

        private void subscribe(String[] nameAndSeverity) {
            subscriptions.add(new Subscription(nameAndSeverity[0], nameAndSeverity[0], "anna",
                    new Channel(ChannelType.WEBHOOK, "https://example.org/h", null, null, "0123456789abcdef", null),
                    new SubscriptionFilter(Set.of(), Severity.valueOf(nameAndSeverity[1]), Set.of(), Set.of()),
                    DeliveryMode.IMMEDIATE, null, DAY));
        }

        void step(String step) {
            String[] w = step.split(" ");
            Instant at = DAY.plus(Duration.between(LocalTime.MIDNIGHT, LocalTime.parse(w[0])));
            // the repeat job runs all the time, and at the step's minute before the step
            for (Instant t = clock.instant().plus(JOB); !t.isAfter(at); t = t.plus(JOB)) {
                clock.set(t);
                repeatJob();
            }
            clock.set(at);
            switch (w[1]) {
                case "subscribe" -> subscribe(new String[]{w[2], w[3]});
                case "silence" -> silenced = true;
                case "unsilence" -> {
                    silenced = false;
                    if (heldBack != null) {
                        send(heldBack, false, heldBackRepeatTo, " released");
                        heldBack = null;
                    }
                }
                case "review" -> apply(lifecycle.onReview(state, new Review(Occurrence.valueOf(w[2]),
                        Attribution.UNCONTESTED, "seen by a patrol", "staff1", OffsetDateTime.now(clock))));
                case "end" -> {
                }
                default -> version(Long.parseLong(w[1].substring(1)), Severity.valueOf(w[2]));
            }
        }

        private void version(long version, Severity severity) {
            Transition t = lifecycle.onAssessment(state, Fixtures.assessment(incident, version, ARARAT, severity,
                    Occurrence.UNVERIFIED, false));
            if (!t.notifies() && state != null) {
                Transition notice = lifecycle.leaveNotice(t.state(), "no longer matches");
                if (!Router.route(notice.message(), true, subscriptions, told, messages::get).isEmpty()) {
                    t = notice;
                }
            }
            apply(t);
        }

        private void repeatJob() {
            if (state != null) {
                apply(lifecycle.repeatIfDue(state, clocks, m -> Router.route(m, false, subscriptions, told,
                        messages::get).stream().map(r -> r.subscription().id()).toList()));
            }
        }

        private void apply(Transition t) {
            state = t.state();
            if (!t.notifies()) {
                return;
            }
            messages.put(t.message().sequence(), t.message());
            // the feed has every message, muted or not
            received.computeIfAbsent("feed", k -> new ArrayList<>()).add(line(t.message(), t.message().event()
                    .name()));
            if (silenced) {
                heldBack = t.message();
                heldBackRepeatTo = t.repeatTo();
                clocks = clocks.heldBack(Router.route(t.message(), t.leaveNotice(), candidates(t.repeatTo()), told,
                        messages::get).stream().map(r -> r.subscription().id()).toList(), told.keySet(),
                        clock.instant());
            } else {
                heldBack = null;
                send(t.message(), t.leaveNotice(), t.repeatTo(), "");
            }
        }

        private List<Subscription> candidates(Set<String> repeatTo) {
            return repeatTo == null ? subscriptions
                    : subscriptions.stream().filter(s -> repeatTo.contains(s.id())).toList();
        }

        private void send(Alert message, boolean leaveNotice, Set<String> repeatTo, String mark) {
            Map<String, Boolean> reached = new LinkedHashMap<>();
            for (Router.Recipient r : Router.route(message, leaveNotice, candidates(repeatTo), told,
                    messages::get)) {
                String id = r.subscription().id();
                received.computeIfAbsent(id, k -> new ArrayList<>()).add(line(message,
                        told.containsKey(id) ? message.event().name() : "FIRED")
                        + (r.noLongerMatching() != null ? " last word" : "") + mark);
                told.put(id, message.sequence());
                reached.put(id, r.subscription().filter().matches(message));
            }
            clocks = clocks.sent(reached, clock.instant());
        }

        /** {@code HH:mm #sequence what}, a repeat named so. */
        private String line(Alert message, String event) {
            return LocalTime.ofInstant(clock.instant(), ZoneOffset.UTC) + " #" + message.sequence() + " "
                    + (message.changes().stream().anyMatch(c -> c.startsWith("repeat")) ? "repeat" : event);
        }
    }
}
