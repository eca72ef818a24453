package org.borderwatch.alert.routing;

import java.util.Locale;

/** How a subscriber is told. */
public enum ChannelType {
    /** An HTTP POST signed with the subscription's secret. */
    WEBHOOK,
    /** A plain-text and HTML e-mail. */
    EMAIL,
    /** A Kafka topic of the subscriber's choice. */
    KAFKA,
    /** The live server-sent-events stream; nothing is stored for it. */
    STREAM;

    public static ChannelType parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("channel.type is required (webhook, email, kafka or stream)");
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown channel.type '" + text + "' (webhook, email, kafka or stream)");
        }
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
