package org.borderwatch.alert.delivery.kafka;

import org.borderwatch.alert.delivery.ChannelSender;
import org.borderwatch.alert.delivery.DeliveryException;
import org.borderwatch.alert.delivery.Notification;
import org.borderwatch.alert.delivery.PermanentDeliveryException;
import org.borderwatch.alert.dispatch.AlertDispatcher;
import org.borderwatch.alert.routing.ChannelType;
import org.borderwatch.alert.routing.Subscription;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Alert;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kafka: the {@code border.alerts} feed gets each alert message on its own (the {@code Alert} JSON keyed by
 * incidentId, as the topic catalogue says); a Kafka subscription gets the notification JSON on its own (partner)
 * topic, keyed by the delivery id. Both carry the idempotency key as the UTF-8 header {@code bw-delivery}. A worker
 * pass's notifications of one subscription go out together through the {@link FeedPublisher} ({@link #sendEach}: all
 * sent, then one wait for every acknowledgement). A message counts as sent only once the broker acknowledged it, so
 * a send that fails is retried like any other — each on its own: the others of the pass are not sent again.
 */
@Component
public class KafkaChannel implements ChannelSender {

    public static final String HEADER_DELIVERY = "bw-delivery";
    private final KafkaTopicPolicy topics;
    private final FeedPublisher publisher;

    public KafkaChannel(KafkaTopicPolicy topics, FeedPublisher publisher) {
        this.topics = topics;
        this.publisher = publisher;
    }

    /**
     * Several notifications of one subscription together: every record is sent, then the acknowledgements are
     * awaited once. On the feed a notification is accepted when all its alerts were acknowledged; on a partner topic a
     * notification is one record. A partner topic that the rules refuse fails every notification for good.
     */
    @Override
    public List<RuntimeException> sendEach(Subscription subscription, List<Notification> notifications) {
        String topic = subscription.channel().topic();
        boolean feed = AlertDispatcher.FEED_SUBSCRIPTION.equals(subscription.id());
        if (!feed) {
            // again before every send: a subscription stored under an older rule must not reach a forbidden topic
            Optional<String> problem = topics.problem(topic);
            if (problem.isPresent()) {
                return new ArrayList<>(Collections.nCopies(notifications.size(),
                        new PermanentDeliveryException("kafka topic refused: " + problem.get(), null)));
            }
        }
        List<FeedPublisher.FeedRecord> records = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int i = 0; i < notifications.size(); i++) {
            Notification n = notifications.get(i);
            Map<String, byte[]> headers = Map.of(HEADER_DELIVERY, n.deliveryId().getBytes(StandardCharsets.UTF_8));
            if (feed) {
                for (Alert alert : n.alerts()) {
                    records.add(new FeedPublisher.FeedRecord(
                            alert.incidentId().toString().getBytes(StandardCharsets.UTF_8), Json.writeBytes(alert),
                            headers));
                    owner.add(i);
                }
            } else {
                records.add(new FeedPublisher.FeedRecord(n.deliveryId().getBytes(StandardCharsets.UTF_8),
                        Json.writeBytes(n), headers));
                owner.add(i);
            }
        }
        List<RuntimeException> sent = publisher.publish(topic, records);
        List<RuntimeException> out = new ArrayList<>(Collections.nCopies(notifications.size(), null));
        for (int r = 0; r < sent.size(); r++) {
            RuntimeException e = sent.get(r);
            if (e != null && out.get(owner.get(r)) == null) {
                out.set(owner.get(r), new DeliveryException("kafka send to " + topic + " failed: " + e.getMessage(),
                        true, null, e));
            }
        }
        return out;
    }

    /** Kafka subscriptions and the feed: a worker pass's notifications of one subscription are sent together. */
    @Override
    public boolean sendsTogether() {
        return true;
    }

    @Override
    public ChannelType type() {
        return ChannelType.KAFKA;
    }

    @Override
    public String circuitKey(Subscription subscription) {
        return "kafka";
    }

    @Override
    public String targetName(Subscription subscription) {
        return "the Kafka broker";
    }

    /** Our own broker: {@code border.alerts} must keep up with a burst, so the receivers' rate limit does not apply. */
    @Override
    public boolean rateLimited() {
        return false;
    }

    @Override
    public Integer send(Subscription subscription, Notification n) {
        RuntimeException failed = sendEach(subscription, List.of(n)).get(0);
        if (failed != null) {
            throw failed;
        }
        return null;
    }
}
