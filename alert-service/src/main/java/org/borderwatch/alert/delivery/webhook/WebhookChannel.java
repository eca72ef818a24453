package org.borderwatch.alert.delivery.webhook;

import org.borderwatch.alert.cap.CapRenderer;
import org.borderwatch.alert.cap.CapService;
import org.borderwatch.alert.delivery.ChannelSender;
import org.borderwatch.alert.delivery.Notification;
import org.borderwatch.alert.routing.ChannelType;
import org.borderwatch.alert.routing.Subscription;
import org.borderwatch.common.json.Json;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Webhooks: the notification as JSON (or one alert as CAP XML), signed with the subscription's secret. */
@Component
public class WebhookChannel implements ChannelSender {

    /** On a CAP webhook, why the message no longer matches the subscription's filter (its last word). */
    public static final String HEADER_NO_LONGER_MATCHING = "X-BorderWatch-No-Longer-Matching";

    private final WebhookClient client;
    private final CapService cap;

    public WebhookChannel(WebhookClient client, CapService cap) {
        this.client = client;
        this.cap = cap;
    }

    @Override
    public ChannelType type() {
        return ChannelType.WEBHOOK;
    }

    @Override
    public String circuitKey(Subscription subscription) {
        try {
            URI uri = URI.create(subscription.channel().url());
            return "webhook-" + uri.getHost() + "-" + uri.getPort();
        } catch (IllegalArgumentException e) {
            return "webhook-invalid";
        }
    }

    @Override
    public String targetName(Subscription subscription) {
        try {
            return WebhookClient.target(URI.create(subscription.channel().url()));
        } catch (IllegalArgumentException e) {
            return "an invalid webhook url";
        }
    }

    @Override
    public Integer send(Subscription subscription, Notification notification) {
        byte[] body;
        String contentType;
        java.util.Map<String, String> headers = java.util.Map.of();
        if (subscription.channel().cap()) {
            body = cap.render(notification.alerts().get(0)).getBytes(StandardCharsets.UTF_8);
            contentType = CapRenderer.MEDIA_TYPE;
            // CAP has no place for one subscriber's words: a message that no longer matches says so in a header
            String leaving = notification.noLongerMatching(notification.alerts().get(0));
            if (leaving != null) {
                headers = java.util.Map.of(HEADER_NO_LONGER_MATCHING, leaving);
            }
        } else {
            // the idempotency key is in the body (deliveryId), so the signature covers it; the header is its copy
            body = Json.writeBytes(notification);
            contentType = "application/json";
        }
        return client.post(subscription.channel().url(), subscription.channel().secret(),
                notification.deliveryId(), body, contentType, headers);
    }
}
