package org.borderwatch.alert.delivery;

import org.borderwatch.alert.routing.ChannelType;
import org.borderwatch.alert.routing.Subscription;

/** One delivery channel (Alertmanager's notifier): sends a notification or throws {@link DeliveryException}. */
public interface ChannelSender {

    ChannelType type();

    /** The circuit breaker's key: one breaker per target host (or per SMTP server, per broker). */
    String circuitKey(Subscription subscription);

    /** @return a status code worth recording (HTTP), or null */
    Integer send(Subscription subscription, Notification notification);
}
