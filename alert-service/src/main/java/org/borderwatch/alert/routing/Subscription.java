package org.borderwatch.alert.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Who is told what and how.
 *
 * @param owner          the user who created it (STAFF may delete only their own)
 * @param digestInterval for {@link DeliveryMode#DIGEST}: how often the collected alerts are sent
 * @param groupWait      for {@link DeliveryMode#IMMEDIATE}: this subscription's group wait; null = the service's
 */
public record Subscription(String id, String name, String owner, Channel channel, SubscriptionFilter filter,
                           DeliveryMode mode, Duration digestInterval, Duration groupWait, Instant createdAt) {
    public Subscription {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        filter = filter == null ? SubscriptionFilter.ANY : filter;
        mode = mode == null ? DeliveryMode.IMMEDIATE : mode;
        if (groupWait != null && groupWait.isNegative()) {
            throw new IllegalArgumentException("groupWait must not be negative");
        }
    }

    /** A subscription with the service's group wait. */
    public Subscription(String id, String name, String owner, Channel channel, SubscriptionFilter filter,
                        DeliveryMode mode, Duration digestInterval, Instant createdAt) {
        this(id, name, owner, channel, filter, mode, digestInterval, null, createdAt);
    }

    public boolean digest() {
        return mode == DeliveryMode.DIGEST;
    }
}
