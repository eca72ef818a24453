package org.borderwatch.alert.it;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.borderwatch.alert.AlertMetrics;
import org.borderwatch.alert.Fixtures;
import org.borderwatch.alert.LifecycleRound;
import org.borderwatch.alert.dispatch.AlertDispatcher;
import org.borderwatch.alert.routing.Channel;
import org.borderwatch.alert.routing.ChannelType;
import org.borderwatch.alert.routing.DeliveryMode;
import org.borderwatch.alert.routing.Subscription;
import org.borderwatch.alert.routing.SubscriptionFilter;
import org.borderwatch.alert.store.AlertStore;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.testkit.MutableClock;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox relay job with more alerts whose rows keep failing to copy than it reads in one query: before, it read
 * {@code alert.store.page-size} alerts holding outbox rows, in no order and without paging, and the first failure
 * ended the pass, so alerts behind stuck ones were never relayed and their notifications never left. Played through
 * the service's real {@link AlertDispatcher} on the testkit's store, in a database of its own with its own
 * {@link MutableClock} (as {@code RepeatBacklogIT}), with the page size and the bound per pass made small by
 * configuration ({@code alert.store.page-size=3}, {@code alert.lifecycle.relay-max-per-pass=4}). A crash between
 * the alert write and the copy is reproduced by moving an alert's copied rows back into its document; a stuck alert
 * holds a live-stream row whose message cannot be read, so its relay fails every time.
 */
class RelayBacklogIT extends OwnDatabaseITSupport {

    private static final Instant T0 = Instant.parse("2031-04-01T06:00:00Z");
    private static final OffsetDateTime EVENT = Fixtures.EVENT_TIME.plusYears(31);

