package org.borderwatch.alert.delivery;

import org.borderwatch.alert.routing.Subscription;
import org.borderwatch.common.Uuids;
import org.borderwatch.common.model.Alert;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * When a pending notification becomes due and what it is sent together with (Alertmanager's group_wait, plus
 * digests). Immediate subscriptions group one segment's messages that became pending within the group wait (zero
 * sends each at once); digest subscriptions collect everything until the next tick of their interval (ticks are
 * aligned to the epoch, so every replica agrees). CAP webhooks are never grouped: a CAP document is one alert (a
 * CAP digest subscription sends each collected message on its own at the tick).
 */
public final class Grouping {

    private Grouping() {
    }

    public static String groupKey(Subscription subscription, Alert message) {
        if (subscription.channel().cap()) {
            return subscription.id() + "|" + message.alertId() + "|" + message.sequence();
        }
        if (subscription.digest()) {
            return subscription.id() + "|digest";
        }
        return subscription.id() + "|" + message.segment();
    }

    public static Instant notBefore(Subscription subscription, Instant now, Duration groupWait) {
        return notBefore(subscription, now, groupWait, null);
    }

    /** The group wait that applies to the subscription: its own, else the service's default. */
    public static Duration groupWait(Subscription subscription, Duration defaultGroupWait) {
        return subscription.groupWait() != null ? subscription.groupWait() : defaultGroupWait;
    }

    /**
     * When a new message for the subscription is sent. An immediate message waits the group wait, unless its group
     * is already open (a message of the same group key, not yet sent, will be flushed at {@code openGroupFlush}):
     * then it joins that group and is sent with it, as Alertmanager's group_wait counts from a group's first alert.
     *
     * @param openGroupFlush when the open group of the message's group key is due, or null when none is open
     */
    public static Instant notBefore(Subscription subscription, Instant now, Duration defaultGroupWait,
                                    Instant openGroupFlush) {
        if (subscription.digest()) {
            return nextTick(now, subscription.digestInterval());
        }
        Instant own = now.plus(groupWait(subscription, defaultGroupWait));
        return openGroupFlush != null && openGroupFlush.isBefore(own) ? openGroupFlush : own;
    }

    /** Whether a new message for the subscription can join an open group (it waits, and is grouped at all). */
    public static boolean joinsOpenGroups(Subscription subscription, Duration defaultGroupWait) {
        return !subscription.digest() && !subscription.channel().cap()
                && !groupWait(subscription, defaultGroupWait).isZero();
    }

    /** The first multiple of {@code interval} since the epoch that is strictly after {@code now}. */
    public static Instant nextTick(Instant now, Duration interval) {
        long step = Math.max(1, interval.toMillis());
        long ticks = Math.floorDiv(now.toEpochMilli(), step) + 1;
        return Instant.ofEpochMilli(ticks * step);
    }

    /** The idempotency key of one subscriber's copy of one alert message. */
    public static String itemKey(String subscriptionId, Alert message) {
        return Uuids.v5(Uuids.ALERT_NAMESPACE, "delivery\n" + subscriptionId + "\n" + message.alertId() + "\n"
                + message.sequence()).toString();
    }

    /** The idempotency key of a batch: derived from its items, so the same batch always has the same key. */
    public static String batchKey(List<String> itemKeys) {
        if (itemKeys.size() == 1) {
            return itemKeys.get(0);
        }
        return Uuids.v5(Uuids.ALERT_NAMESPACE, "batch\n" + itemKeys.stream().sorted()
                .collect(Collectors.joining("\n"))).toString();
    }

    /** A pending item as the batcher sees it. */
    public record Pending(String id, String groupKey, Instant notBefore, Instant createdAt) {
    }

    /**
     * Groups the due items (notBefore at or before now) by group key, oldest first, at most {@code maxBatch}
     * items per batch.
     */
    public static List<List<Pending>> dueBatches(Collection<Pending> items, Instant now, int maxBatch) {
        Map<String, List<Pending>> byKey = new LinkedHashMap<>();
        items.stream()
                .filter(p -> !p.notBefore().isAfter(now))
                .sorted(Comparator.comparing(Pending::createdAt).thenComparing(Pending::id))
                .forEach(p -> byKey.computeIfAbsent(p.groupKey(), k -> new java.util.ArrayList<>()).add(p));
        return byKey.values().stream()
                .flatMap(list -> chunk(list, Math.max(1, maxBatch)).stream())
                .toList();
    }

    private static List<List<Pending>> chunk(List<Pending> list, int size) {
        List<List<Pending>> out = new java.util.ArrayList<>();
        for (int i = 0; i < list.size(); i += size) {
            out.add(List.copyOf(list.subList(i, Math.min(list.size(), i + size))));
        }
        return out;
    }

}
