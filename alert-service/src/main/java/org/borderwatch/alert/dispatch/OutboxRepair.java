package org.borderwatch.alert.dispatch;

import org.borderwatch.alert.AlertMetrics;
import org.borderwatch.alert.delivery.Abandonment;
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
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Operators giving up on outbox rows deliberately (the API's {@code POST /api/v1/deliveries/{id}/abandon}, ADMIN):
 * a row in the outbox that is waiting, FAILED or held by a worker whose lease ran out becomes ABANDONED with who,
 * when and why; a row still held in its alert document because the relay cannot copy it is taken out of the document
 * and recorded in the outbox as ABANDONED. Each is audited on its alert, and the backlog gauges are set at once, so
 * the alerts on them clear without waiting for the next pass. Also lists the rows the relay has not copied.
 */
@Component
public class OutboxRepair {

    private static final Logger log = LoggerFactory.getLogger(OutboxRepair.class);
    /** How many alert ids one query reads while listing the rows the relay has not copied. */
    private static final int ID_PAGE = 500;

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
        Instant now = clock.instant();
        java.util.Set<String> ids = deliveries.withTheirNotifications(selected);
        if (ids.isEmpty()) {
            return List.of();
        }
        List<DeliveryStore.Handled> abandoned = deliveries.abandon(ids, actor, reason, now);
        for (DeliveryStore.Handled h : abandoned) {
            record(h, actor, reason, "bulk abandon (" + filter + "); it was " + h.statusBefore() + " after "
                    + h.row().attempts() + " attempt(s)" + (h.row().lastError() == null ? ""
                    : ", last failure: " + h.row().lastError()), now);
        }
        gauges();
        return abandoned;
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
        List<AlertStore.HeldRow> all = new ArrayList<>();
        String after = null;
        while (true) {
            List<String> ids = alerts.pendingOutbox(after, ID_PAGE);
            if (ids.isEmpty()) {
                break;
            }
            all.addAll(alerts.heldRows(ids));
            after = ids.get(ids.size() - 1);
        }
        long from = Math.min((long) page * size, all.size());
        return new Held(List.copyOf(all.subList((int) from, (int) Math.min(from + size, all.size()))), all.size());
    }

    private static List<String> append(List<String> ids, String id) {
        List<String> out = new ArrayList<>(ids);
        out.add(id);
        return out;
    }
}
