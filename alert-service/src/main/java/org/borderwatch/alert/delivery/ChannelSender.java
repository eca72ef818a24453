package org.borderwatch.alert.delivery;

import org.borderwatch.alert.routing.ChannelType;
import org.borderwatch.alert.routing.Subscription;

/** One delivery channel (Alertmanager's notifier): sends a notification or throws {@link DeliveryException}. */
public interface ChannelSender {

    ChannelType type();

    /**
     * The key of the target's circuit breaker and rate limiter: one of each per target host (or per SMTP server, per
     * broker), so a slow or failing receiver never holds back the others.
     */
    String circuitKey(Subscription subscription);

    /**
     * Whether calls go through the per-target rate limiter. The limiter protects receivers outside BorderWatch; a
     * channel into our own infrastructure (the Kafka feed) is not limited.
     */
    default boolean rateLimited() {
        return true;
    }

    /** @return a status code worth recording (HTTP), or null */
    Integer send(Subscription subscription, Notification notification);
}
