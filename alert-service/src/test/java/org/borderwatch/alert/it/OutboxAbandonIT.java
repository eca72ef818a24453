package org.borderwatch.alert.it;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.borderwatch.alert.AlertMetrics;
import org.borderwatch.alert.Fixtures;
import org.borderwatch.alert.LifecycleRound;
import org.borderwatch.alert.delivery.DeliveryStatus;
import org.borderwatch.alert.dispatch.AlertDispatcher;
import org.borderwatch.alert.dispatch.OutboxRepair;
import org.borderwatch.alert.routing.Channel;
import org.borderwatch.alert.routing.ChannelType;
import org.borderwatch.alert.routing.DeliveryMode;
import org.borderwatch.alert.routing.Subscription;
import org.borderwatch.alert.routing.SubscriptionFilter;
import org.borderwatch.alert.store.AuditStore;
import org.borderwatch.alert.store.DeliveryStore;
import org.borderwatch.alert.store.OutboxRow;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.testkit.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An operator gives up on outbox rows ({@link OutboxRepair}, behind {@code POST /api/v1/deliveries/{id}/abandon}),
 * through the service's real dispatcher and stores on the testkit's store, in a database of its own with its own
 * {@link MutableClock} and meters (as {@code RelayBacklogIT}): no worker sends these rows, so what the test sees is
 * what the operator did. Rows wait for a webhook nobody answers; the backlog gauges fall to 0 as they are abandoned.
 */
class OutboxAbandonIT extends OwnDatabaseITSupport {

    private static final Instant T0 = Instant.parse("2032-05-01T06:00:00Z");
    private static final OffsetDateTime EVENT = Fixtures.EVENT_TIME.plusYears(32);

    private final MutableClock clock = new MutableClock(T0);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AlertMetrics metrics = new AlertMetrics(registry);
    private LifecycleRound.Pipeline pipeline;
    private String desk;
    private DeliveryStore deliveries;
    private AuditStore audit;
    private OutboxRepair repair;

    /** The pipeline in a database of its own, a desk whose rows nobody sends, and the repair on the same store. */
    @BeforeEach
    void ownOutbox() {
        pipeline = pipeline("outbox-abandon", clock, metrics, Map.of("alert.lifecycle.group-wait", "0s"));
        desk = subscribe(pipeline);
        deliveries = store(new DeliveryStore(mongo));
        audit = store(new AuditStore(mongo));
        repair = new OutboxRepair(deliveries, pipeline.alerts(), audit, metrics, clock);
    }

