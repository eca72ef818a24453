package org.borderwatch.alert.it;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.borderwatch.alert.AlertMetrics;
import org.borderwatch.alert.Fixtures;
import org.borderwatch.alert.LifecycleRound;
import org.borderwatch.alert.dispatch.AlertDispatcher;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.alert.routing.Channel;
import org.borderwatch.alert.routing.ChannelType;
import org.borderwatch.alert.routing.DeliveryMode;
import org.borderwatch.alert.routing.Subscription;
import org.borderwatch.alert.routing.SubscriptionFilter;
import org.borderwatch.alert.store.AlertStore;
import org.borderwatch.alert.store.StoredAlert;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.Attribution;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Review;
import org.borderwatch.common.model.Severity;
import org.borderwatch.testkit.MutableClock;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repeat job with more firing HIGH+ alerts that can never be repeated than it reads in one query: before, it
 * read {@code alert.store.page-size} of them per pass without paging, and those — REFUTED by the machine or by a
 * review, holding the clock of a deleted subscription or of one that had its last word — matched its query forever
 * and crowded out the alerts that were due, whose reminders then silently stopped. Played through the service's
 * real {@link AlertDispatcher} on the testkit's store, in a database of its own with its own {@link MutableClock}
 * (as {@code LifecycleRoundIT} does), and with the page size and the bound per pass made small by configuration
 * ({@code alert.store.page-size=3}, {@code alert.lifecycle.repeat-max-per-pass=4}); what each subscription and the
 * feed are sent is read from the outbox rows.
 */
class RepeatBacklogIT extends OwnDatabaseITSupport {

    private static final Instant T0 = Instant.parse("2031-03-01T06:00:00Z");
    private static final OffsetDateTime EVENT = Fixtures.EVENT_TIME.plusYears(31);
    private static final Set<Severity> REPEATED = EnumSet.of(Severity.HIGH, Severity.CRITICAL);

