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

/**
 * Kafka: the {@code border.alerts} feed gets each alert message on its own (the {@code Alert} JSON keyed by
 * incidentId, as the topic catalogue says); a Kafka subscription gets the notification JSON on its own topic,
 * keyed by the delivery id. Producers are synchronous, so a send that fails is retried like any other.
 */
@Component
public class KafkaChannel implements ChannelSender {

    public static final String HEADER_DELIVERY = "bw-delivery";
    private final StreamBridge bridge;
    private final KafkaTopicPolicy topics;

    public KafkaChannel(StreamBridge bridge, KafkaTopicPolicy topics) {
        this.bridge = bridge;
        this.topics = topics;
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
        boolean feed = AlertDispatcher.FEED_SUBSCRIPTION.equals(subscription.id());
        String topic = subscription.channel().topic();
        if (!feed) {
            // again before every send: a subscription stored under an older rule must not reach a forbidden topic
            var problem = topics.problem(topic);
            if (problem.isPresent()) {
                throw new PermanentDeliveryException("kafka topic refused: " + problem.get(), null);
            }
        }
        boolean sent = true;
        try {
            if (feed) {
                for (Alert alert : n.alerts()) {
                    sent &= bridge.send(topic, MessageBuilder.withPayload(Json.writeBytes(alert))
                            .setHeader(KafkaHeaders.KEY, alert.incidentId().toString().getBytes(StandardCharsets.UTF_8))
                            .setHeader(HEADER_DELIVERY, n.deliveryId())
                            .build());
                }
            } else {
                sent = bridge.send(topic, MessageBuilder.withPayload(Json.writeBytes(n))
                        .setHeader(KafkaHeaders.KEY, n.deliveryId().getBytes(StandardCharsets.UTF_8))
                        .setHeader(HEADER_DELIVERY, n.deliveryId())
                        .build());
            }
        } catch (RuntimeException e) {
            throw new DeliveryException("kafka send to " + topic + " failed: " + e.getMessage(), true, null, e);
        }
        if (!sent) {
            throw new DeliveryException("kafka send to " + topic + " was not accepted", true, null);
        }
        return null;
    }
}
