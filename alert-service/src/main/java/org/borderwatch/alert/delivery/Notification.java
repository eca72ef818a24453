package org.borderwatch.alert.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.borderwatch.alert.lifecycle.Withdrawal;
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
 *                         when every message is one it asked for, and then left out of the JSON, as common's
 *                         Notification schema says)
 * @param withdrawn        the messages of this notification that close an incident the classifier withdrew (merged
 *                         into another incident, or dissolved) rather than resolved; derived from the messages
 *                         themselves (their {@code withdrawn} mark, see {@link Withdrawal}), left out of the JSON
 *                         when there are none
 */
public record Notification(String deliveryId, String subscriptionId, String subscriptionName, String groupKey,
                           DeliveryMode mode, OffsetDateTime sentAt, List<Alert> alerts,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) List<NoLongerMatching> noLongerMatching,
                           @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Withdrawn> withdrawn) {
    public Notification {
        alerts = List.copyOf(alerts);
        noLongerMatching = noLongerMatching == null ? List.of() : List.copyOf(noLongerMatching);
        withdrawn = withdrawn == null ? withdrawnIn(alerts) : List.copyOf(withdrawn);
    }

    public Notification(String deliveryId, String subscriptionId, String subscriptionName, String groupKey,
                        DeliveryMode mode, OffsetDateTime sentAt, List<Alert> alerts,
                        List<NoLongerMatching> noLongerMatching) {
        this(deliveryId, subscriptionId, subscriptionName, groupKey, mode, sentAt, alerts, noLongerMatching, null);
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

    /**
     * A message that closes a withdrawn incident: which, how ({@code MERGED} or {@code DISSOLVED}), the incident it
     * merged into (MERGED, when named) and the classifier's sentence.
     */
    public record Withdrawn(UUID alertId, long sequence, Withdrawal.Kind kind, UUID mergedInto, String why) {
    }

    private static List<Withdrawn> withdrawnIn(List<Alert> alerts) {
        return alerts.stream().flatMap(a -> Withdrawal.of(a).stream()
                .map(w -> new Withdrawn(a.alertId(), a.sequence(), w.kind(), w.mergedInto(), w.why()))).toList();
    }

    /** How the message closes a withdrawn incident, or empty when it does not. */
    public java.util.Optional<Withdrawal> withdrawal(Alert alert) {
        return withdrawn.stream().filter(w -> w.alertId().equals(alert.alertId()) && w.sequence() == alert.sequence())
                .findFirst().map(w -> new Withdrawal(w.kind(), w.mergedInto(), w.why()));
    }

    /** Why the message no longer matches, or null when it is one the subscriber asked for. */
    public String noLongerMatching(Alert alert) {
        return noLongerMatching.stream()
                .filter(n -> n.alertId().equals(alert.alertId()) && n.sequence() == alert.sequence())
                .map(NoLongerMatching::why).findFirst().orElse(null);
    }
}