    @Test
    void everyDueAlertIsRepeatedWhateverNumberOfNeverDueOnesPagedOldestClockFirstAcrossPasses() {
        MutableClock clock = new MutableClock(T0);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        LifecycleRound.Pipeline pipeline = pipeline("repeat-backlog", clock, registry, Map.of(
                "alert.lifecycle.repeat-interval", "4h", "alert.lifecycle.repeat-min-severity", "HIGH",
                "alert.lifecycle.group-wait", "0s", "alert.store.page-size", "3",
                "alert.lifecycle.repeat-max-per-pass", "4"));
        AlertDispatcher dispatcher = pipeline.dispatcher();
        AlertStore alerts = pipeline.alerts();
        subscribe(pipeline, "desk-due", BorderSegment.SYUNIK_EAST, Severity.HIGH);
        subscribe(pipeline, "desk-refuted", BorderSegment.ARARAT, Severity.INFO);
        String gone = subscribe(pipeline, "desk-gone", BorderSegment.TAVUSH, Severity.HIGH);
        subscribe(pipeline, "desk-critical", BorderSegment.TAVUSH, Severity.CRITICAL);
        String criticalOnly = subscribe(pipeline, "desk-x-critical", BorderSegment.LACHIN_CORRIDOR,
                Severity.CRITICAL);

        // 06:00 — never due: REFUTED by the machine (4), to be REFUTED by a review (2), a desk to be deleted (2),
        // a desk to have its last word (2)
        List<UUID> refutedByMachine = fire(dispatcher, 4, BorderSegment.ARARAT, Severity.HIGH, Occurrence.REFUTED);
        List<UUID> refutedByReview = fire(dispatcher, 2, BorderSegment.ARARAT, Severity.HIGH, Occurrence.CONFIRMED);
        List<UUID> deskDeleted = fire(dispatcher, 2, BorderSegment.TAVUSH, Severity.CRITICAL, Occurrence.CONFIRMED);
        List<UUID> deskOut = fire(dispatcher, 2, BorderSegment.LACHIN_CORRIDOR, Severity.CRITICAL,
                Occurrence.CONFIRMED);
        clock.advance(Duration.ofMinutes(1));
        for (UUID incident : refutedByReview) {
            dispatcher.onReview(incident, new Review(Occurrence.REFUTED, Attribution.CONTESTED,
                    "the footage is from another year", "staff1", OffsetDateTime.ofInstant(clock.instant(),
                    ZoneOffset.UTC)));
        }
        // 06:30 — due at 10:30: five HIGH alerts
        clock.set(T0.plus(Duration.ofMinutes(30)));
        List<UUID> due = fire(dispatcher, 5, BorderSegment.SYUNIK_EAST, Severity.HIGH, Occurrence.CONFIRMED);
        // 07:00 — severity down: a leave notice to the CRITICAL desks alone (desk-gone's clock stays at 06:00), then
        // desk-gone is deleted
        clock.set(T0.plus(Duration.ofHours(1)));
        for (UUID incident : Stream.concat(deskDeleted.stream(), deskOut.stream()).toList()) {
            dispatcher.onAssessment(Fixtures.assessment(incident, 2, alerts.findByIncident(incident).orElseThrow()
                    .state().latest().segment(), Severity.HIGH, Occurrence.CONFIRMED, false, EVENT));
        }
        assertThat(pipeline.subscriptions().delete(gone)).isTrue();

        // written now, an alert that can never be repeated has no oldest clock: the query never finds it
        for (UUID incident : Stream.concat(refutedByMachine.stream(), refutedByReview.stream()).toList()) {
            assertThat(document(incident)).containsKey("repeatFrom").extractingByKey("repeatFrom").isNull();
        }
        assertThat(document(deskDeleted.get(0)).getDate("repeatFrom")).isEqualTo(Date.from(T0));
        // ... but alerts stored before that keep one in the past: as the previous version wrote them (three REFUTED,
        // a desk's clock after its last word) and as stored before per-subscription clocks (a REFUTED and a due one)
        for (UUID incident : List.of(refutedByMachine.get(0), refutedByMachine.get(1), refutedByReview.get(0))) {
            raw(incident, Updates.set("repeatFrom", Date.from(alerts.findByIncident(incident).orElseThrow().state()
                    .lastNotifiedAt())));
        }
        for (UUID incident : deskOut) {
            raw(incident, Updates.combine(Updates.set("toldAt." + criticalOnly, Date.from(T0)),
                    Updates.set("repeatFrom", Date.from(T0))));
        }
        for (UUID incident : List.of(refutedByMachine.get(2), due.get(0))) {
            raw(incident, Updates.combine(Updates.unset("toldAt"), Updates.unset("repeatFrom")));
        }
        List<UUID> neverDue = Stream.of(refutedByMachine, refutedByReview, deskDeleted, deskOut)
                .flatMap(List::stream).toList();
        Instant firstCheck = T0.plus(Duration.ofHours(4)).plus(Duration.ofMinutes(31));
        List<UUID> selected = alerts.repeatCandidates(REPEATED, firstCheck.minus(Duration.ofHours(4)), null, 100)
                .stream().map(AlertStore.RepeatCandidate::incidentId).toList();
        // what the repeat query selects at 10:31: more never-due alerts than a page holds, the due ones last
        assertThat(selected).hasSize(13);
        assertThat(selected.subList(9, 13)).containsExactlyInAnyOrderElementsOf(due.subList(1, 5));

        // 10:31 … 10:34: a pass a minute, each looking at 4 alerts at most, 3 per query, oldest clock first, each
        // continuing after the last one the pass before looked at
        List<Integer> repeated = new ArrayList<>();
        List<Double> backlog = new ArrayList<>();
        for (int pass = 0; pass < 4; pass++) {
            clock.set(firstCheck.plus(Duration.ofMinutes(pass)));
            repeated.add(dispatcher.repeatDue());
            backlog.add(registry.find(AlertMetrics.REPEAT_BACKLOG).gauge().value());
        }
        // the two stored without a clock first (one due), then the six clocks of 06:00 and the one of 06:01 (none
        // due), then the four due ones of 06:30
        assertThat(repeated).containsExactly(1, 0, 3, 1);
        assertThat(backlog).containsExactly(9.0, 5.0, 1.0, 0.0);

        for (UUID incident : due) {
            assertThat(sent(incident, "desk-due")).as("desk-due, " + incident).containsExactly("#1 FIRED", "#2 repeat");
            assertThat(sent(incident, AlertDispatcher.FEED_SUBSCRIPTION)).containsExactly("#1 FIRED", "#2 repeat");
        }
        // never due: not sent anything, and no longer selected (REFUTED: never; the others from 11:00, the alert's
        // own last message at 07:00 being the oldest clock that counts)
        for (UUID incident : neverDue) {
            assertThat(sent(incident, AlertDispatcher.FEED_SUBSCRIPTION)).as(incident.toString())
                    .noneMatch(line -> line.endsWith("repeat"));
        }
        for (UUID incident : Stream.concat(refutedByMachine.stream(), refutedByReview.stream()).toList()) {
            assertThat(document(incident)).containsKey("repeatFrom").extractingByKey("repeatFrom").isNull();
        }
        for (UUID incident : Stream.concat(deskDeleted.stream(), deskOut.stream()).toList()) {
            assertThat(document(incident).getDate("repeatFrom")).isEqualTo(Date.from(T0.plus(Duration.ofHours(1))));
            assertThat(alerts.findByIncident(incident).orElseThrow().clocks().lastSentAt()).isEmpty();
        }
        clock.set(firstCheck.plus(Duration.ofMinutes(4)));
        assertThat(alerts.repeatCandidates(REPEATED, clock.instant().minus(Duration.ofHours(4)), null, 100))
                .isEmpty();
        assertThat(dispatcher.repeatDue()).isZero();

        // 11:01: the four whose desks are gone or out are repeated to the feed, four hours after their last message;
        // the REFUTED ones never
        clock.set(T0.plus(Duration.ofHours(5)).plus(Duration.ofMinutes(1)));
        assertThat(dispatcher.repeatDue()).isEqualTo(4);
        for (UUID incident : Stream.concat(deskDeleted.stream(), deskOut.stream()).toList()) {
            assertThat(sent(incident, AlertDispatcher.FEED_SUBSCRIPTION)).containsExactly("#1 FIRED", "#2 UPDATED",
                    "#3 repeat");
        }
        clock.set(T0.plus(Duration.ofDays(1)));
        dispatcher.repeatDue();
        for (UUID incident : Stream.concat(refutedByMachine.stream(), refutedByReview.stream()).toList()) {
            StoredAlert a = alerts.findByIncident(incident).orElseThrow();
            assertThat(a.messages()).as(incident.toString()).hasSize(refutedByReview.contains(incident) ? 2 : 1);
        }
    }

