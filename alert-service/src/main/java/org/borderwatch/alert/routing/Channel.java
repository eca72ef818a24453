package org.borderwatch.alert.routing;

import java.util.Objects;

/**
 * Where a subscription's notifications go.
 *
 * @param url     webhook target (http or https)
 * @param address e-mail address
 * @param topic   Kafka topic
 * @param secret  webhook shared secret used for the HMAC signature
 * @param format  webhooks only: {@code json} (default) or {@code cap} (OASIS CAP 1.2 XML); null for every other
 *                channel (an e-mail is always plain text + HTML, a Kafka subscription always gets the notification
 *                JSON), and giving one there is refused
 */
public record Channel(ChannelType type, String url, String address, String topic, String secret, String format) {
    public Channel {
        Objects.requireNonNull(type, "channel.type");
        if (format == null || format.isBlank()) {
            format = type == ChannelType.WEBHOOK ? "json" : null;
        } else {
            format = format.trim().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean cap() {
        return "cap".equals(format);
    }

    /** Human-readable target for the delivery audit (never the secret). */
    public String target() {
        return switch (type) {
            case WEBHOOK -> url;
            case EMAIL -> address;
            case KAFKA -> topic;
            case STREAM -> "stream";
        };
    }

    /** Checks the fields a channel type needs; returns problems, empty when valid. */
    public java.util.List<String> problems() {
        var problems = new java.util.ArrayList<String>();
        switch (type) {
            case WEBHOOK -> {
                if (url == null || url.isBlank()) {
                    problems.add("channel.url is required for a webhook");
                }
                if (secret == null || secret.length() < 16) {
                    problems.add("channel.secret of at least 16 characters is required for a webhook");
                }
            }
            case EMAIL -> {
                if (address == null || !address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                    problems.add("channel.address must be an e-mail address");
                }
            }
            case KAFKA -> {
                if (topic == null || !topic.matches("[A-Za-z0-9._-]{1,249}")) {
                    problems.add("channel.topic must be a Kafka topic name");
                }
            }
            case STREAM -> {
            }
        }
        if (type != ChannelType.WEBHOOK) {
            if (format != null) {
                problems.add("channel.format applies to webhooks only (json or cap); leave it out for a "
                        + type.wireName() + " channel");
            }
        } else if (!format.equals("json") && !format.equals("cap")) {
            problems.add("channel.format must be json or cap");
        }
        return problems;
    }
}