    @Test
    void abandonedRowsLeaveTheOutboxBacklogAndAreNeverClaimedALiveLeaseIsNotRaced() {

        UUID first = fire(pipeline.dispatcher());
        UUID second = fire(pipeline.dispatcher());
        OutboxRow waiting = deskRow(first);
        OutboxRow claimed = deskRow(second);
        long backlog = deliveries.backlog();
        assertThat(backlog).as("the desk's and the feed's rows of both alerts").isGreaterThanOrEqualTo(4);
        metrics.backlog(backlog); // as the worker's pass sets it
        assertThat(gauge(AlertMetrics.OUTBOX_BACKLOG)).isEqualTo(backlog);

        // a PENDING row: abandoned, the gauge set at once from the store
        OutboxRepair.Result one = repair.abandon(waiting.id(), "admin", "desk closed for good");
        assertThat(one.unrelayed()).isFalse();
        assertThat(one.abandoned()).singleElement().satisfies(h -> {
            assertThat(h.row().status()).isEqualTo(DeliveryStatus.ABANDONED);
            assertThat(h.statusBefore()).isEqualTo("PENDING");
            assertThat(h.abandonedBy()).isEqualTo("admin");
            assertThat(h.abandonedAt()).isEqualTo(T0);
            assertThat(h.abandonReason()).isEqualTo("desk closed for good");
        });
        assertThat(gauge(AlertMetrics.OUTBOX_BACKLOG)).isEqualTo(backlog - 1);
        assertThat(deliveries.findDue(clock.instant().plus(Duration.ofDays(1)), 100))
                .extracting(OutboxRow::id).doesNotContain(waiting.id());
        assertThat(deliveries.claimAll(List.of(waiting.id()), "worker-a", clock.instant(),
                clock.instant().plusSeconds(30))).as("never claimed again").isEmpty();

        // a row a worker holds under a lease still running: refused, nothing changes
        assertThat(deliveries.claimAll(List.of(claimed.id()), "worker-b", clock.instant(),
                clock.instant().plusSeconds(30))).hasSize(1);
        assertThatThrownBy(() -> repair.abandon(claimed.id(), "admin", "stuck?"))
                .isInstanceOf(OutboxRepair.Refused.class)
                .hasMessageContaining("is being sent now (its lease runs until " + T0.plusSeconds(30) + ")");
        assertThat(deliveries.find(claimed.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.IN_FLIGHT);
        // … the worker hangs, its lease runs out: now it may be given up, and the worker's late outcome is not stored
        clock.advance(Duration.ofSeconds(31));
        assertThat(repair.abandon(claimed.id(), "admin", "worker hung on it").abandoned())
                .singleElement().satisfies(h -> assertThat(h.statusBefore()).isEqualTo("IN_FLIGHT"));
        deliveries.delivered(List.of(claimed.id()), "worker-b", clock.instant(), 200, 1, claimed.id());
        assertThat(deliveries.find(claimed.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.ABANDONED);

        // given up already, or delivered: refused with the reason
        assertThatThrownBy(() -> repair.abandon(waiting.id(), "admin2", "again"))
                .isInstanceOf(OutboxRepair.Refused.class)
                .hasMessage("delivery " + waiting.id() + " is ABANDONED already (by admin at " + T0
                        + ": desk closed for good)");
        assertThatThrownBy(() -> repair.abandon("no-such-delivery", "admin", "x"))
                .isInstanceOfSatisfying(OutboxRepair.Refused.class, e -> assertThat(e.notFound()).isTrue());

        // every other row of the backlog given up: the gauge is 0, without waiting for a worker's pass
        for (OutboxRow row : rows()) {
            if (row.status() == DeliveryStatus.PENDING) {
                repair.abandon(row.id(), "admin", "clearing the test backlog");
            }
        }
        assertThat(deliveries.backlog()).isZero();
        assertThat(gauge(AlertMetrics.OUTBOX_BACKLOG)).isZero();
        // each one audited on its alert: who, when, why and what it was
        List<AuditStore.Entry> entries = audit.forTarget("alert:" + waiting.alertId());
        assertThat(entries).filteredOn(e -> e.detail().contains(waiting.id())).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("abandon-delivery");
            assertThat(e.actor()).isEqualTo("admin");
            assertThat(e.at()).isEqualTo(T0);
            assertThat(e.detail()).contains("desk closed for good").contains("it was PENDING after 0 attempt(s)");
        });
    }

    @Test
    void aBulkAbandonSkipsARowUnderARunningLeaseAndClearsTheBacklogGaugeAtOnce() {
        for (int i = 0; i < 3; i++) {
            fire(pipeline.dispatcher());
        }
        List<OutboxRow> desks = rows().stream().filter(r -> r.subscriptionId().equals(desk)).toList();
        assertThat(desks).hasSize(3);
        OutboxRow held = desks.get(0);
        assertThat(deliveries.claimAll(List.of(held.id()), "worker-c", clock.instant(),
                clock.instant().plusSeconds(30))).hasSize(1);
        metrics.backlog(deliveries.backlog());
        long before = deliveries.backlog();

        // what the bulk endpoint selects: the desk's rows that may be abandoned now
        DeliveryStore.Query query = new DeliveryStore.Query(null, null, desk, null, null);
        var changeable = DeliveryStore.changeable(true, clock.instant(), List.of());
        assertThat(deliveries.count(query, changeable)).as("not the row being sent now").isEqualTo(2);
        List<OutboxRow> selected = deliveries.oldest(query, changeable, 10);
        assertThat(selected).extracting(OutboxRow::id).doesNotContain(held.id());

        List<DeliveryStore.Handled> abandoned = repair.abandonSelected(selected, "admin", "desk retired",
                "subscriptionId " + desk);
        assertThat(abandoned).hasSize(2).allSatisfy(h -> {
            assertThat(h.row().status()).isEqualTo(DeliveryStatus.ABANDONED);
            assertThat(h.statusBefore()).isEqualTo("PENDING");
        });
        assertThat(gauge(AlertMetrics.OUTBOX_BACKLOG)).as("at once, without a worker pass").isEqualTo(before - 2);
        assertThat(deliveries.find(held.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.IN_FLIGHT);
        assertThat(audit.forTarget("alert:" + selected.get(0).alertId())).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("desk retired", "bulk abandon (subscriptionId "
                        + desk + ")", "it was PENDING"));
        // once its lease ran out, the held row is selected too
        clock.advance(Duration.ofSeconds(31));
        assertThat(deliveries.oldest(query, DeliveryStore.changeable(true, clock.instant(), List.of()), 10))
                .extracting(OutboxRow::id).containsExactly(held.id());
    }

