package org.borderwatch.alert.store;

import org.borderwatch.alert.delivery.DeliveryStatus;

import java.time.Instant;
import java.util.UUID;

/**
 * One subscriber's copy of one alert message in the outbox, and afterwards its audit record.
 *
 * @param id               the idempotency key (also the {@code X-BorderWatch-Delivery} header of a single delivery)
 * @param receivedAt       when the assessment behind the message arrived (for the latency timer)
 * @param alertJson        the alert message as sent
 * @param noLongerMatching null, or why the message no longer matches the subscription's filter: its last word about
 *                         the incident unless a later message matches again (see {@code Router})
 */
public record OutboxRow(String id, UUID alertId, UUID incidentId, long sequence, String event,
                        String subscriptionId, String subscriptionName, String channel, String target,
                        String groupKey, DeliveryStatus status, Instant notBefore, Instant createdAt,
                        Instant receivedAt, int attempts, int rounds, String lastError, Integer statusCode,
                        Instant deliveredAt, String batchKey, String alertJson, String noLongerMatching) {

    /** A row of a message the subscription asked for. */
    public OutboxRow(String id, UUID alertId, UUID incidentId, long sequence, String event,
                     String subscriptionId, String subscriptionName, String channel, String target,
                     String groupKey, DeliveryStatus status, Instant notBefore, Instant createdAt,
                     Instant receivedAt, int attempts, int rounds, String lastError, Integer statusCode,
                     Instant deliveredAt, String batchKey, String alertJson) {
        this(id, alertId, incidentId, sequence, event, subscriptionId, subscriptionName, channel, target, groupKey,
                status, notBefore, createdAt, receivedAt, attempts, rounds, lastError, statusCode, deliveredAt,
                batchKey, alertJson, null);
    }
}
