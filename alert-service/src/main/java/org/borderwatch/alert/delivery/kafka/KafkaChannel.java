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
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Kafka: the {@code border.alerts} feed gets each alert message on its own (the {@code Alert} JSON keyed by
 * incidentId, as the topic catalogue says); a Kafka subscription gets the notification JSON on its own topic,
 * keyed by the delivery id. A worker pass's feed messages go out together through the {@link FeedPublisher}
 * ({@link #sendEach}: all sent, then one wait for every acknowledgement); partner topics through the binder,
 * synchronously. Either way a message counts as sent only once the broker acknowledged it, so a send that fails is
 * retried like any other.
 */
@Component
public class KafkaChannel implements ChannelSender {

    public static final String HEADER_DELIVERY = "bw-delivery";
    private final StreamBridge bridge;
    private final KafkaTopicPolicy topics;
    private final FeedPublisher feed;

    public KafkaChannel(StreamBridge bridge, KafkaTopicPolicy topics, FeedPublisher feed) {
        this.bridge = bridge;
        this.topics = topics;
        this.feed = feed;
    }

    /**
     * The feed's messages of a pass together: every alert of every notification is sent, then the acknowledgements
     * are awaited once. A notification is accepted when all its alerts were acknowledged.
     */
    @Override
    public List<RuntimeException> sendEach(Subscription subscription, List<Notification> notifications) {
        if (!AlertDispatcher.FEED_SUBSCRIPTION.equals(subscription.id())) {
            return ChannelSender.super.sendEach(subscription, notifications);
        }
        String topic = subscription.channel().topic();
        List<FeedPublisher.FeedRecord> records = new ArrayList<>();
        List<Integer> owner = new ArrayList<>();
        for (int i = 0; i < notifications.size(); i++) {
            Notification n = notifications.get(i);
            for (Alert alert : n.alerts()) {
                records.add(new FeedPublisher.FeedRecord(alert.incidentId().toString().getBytes(StandardCharsets.UTF_8),
                        Json.writeBytes(alert),
                        Map.of(HEADER_DELIVERY, n.deliveryId().getBytes(StandardCharsets.UTF_8))));
                owner.add(i);
            }
        }
        List<RuntimeException> sent = feed.publish(topic, records);
        List<RuntimeException> out = new ArrayList<>(java.util.Collections.nCopies(notifications.size(), null));
        for (int r = 0; r < sent.size(); r++) {
            RuntimeException e = sent.get(r);
            if (e != null && out.get(owner.get(r)) == null) {
                out.set(owner.get(r), new DeliveryException("kafka send to " + topic + " failed: " + e.getMessage(),
                        true, null, e));
            }
        }
        return out;
    }

    @Override
    public ChannelType type() {
        return ChannelType.KAFKA;
    }

    @Override
    public String circuitKey(Subscription subscription) {
        return "kafka";
    }

    /** Our own broker: {@code border.alerts} must keep up with a burst, so the receivers' rate limit does not apply. */
    @Override
    public boolean rateLimited() {
        return false;
    }

    @Override
    public Integer send(Subscription subscription, Notification n) {
        String topic = subscription.channel().topic();
        if (AlertDispatcher.FEED_SUBSCRIPTION.equals(subscription.id())) {
            RuntimeException failed = sendEach(subscription, List.of(n)).get(0);
            if (failed != null) {
                throw failed;
            }
            return null;
        }
        // again before every send: a subscription stored under an older rule must not reach a forbidden topic
        var problem = topics.problem(topic);
        if (problem.isPresent()) {
            throw new PermanentDeliveryException("kafka topic refused: " + problem.get(), null);
        }
        boolean sent;
        try {
            sent = bridge.send(topic, MessageBuilder.withPayload(Json.writeBytes(n))
                    .setHeader(KafkaHeaders.KEY, n.deliveryId().getBytes(StandardCharsets.UTF_8))
                    .setHeader(HEADER_DELIVERY, n.deliveryId())
                    .build());
        } catch (RuntimeException e) {
            throw new DeliveryException("kafka send to " + topic + " failed: " + e.getMessage(), true, null, e);
        }
        if (!sent) {
            throw new DeliveryException("kafka send to " + topic + " was not accepted", true, null);
        }
        return null;
    }
}