    @Test
    void aRowTheRelayCannotCopyIsTakenOutOfItsAlertAndTheRelayBacklogClears() {
        AlertDispatcher dispatcher = pipeline.dispatcher();
        UUID incident = fire(dispatcher);
        String alertId = pipeline.alerts().findByIncident(incident).orElseThrow().state().alertId().toString();
        // a live-stream row whose message cannot be read: the relay fails on it at every pass
        String id = UnrelayableRow.plant(mongo, alertId);
        clock.advance(Duration.ofSeconds(5));
        dispatcher.relayPending();
        assertThat(gauge(AlertMetrics.RELAY_BACKLOG)).isEqualTo(1);
        OutboxRepair.Held held = repair.unrelayed(0, 10);
        assertThat(held.total()).isEqualTo(1);
        assertThat(held.rows()).singleElement().satisfies(h -> {
            assertThat(h.alertId()).isEqualTo(alertId);
            assertThat(h.id()).isEqualTo(id);
        });

        OutboxRepair.Result result = repair.abandon(id, "admin", "message unreadable, incident re-sent by hand");
        assertThat(result.unrelayed()).isTrue();
        assertThat(result.abandoned()).singleElement().satisfies(h -> {
            assertThat(h.row().status()).isEqualTo(DeliveryStatus.ABANDONED);
            assertThat(h.statusBefore()).isEqualTo("UNRELAYED");
        });
        assertThat(gauge(AlertMetrics.RELAY_BACKLOG)).as("at once").isZero();
        assertThat(pipeline.alerts().findByIncident(incident).orElseThrow().pending()).isEmpty();
        assertThat(repair.unrelayed(0, 10).total()).isZero();
        // the next passes find nothing left and keep it at 0; the row is recorded once, never sent
        clock.advance(Duration.ofSeconds(5));
        assertThat(dispatcher.relayPending()).isZero();
        assertThat(gauge(AlertMetrics.RELAY_BACKLOG)).isZero();
        assertThat(deliveries.find(id).orElseThrow().status()).isEqualTo(DeliveryStatus.ABANDONED);
        assertThat(audit.forTarget("alert:" + alertId)).singleElement().satisfies(e -> assertThat(e.detail())
                .contains(id).contains("never copied to the outbox").contains("incident re-sent by hand"));
    }

    private String subscribe(LifecycleRound.Pipeline pipeline) {
        String id = "abandon-desk-" + UUID.randomUUID();
        // nothing listens on port 9, and no worker sends these rows anyway
        pipeline.subscriptions().save(new Subscription(id, "abandon-desk", "staff1",
                new Channel(ChannelType.WEBHOOK, "http://127.0.0.1:9/outbox-abandon", null, null,
                        "outbox-abandon-secret-0123456789", null),
                new SubscriptionFilter(Set.of(BorderSegment.TAVUSH), Severity.MEDIUM, Set.of(), Set.of()),
                DeliveryMode.IMMEDIATE, null, T0.minus(Duration.ofDays(1))));
        return id;
    }

    private static UUID fire(AlertDispatcher dispatcher) {
        UUID incident = UUID.randomUUID();
        dispatcher.onAssessment(Fixtures.assessment(incident, 1, BorderSegment.TAVUSH, Severity.HIGH,
                Occurrence.CONFIRMED, false, EVENT));
        return incident;
    }

    private OutboxRow deskRow(UUID incident) {
        return rows().stream().filter(r -> r.incidentId().equals(incident)
                && r.subscriptionId().equals(desk)).findFirst().orElseThrow();
    }

    private List<OutboxRow> rows() {
        List<OutboxRow> out = new ArrayList<>();
        mongo.getCollection("deliveries").find().forEach(d -> out.add(deliveries.find(d.getString("_id"))
                .orElseThrow()));
        return out;
    }

    private double gauge(String name) {
        return registry.find(name).gauge().value();
    }

    private static <T> T store(T store) {
        try {
            ((org.springframework.beans.factory.InitializingBean) store).afterPropertiesSet();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return store;
    }
}