    private String subscribe(LifecycleRound.Pipeline pipeline, String name, BorderSegment segment, Severity min) {
        String id = "backlog-" + name + "-" + UUID.randomUUID();
        pipeline.subscriptions().save(new Subscription(id, name, "staff1", new Channel(ChannelType.WEBHOOK,
                "http://127.0.0.1:9/backlog/" + name, null, null, "backlog-secret-0123456789", null),
                new SubscriptionFilter(Set.of(segment), min, Set.of(), Set.of()), DeliveryMode.IMMEDIATE, null,
                T0.minus(Duration.ofDays(1))));
        names.put(id, name);
        return id;
    }

    private final Map<String, String> names = new java.util.HashMap<>();

    private static List<UUID> fire(AlertDispatcher dispatcher, int count, BorderSegment segment, Severity severity,
                                   Occurrence occurrence) {
        List<UUID> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID incident = UUID.randomUUID();
            dispatcher.onAssessment(Fixtures.assessment(incident, 1, segment, severity, occurrence, false, EVENT));
            out.add(incident);
        }
        return out;
    }

    private Document document(UUID incident) {
        return mongo.getCollection("alerts").find(Filters.eq("incidentId", incident.toString())).first();
    }

    private void raw(UUID incident, org.bson.conversions.Bson update) {
        assertThat(mongo.getCollection("alerts").updateOne(Filters.eq("incidentId", incident.toString()), update)
                .getModifiedCount()).isEqualTo(1);
    }

    /** What the outbox holds for one subscription (by name, or the feed's id) of one incident, in order. */
    private List<String> sent(UUID incident, String subscription) {
        List<String> out = new ArrayList<>();
        for (Document row : mongo.getCollection("deliveries").find(Filters.eq("incidentId", incident.toString()))
                .sort(new Document("sequence", 1))) {
            String id = row.getString("subscriptionId");
            if (subscription.equals(id) || subscription.equals(names.get(id))) {
                Alert a = Json.read(row.getString("alert"), Alert.class);
                out.add("#" + a.sequence() + " " + (a.changes().stream().anyMatch(c -> c.startsWith("repeat"))
                        ? "repeat" : a.event().name()));
            }
        }
        return out;
    }
}
