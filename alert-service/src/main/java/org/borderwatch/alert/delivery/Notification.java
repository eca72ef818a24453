package org.borderwatch.alert.delivery;

import org.borderwatch.alert.routing.DeliveryMode;
import org.borderwatch.common.model.Alert;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a subscriber receives: one or more alert messages (several when incidents of one segment were grouped, or
 * a digest). The JSON body of webhooks, Kafka subscriptions and e-mails is this record.
 *
 * @param deliveryId the idempotency key: the same notification always carries the same id, also when retried
 */
public record Notification(String deliveryId, String subscriptionId, String subscriptionName, String groupKey,
                           DeliveryMode mode, OffsetDateTime sentAt, List<Alert> alerts) {
    public Notification {
        alerts = List.copyOf(alerts);
    }
}
