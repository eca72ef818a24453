package org.borderwatch.alert.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Who is told what and how.
 *
 * @param owner          the user who created it (STAFF may delete only their own)
 * @param digestInterval for {@link DeliveryMode#DIGEST}: how often the collected alerts are sent
 */
public record Subscription(String id, String name, String owner, Channel channel, SubscriptionFilter filter,
                           DeliveryMode mode, Duration digestInterval, Instant createdAt) {
    public Subscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        filter = filter == null ? SubscriptionFilter.ANY : filter;
        mode = mode == null ? DeliveryMode.IMMEDIATE : mode;
    }

    public boolean digest() {
        return mode == DeliveryMode.DIGEST;
    }
}
