package org.borderwatch.alert.it;

import org.borderwatch.alert.delivery.DeliveryStatus;
import org.borderwatch.alert.delivery.Grouping;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.alert.store.OutboxRow;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.AlertEvent;
import org.borderwatch.common.model.AlertStatus;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Outbox rows written straight into {@code deliveries} for tests of what operators and the expiry job do to them. */
final class OutboxRows {

    private OutboxRows() {
    }

    /**
     * A row of a new incident's first message, created (and last changed) at {@code createdAt}, due then, with the
     * given status; a FAILED row carries a last error.
     */
    static OutboxRow row(String subscriptionId, String channel, String target, DeliveryStatus status,
                         Instant createdAt) {
        return row(subscriptionId, channel, target, status, createdAt, createdAt);
    }

    /** The same, due at {@code notBefore} (a PENDING row far in the future is never claimed by a running worker). */
    static OutboxRow row(String subscriptionId, String channel, String target, DeliveryStatus status,
                         Instant createdAt, Instant notBefore) {
        UUID incident = UUID.randomUUID();
        Alert alert = new Alert(1, AlertLifecycle.alertIdOf(incident), incident, 1, 1, AlertEvent.FIRED,
                AlertStatus.FIRING, BorderSegment.ARARAT, Severity.MEDIUM, Occurrence.UNVERIFIED, null, null, null,
                null, "outbox test", List.of("written by the test"), null, createdAt.atOffset(ZoneOffset.UTC));
        String id = Grouping.itemKey(subscriptionId, alert);
        return new OutboxRow(id, alert.alertId(), incident, 1, "FIRED", subscriptionId, "desk " + subscriptionId,
                channel, target, "single|" + id, status, notBefore, createdAt, createdAt, 0,
                status == DeliveryStatus.FAILED ? 5 : 0, status == DeliveryStatus.FAILED ? "HTTP 503" : null, null,
                status == DeliveryStatus.DELIVERED ? createdAt : null, null, Json.write(alert));
    }
}
