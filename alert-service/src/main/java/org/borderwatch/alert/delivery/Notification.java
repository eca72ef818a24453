package org.borderwatch.alert.delivery;

import org.borderwatch.alert.routing.DeliveryMode;
import org.borderwatch.common.model.Alert;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What a subscriber receives: one or more alert messages (several when incidents of one segment were grouped, or
 * a digest). The JSON body of webhooks, Kafka subscriptions and e-mails is this record.
 *
 * @param deliveryId       the idempotency key: the same notification always carries the same id, also when retried
 * @param noLongerMatching the messages of this notification that no longer match the subscription's filter: each is
 *                         the subscriber's last word about its incident unless a later message matches again (empty
 *                         when every message is one it asked for)
 */
public record Notification(String deliveryId, String subscriptionId, String subscriptionName, String groupKey,
                           DeliveryMode mode, OffsetDateTime sentAt, List<Alert> alerts,
                           List<NoLongerMatching> noLongerMatching) {
    public Notification {
        alerts = List.copyOf(alerts);
        noLongerMatching = noLongerMatching == null ? List.of() : List.copyOf(noLongerMatching);
    }

    public Notification(String deliveryId, String subscriptionId, String subscriptionName, String groupKey,
                        DeliveryMode mode, OffsetDateTime sentAt, List<Alert> alerts) {
        this(deliveryId, subscriptionId, subscriptionName, groupKey, mode, sentAt, alerts, List.of());
    }

    /**
     * @param why in words, e.g. {@code severity MEDIUM is below minSeverity HIGH}
     */
    public record NoLongerMatching(UUID alertId, long sequence, String why) {
    }

    /** Why the message no longer matches, or null when it is one the subscriber asked for. */
    public String noLongerMatching(Alert alert) {
        return noLongerMatching.stream()
                .filter(n -> n.alertId().equals(alert.alertId()) && n.sequence() == alert.sequence())
                .map(NoLongerMatching::why).findFirst().orElse(null);
    }
}
