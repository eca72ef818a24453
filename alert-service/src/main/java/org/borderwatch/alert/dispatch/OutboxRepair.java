package org.borderwatch.alert.dispatch;

import org.borderwatch.alert.AlertMetrics;
import org.borderwatch.alert.delivery.Abandonment;
import org.borderwatch.alert.delivery.BulkFilter;
import org.borderwatch.alert.delivery.DeliveryStatus;
import org.borderwatch.alert.store.AlertStore;
import org.borderwatch.alert.store.AuditStore;
import org.borderwatch.alert.store.DeliveryStore;
import org.borderwatch.alert.store.OutboxRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Operators giving up on outbox rows deliberately (the API's {@code POST /api/v1/deliveries/{id}/abandon}, ADMIN):
 * a row in the outbox that is waiting, FAILED or held by a worker whose lease ran out becomes ABANDONED with who,
 * when and why; a row still held in its alert document because the relay cannot copy it is taken out of the document
 * and recorded in the outbox as ABANDONED. A bulk abandon ({@code POST /api/v1/deliveries/bulk-abandon}) does the
 * same to the rows an operator's filter selects, held rows included. Each is audited on its alert, and the backlog
 * gauges are set at once, so the alerts on them clear without waiting for the next pass. Also lists the rows the
 * relay has not copied.
 */
@Component
public class OutboxRepair {

    private static final Logger log = LoggerFactory.getLogger(OutboxRepair.class);
    /** How many alert ids one query reads while listing the rows the relay has not copied. */
    private static final int ID_PAGE = 500;
    /**
     * Writes of one alert document a bulk abandon tries before leaving its rows for the next call (a conflict means
     * the dispatcher or the relay changed it in between); a guard against a livelock, not a tunable.
     */
    private static final int MAX_DROP_ATTEMPTS = 5;

    private final DeliveryStore deliveries;
    private final AlertStore alerts;
    private final AuditStore audit;
    private final AlertMetrics metrics;
    private final Clock clock;

    public OutboxRepair(DeliveryStore deliveries, AlertStore alerts, AuditStore audit, AlertMetrics metrics,
                        Clock clock) {
        this.deliveries = deliveries;
        this.alerts = alerts;
        this.audit = audit;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Why a row cannot be abandoned: there is none with that id, or its state does not allow it. */
    public static final class Refused extends RuntimeException {
        private final boolean notFound;

        Refused(boolean notFound, String detail) {
            super(detail);
            this.notFound = notFound;
        }

        public boolean notFound() {
            return notFound;
        }
    }

    /**
     * @param abandoned  the rows given up by this call (a row sent as part of a grouped or digest notification takes
     *                   that notification's other abandonable rows with it)
     * @param unrelayed  whether the row was held in its alert document (never copied to the outbox)
     */
    public record Result(List<DeliveryStore.Handled> abandoned, boolean unrelayed) {
    }

    /** Gives up on the row with this id; see the class comment. */
    public Result abandon(String deliveryId, String actor, String reason) {
        Instant now = clock.instant();
        Optional<DeliveryStore.Handled> inOutbox = deliveries.findHandled(deliveryId);
        if (inOutbox.isPresent()) {
            return inOutbox(inOutbox.get(), actor, reason, now);
        }
        AlertStore.HeldRow held = alerts.findHeldRow(deliveryId)
                .orElseThrow(() -> new Refused(true, "delivery " + deliveryId));
        if (!alerts.dropHeldRow(held)) {
            throw new Refused(false, "the alert " + held.alertId() + " holding delivery " + deliveryId
                    + " changed meanwhile: try again");
        }
        if (!deliveries.insertAbandoned(held.row(), actor, reason, now)) {
            // the relay copied it between the read and the drop: it is an outbox row now
            return inOutbox(deliveries.findHandled(deliveryId).orElseThrow(), actor, reason, now);
        }
        DeliveryStore.Handled recorded = deliveries.findHandled(deliveryId).orElseThrow();
        record(recorded, actor, reason, "it was held in the alert document, never copied to the outbox", now);
        gauges();
        return new Result(List.of(recorded), true);
    }

    private Result inOutbox(DeliveryStore.Handled found, String actor, String reason, Instant now) {
        OutboxRow row = found.row();
        Optional<String> refusal = Abandonment.refusal(row.id(), row.status(), found.leaseUntil(), now);
        if (refusal.isPresent()) {
            String detail = refusal.get();
            if (row.status() == DeliveryStatus.ABANDONED) {
                detail += " (by " + found.abandonedBy() + " at " + found.abandonedAt() + ": " + found.abandonReason()
                        + ")";
            }
            throw new Refused(false, detail);
        }
        List<String> ids = deliveries.sameNotification(row).stream().map(OutboxRow::id).toList();
        List<String> withIt = ids.contains(row.id()) ? ids : append(ids, row.id());
        // what each row was, for the audit (the abandoned rows keep it in statusBefore too)
        List<DeliveryStore.Handled> abandoned = deliveries.abandon(withIt, actor, reason, now);
        if (abandoned.stream().noneMatch(h -> h.row().id().equals(row.id()))) {
            throw new Refused(false, "delivery " + row.id() + " changed meanwhile (it was " + row.status()
                    + "): look at it again");
        }
        for (DeliveryStore.Handled h : abandoned) {
            record(h, actor, reason, "it was " + h.statusBefore() + " after " + h.row().attempts() + " attempt(s)"
                    + (h.row().lastError() == null ? "" : ", last failure: " + h.row().lastError()), now);
        }
        gauges();
        return new Result(abandoned, false);
    }

    /**
     * Gives up on rows an operator's bulk filter selected (each still abandonable when written: a row claimed or
     * delivered meanwhile is left alone), with the other abandonable rows of the notifications they were sent in, so
     * a grouped notification is never split. Each row is audited on its alert as a single abandon is, its detail
     * naming the bulk filter; the gauges are set once at the end.
     *
     * @return the rows abandoned by this call
     */
    public List<DeliveryStore.Handled> abandonSelected(List<OutboxRow> selected, String actor, String reason,
                                                       String filter) {
        return abandonSelected(selected, List.of(), actor, reason, filter);
    }

    /**
     * The same, together with rows held in alert documents that the filter selected ({@link #heldSelectedBy}): each
     * is taken out of its alert document and recorded in the outbox as ABANDONED with {@code statusBefore}
     * UNRELAYED, as the single abandon does (one write per alert for all of its selected rows); a row the relay
     * copied meanwhile is abandoned in the outbox instead, if it still may be. The gauges are set once at the end.
     *
     * @return the rows abandoned by this call, oldest first
     */
    public List<DeliveryStore.Handled> abandonSelected(List<OutboxRow> selected, List<AlertStore.HeldRow> held,
                                                       String actor, String reason, String filter) {
        Instant now = clock.instant();
        List<DeliveryStore.Handled> abandoned = new ArrayList<>();
        java.util.Set<String> ids = selected.isEmpty() ? java.util.Set.of()
                : deliveries.withTheirNotifications(selected);
        if (!ids.isEmpty()) {
            abandoned.addAll(abandonInOutbox(ids, actor, reason, filter, now));
        }
        Map<String, java.util.Set<String>> byAlert = new LinkedHashMap<>();
        held.forEach(h -> byAlert.computeIfAbsent(h.alertId(), a -> new java.util.LinkedHashSet<>()).add(h.id()));
        byAlert.forEach((alertId, rowIds) -> abandoned.addAll(takeOut(alertId, rowIds, actor, reason, filter, now)));
        if (abandoned.isEmpty()) {
            return List.of();
        }
        gauges();
        abandoned.sort(OLDEST_FIRST);
        return abandoned;
    }

    private static final Comparator<DeliveryStore.Handled> OLDEST_FIRST = Comparator.comparing(
            (DeliveryStore.Handled h) -> h.row().createdAt(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(h -> h.row().id());

    private List<DeliveryStore.Handled> abandonInOutbox(java.util.Collection<String> ids, String actor,
                                                        String reason, String filter, Instant now) {
        List<DeliveryStore.Handled> abandoned = deliveries.abandon(ids, actor, reason, now);
        for (DeliveryStore.Handled h : abandoned) {
            record(h, actor, reason, "bulk abandon (" + filter + "); it was " + h.statusBefore() + " after "
                    + h.row().attempts() + " attempt(s)" + (h.row().lastError() == null ? ""
                    : ", last failure: " + h.row().lastError()), now);
        }
        return abandoned;
    }

    /**
     * Takes the given rows out of one alert document (those it still holds; a write conflict reads it again) and
     * records each in the outbox as ABANDONED; rows no longer held were copied by the relay meanwhile and are
     * abandoned in the outbox if they still may be.
     */
    private List<DeliveryStore.Handled> takeOut(String alertId, java.util.Set<String> rowIds, String actor,
                                                String reason, String filter, Instant now) {
        List<AlertStore.HeldRow> dropped = List.of();
        for (int attempt = 0; attempt < MAX_DROP_ATTEMPTS; attempt++) {
            List<AlertStore.HeldRow> still = alerts.heldRows(List.of(alertId)).stream()
                    .filter(h -> rowIds.contains(h.id())).toList();
            if (still.isEmpty() || alerts.dropHeldRows(alertId, still.get(0).rev(),
                    still.stream().map(AlertStore.HeldRow::id).toList())) {
                dropped = still;
                break;
            }
        }
        List<DeliveryStore.Handled> out = new ArrayList<>();
        List<String> copied = new ArrayList<>(rowIds);
        for (AlertStore.HeldRow h : dropped) {
            if (deliveries.insertAbandoned(h.row(), actor, reason, now)) {
                copied.remove(h.id());
                DeliveryStore.Handled recorded = deliveries.findHandled(h.id()).orElseThrow();
                record(recorded, actor, reason, "bulk abandon (" + filter + "); it was held in the alert document, "
                        + "never copied to the outbox", now);
                out.add(recorded);
            }
        }
        if (!copied.isEmpty()) {
            out.addAll(abandonInOutbox(copied, actor, reason, filter, now));
        }
        return out;
    }

    /**
     * What one bulk call takes: the oldest {@code limit} rows of both kinds together, by creation time then id.
     *
     * @param ids the ids of all of them, oldest first
     */
    public record Selection(List<OutboxRow> outbox, List<AlertStore.HeldRow> held, List<String> ids) {
    }

    /** Of outbox rows and held rows (each list oldest first), the oldest {@code limit}; see {@link Selection}. */
    public static Selection oldest(List<OutboxRow> outbox, List<AlertStore.HeldRow> held, int limit) {
        record Row(String id, Instant createdAt, OutboxRow inOutbox, AlertStore.HeldRow inAlert) {
        }
        List<Row> all = new ArrayList<>();
        outbox.forEach(r -> all.add(new Row(r.id(), r.createdAt(), r, null)));
        held.forEach(h -> all.add(new Row(h.id(), h.createdAt(), null, h)));
        List<Row> taken = all.stream().sorted(Comparator.comparing(Row::createdAt,
                Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(Row::id)).limit(limit).toList();
        return new Selection(taken.stream().map(Row::inOutbox).filter(java.util.Objects::nonNull).toList(),
                taken.stream().map(Row::inAlert).filter(java.util.Objects::nonNull).toList(),
                taken.stream().map(Row::id).toList());
    }

    /**
     * The rows held in alert documents (never copied to the outbox) that a bulk filter selects, oldest first (then by
     * id); none when the filter does not ask for them.
     */
    public List<AlertStore.HeldRow> heldSelectedBy(BulkFilter filter) {
        if (!filter.unrelayed()) {
            return List.of();
        }
        return allHeld().stream()
                .filter(h -> filter.selectsHeld(h.channel(), h.subscriptionId(), h.target(), h.createdAt()))
                .sorted(Comparator.comparing(AlertStore.HeldRow::createdAt,
                        Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(AlertStore.HeldRow::id))
                .toList();
    }

    private void record(DeliveryStore.Handled h, String actor, String reason, String before, Instant now) {
        OutboxRow r = h.row();
        // on the alert's audit (GET /api/v1/alerts/{alertId}/audit), beside re-queues and acknowledgements
        audit.record(actor, "abandon-delivery", "alert:" + r.alertId(), "delivery " + r.id() + " ("
                + r.channel().toLowerCase(Locale.ROOT) + " to " + r.target() + ", subscription '" + r.subscriptionName()
                + "', message #" + r.sequence() + ") abandoned: " + reason + "; " + before, now);
        log.info("delivery {} to {} abandoned by {}: {}", r.id(), r.target(), actor, reason);
    }

    /** The outbox backlog and the relay backlog as they are now, so alerts on them clear without a pass. */
    private void gauges() {
        metrics.backlog(deliveries.backlog());
        metrics.relayBacklog(alerts.countPendingOutbox());
    }

    /** A page of what is still held in alert documents: rows the relay has not copied, in alert id order. */
    public record Held(List<AlertStore.HeldRow> rows, long total) {
    }

    public Held unrelayed(int page, int size) {
        List<AlertStore.HeldRow> all = allHeld();
        long from = Math.min((long) page * size, all.size());
        return new Held(List.copyOf(all.subList((int) from, (int) Math.min(from + size, all.size()))), all.size());
    }

    /** Every row held in an alert document, in alert id order. */
    private List<AlertStore.HeldRow> allHeld() {
        List<AlertStore.HeldRow> all = new ArrayList<>();
        String after = null;
        while (true) {
            List<String> ids = alerts.pendingOutbox(after, ID_PAGE);
            if (ids.isEmpty()) {
                return all;
            }
            all.addAll(alerts.heldRows(ids));
            after = ids.get(ids.size() - 1);
        }
    }

    private static List<String> append(List<String> ids, String id) {
        List<String> out = new ArrayList<>(ids);
        out.add(id);
        return out;
    }
}
