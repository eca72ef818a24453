package org.borderwatch.alert.delivery;

import org.borderwatch.alert.routing.ChannelType;
import org.borderwatch.alert.routing.Subscription;

import java.util.ArrayList;
import java.util.List;

/** One delivery channel (Alertmanager's notifier): sends a notification or throws {@link DeliveryException}. */
public interface ChannelSender {

    ChannelType type();

    /**
     * The key of the target's circuit breaker and rate limiter: one of each per target host (or per SMTP server, per
     * broker), so a slow or failing receiver never holds back the others.
     */
    String circuitKey(Subscription subscription);

    /**
     * The target as an operator names it in a delivery's {@code lastError} ({@code hooks.example.org:443},
     * {@code SMTP server mail.example.org:25}, {@code the Kafka broker}); one per circuit breaker.
     */
    default String targetName(Subscription subscription) {
        return circuitKey(subscription);
    }

    /**
     * Whether calls go through the per-target rate limiter. The limiter protects receivers outside BorderWatch; a
     * channel into our own infrastructure (the Kafka feed) is not limited.
     */
    default boolean rateLimited() {
        return true;
    }

    /**
     * Whether the worker hands a pass's notifications of one subscription to {@link #sendEach} together (one unit of
     * work, one wait) instead of one {@link #send} at a time.
     */
    default boolean sendsTogether() {
        return false;
    }

    /** @return a status code worth recording (HTTP), or null */
    Integer send(Subscription subscription, Notification notification);

    /**
     * Sends several notifications of one subscription, each its own message, as one unit of work where the channel
     * can (the Kafka feed: all sent, then one wait for every acknowledgement); the default sends them one by one.
     *
     * @return per notification, in order: null when it was accepted, else why not (never throws for one of them)
     */
    default List<RuntimeException> sendEach(Subscription subscription, List<Notification> notifications) {
        List<RuntimeException> out = new ArrayList<>(notifications.size());
        for (Notification n : notifications) {
            try {
                send(subscription, n);
                out.add(null);
            } catch (RuntimeException e) {
                out.add(e);
            }
        }
        return out;
    }
}
