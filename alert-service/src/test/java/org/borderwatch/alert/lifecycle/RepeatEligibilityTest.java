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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.common.model.BorderSegment.ARARAT;

/**
 * What makes a firing alert repeat-eligible, and from when (README, "Repeat"): {@link AlertLifecycle#repeatFrom}, the
 * oldest clock that counts, which the repeat job's query compares with now − {@code repeat-interval}, over the clocks
 * of the subscriptions still in the conversation ({@link Router#inConversation}). Table-driven: each row is an alert
 * whose last message was at 10:00 (repeat every 4 h from HIGH) and one desk with or without a clock; the row says
 * what is stored as {@code repeatFrom} and when the lifecycle, asked every 5 minutes for a day, first makes a repeat.
 * The two must agree — an alert the query selects is due — or never-due alerts would be selected at every check and
 * crowd out due ones (at most {@code page-size} were read per pass).
 */
class RepeatEligibilityTest {

    private static final Instant DAY = Instant.parse("2025-04-02T00:00:00Z");
    private static final Duration INTERVAL = Duration.ofHours(4);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // case                                              | severity | machine   | review    | closed | desk     | clock | repeatFrom | first repeat
            "a desk in the conversation, its clock the oldest     | HIGH     | CONFIRMED | -         | false  | in       | 08:00 | 08:00      | 12:00",
            "a CRITICAL alert, the desk last told at 09:00        | CRITICAL | DISPUTED  | -         | false  | in       | 09:00 | 09:00      | 13:00",
            "no desk told: the alert's own clock (feed, stream)   | HIGH     | CONFIRMED | -         | false  | in       | -     | 10:00      | 14:00",
            "REFUTED by the machine: never                        | HIGH     | REFUTED   | -         | false  | in       | 08:00 | -          | -",
            "REFUTED by a staff review over CONFIRMED: never      | HIGH     | CONFIRMED | REFUTED   | false  | in       | 08:00 | -          | -",
            "a review CONFIRMED over the machine's REFUTED        | HIGH     | REFUTED   | CONFIRMED | false  | in       | 08:00 | 08:00      | 12:00",
            "resolved: never                                      | HIGH     | CONFIRMED | -         | true   | in       | 08:00 | -          | -",
            "the desk deleted since: its clock does not count     | HIGH     | CONFIRMED | -         | false  | deleted  | 08:00 | 10:00      | 14:00",
            "the desk had its last word: its clock does not count | HIGH     | CONFIRMED | -         | false  | out      | 08:00 | 10:00      | 14:00",
            "MEDIUM: stored, but below repeat-min-severity        | MEDIUM   | CONFIRMED | -         | false  | in       | 08:00 | 08:00      | -",
    })
    void theStoredOldestClockAndTheLifecycleAgree(String name, Severity severity, Occurrence machine,
                                                   Occurrence review, boolean closed, String desk, String clock,
                                                   String repeatFrom, String firstRepeat) {
        MutableClock time = new MutableClock(at("10:00"));
        AlertLifecycle lifecycle = new AlertLifecycle(time, new LifecycleSettings(INTERVAL, Severity.HIGH));
        UUID incident = UUID.randomUUID();
        // a desk whose filter the alert matches; "out": it asked for CRITICAL only, so the HIGH message it was last
        // sent was its last word
        Subscription deskA = desk("desk-a", "out".equals(desk) ? Severity.CRITICAL : Severity.INFO);
        Map<Long, Alert> messages = new HashMap<>();
        Transition t = lifecycle.onAssessment(null, Fixtures.assessment(incident, 1, ARARAT, severity, machine,
                false));
        messages.put(t.message().sequence(), t.message());
        AlertState state = t.state();
        if (review != null) {
            t = lifecycle.onReview(state, new Review(review, Attribution.CONTESTED, "looked again", "staff1",
                    OffsetDateTime.ofInstant(time.instant(), ZoneOffset.UTC)));
            messages.put(t.message().sequence(), t.message());
            state = t.state();
        }
        if (closed) {
            t = lifecycle.onAssessment(state, Fixtures.assessment(incident, 2, ARARAT, severity, machine, true));
            messages.put(t.message().sequence(), t.message());
            state = t.state();
        }
        Map<String, Long> told = Map.of(deskA.id(), state.sequence());
        List<Subscription> existing = "deleted".equals(desk) ? List.of() : List.of(deskA);
        RepeatClocks stored = clock == null ? RepeatClocks.NONE : new RepeatClocks(Map.of(deskA.id(), at(clock)));

        RepeatClocks counting = stored.retain(Router.inConversation(existing, told, messages::get));
        assertThat(AlertLifecycle.repeatFrom(state, counting)).as("repeatFrom").isEqualTo(at(repeatFrom));

        Instant first = null;
        for (Instant now = at("10:00"); first == null && now.isBefore(at("10:00").plus(Duration.ofDays(1)));
             now = now.plus(Duration.ofMinutes(5))) {
            time.set(now);
            if (lifecycle.repeatIfDue(state, counting, m -> Router.route(m, false, existing, told, messages::get)
                    .stream().map(r -> r.subscription().id()).toList()).notifies()) {
                first = now;
            }
        }
        assertThat(first).as("first repeat").isEqualTo(at(firstRepeat));
        if (first != null) {
            // the query selects it exactly when it is due
            assertThat(first).isEqualTo(AlertLifecycle.repeatFrom(state, counting).plus(INTERVAL));
        }
        if (!"in".equals(desk)) {
            // the clock as it was stored would have selected the alert from 12:00 with nothing due until 14:00
            assertThat(stored.earliest(state.lastNotifiedAt())).isEqualTo(at(clock));
        }
    }

    private static Subscription desk(String id, Severity minSeverity) {
        return new Subscription(id, id, "staff1", new Channel(ChannelType.WEBHOOK, "https://desk.example.org/" + id,
                null, null, "desk-secret-0123456789", null),
                new SubscriptionFilter(Set.of(ARARAT), minSeverity, Set.of(), Set.of()), DeliveryMode.IMMEDIATE,
                null, DAY);
    }

    private static Instant at(String timeOfDay) {
        return timeOfDay == null ? null : DAY.plus(Duration.between(LocalTime.MIDNIGHT, LocalTime.parse(timeOfDay)));
    }
}