    @Test
    void everyRelayableAlertIsCopiedOnceWhateverNumberOfStuckOnesPagedInIdOrderAcrossPasses() {
        MutableClock clock = new MutableClock(T0);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        LifecycleRound.Pipeline pipeline = pipeline("relay-backlog", clock, registry, Map.of(
                "alert.lifecycle.group-wait", "0s", "alert.store.page-size", "3",
                "alert.lifecycle.relay-max-per-pass", "4"));
        AlertDispatcher dispatcher = pipeline.dispatcher();
        AlertStore alerts = pipeline.alerts();
        pipeline.subscriptions().save(new Subscription("relay-desk-" + UUID.randomUUID(), "relay-desk", "staff1",
                new Channel(ChannelType.WEBHOOK, "http://127.0.0.1:9/relay-backlog", null, null,
                        "relay-backlog-secret-0123456789", null),
                new SubscriptionFilter(Set.of(BorderSegment.GEGHARKUNIK), Severity.MEDIUM, Set.of(), Set.of()),
                DeliveryMode.IMMEDIATE, null, T0.minus(Duration.ofDays(1))));

        // seven alerts first (the old query's natural order put them on its only page), then three
        List<UUID> stuck = fire(dispatcher, 7);
        List<UUID> relayable = fire(dispatcher, 3);
        // each written and copied at once: the desk's and the feed's rows
        Map<UUID, List<String>> copiedRows = new HashMap<>();
        for (UUID incident : relayable) {
            List<Document> rows = rows(incident);
            assertThat(rows).extracting(d -> d.getString("subscriptionName")).contains("relay-desk");
            copiedRows.put(incident, rows.stream().map(d -> d.getString("_id")).sorted().toList());
            // a crash after the alert write: its rows still in the document, none in deliveries
            deliveries().deleteMany(Filters.eq("incidentId", incident.toString()));
            rows.forEach(d -> d.remove("updatedAt"));
            raw(incident, Updates.combine(Updates.set("pending", rows), Updates.set("pendingCount", rows.size())));
        }
        for (UUID incident : stuck) {
            Document broken = rows(incident).get(0);
            broken.remove("updatedAt");
            broken.put("_id", "relay-backlog-broken-" + incident);
            broken.put("subscriptionId", AlertDispatcher.STREAM_SUBSCRIPTION);
            broken.put("alert", "{\"incidentId\": \"no message can be read from this\"");
            raw(incident, Updates.combine(Updates.set("pending", List.of(broken)), Updates.set("pendingCount", 1)));
        }
        assertThat(alerts.countPendingOutbox()).isEqualTo(10);

        // the order the relay takes them in: alert id
        Map<String, UUID> byAlertId = new HashMap<>();
        for (UUID incident : stuck) {
            byAlertId.put(alertId(alerts, incident), incident);
        }
        for (UUID incident : relayable) {
            byAlertId.put(alertId(alerts, incident), incident);
        }
        List<String> order = byAlertId.keySet().stream().sorted().toList();
        assertThat(alerts.pendingOutbox(null, 100)).containsExactlyElementsOf(order);

        // three passes: 4, 4 and the last 2 alerts in id order; each relayable one's rows copied in its pass, the
        // stuck ones' failures logged and skipped; a fourth pass starts from the first again and copies nothing
        List<Integer> copied = new ArrayList<>();
        List<Double> backlog = new ArrayList<>();
        for (int pass = 0; pass < 4; pass++) {
            clock.advance(Duration.ofSeconds(5));
            copied.add(dispatcher.relayPending());
            backlog.add(registry.find(AlertMetrics.RELAY_BACKLOG).gauge().value());
        }
        List<Integer> expectedCopied = new ArrayList<>();
        List<Double> expectedBacklog = new ArrayList<>();
        int left = 10;
        for (List<String> slice : List.of(order.subList(0, 4), order.subList(4, 8), order.subList(8, 10),
                List.<String>of())) {
            int rows = 0;
            for (String alertId : slice) {
                UUID incident = byAlertId.get(alertId);
                if (relayable.contains(incident)) {
                    rows += copiedRows.get(incident).size();
                    left--;
                }
            }
            expectedCopied.add(rows);
            expectedBacklog.add((double) left);
        }
        assertThat(copied).containsExactlyElementsOf(expectedCopied);
        assertThat(backlog).containsExactlyElementsOf(expectedBacklog);
        assertThat(backlog.get(3)).isEqualTo(7.0);

        // each relayable alert's rows in deliveries exactly once, its document's rows cleared
        for (UUID incident : relayable) {
            assertThat(rows(incident).stream().map(d -> d.getString("_id")).sorted().toList()).as(incident.toString())
                    .containsExactlyElementsOf(copiedRows.get(incident));
            assertThat(alerts.findByIncident(incident).orElseThrow().pending()).isEmpty();
        }
        // the stuck ones keep their row for a later pass, and nothing of it reached deliveries
        for (UUID incident : stuck) {
            assertThat(alerts.findByIncident(incident).orElseThrow().pending()).hasSize(1);
            assertThat(deliveries().countDocuments(Filters.eq("_id", "relay-backlog-broken-" + incident))).isZero();
        }
        assertThat(alerts.pendingOutbox(null, 100)).hasSize(7);
    }

    private static List<UUID> fire(AlertDispatcher dispatcher, int count) {
        List<UUID> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID incident = UUID.randomUUID();
            dispatcher.onAssessment(Fixtures.assessment(incident, 1, BorderSegment.GEGHARKUNIK, Severity.HIGH,
                    Occurrence.CONFIRMED, false, EVENT));
            out.add(incident);
        }
        return out;
    }

    private static String alertId(AlertStore alerts, UUID incident) {
        return alerts.findByIncident(incident).orElseThrow().state().alertId().toString();
    }

    private MongoCollection<Document> deliveries() {
        return mongo.getCollection("deliveries");
    }

    private List<Document> rows(UUID incident) {
        return deliveries().find(Filters.eq("incidentId", incident.toString())).into(new ArrayList<>());
    }

    private void raw(UUID incident, org.bson.conversions.Bson update) {
        assertThat(mongo.getCollection("alerts").updateOne(Filters.eq("incidentId", incident.toString()), update)
                .getModifiedCount()).isEqualTo(1);
    }
}
