package org.borderwatch.alert.lifecycle;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The repeat clocks of one alert, one per subscription still in its conversation: when that subscription was last
 * sent a message of the alert — or would have been, had a silence or an inhibition not held the message back. A
 * subscription's repeat is due when its own clock is {@code repeat-interval} old (Alertmanager counts
 * {@code repeat_interval} per receiver too), so a message that reached one desk only (a leave notice, a repeat, a
 * release) restarts that desk's clock and nobody else's. The alert's own clock, its last message
 * ({@link AlertState#lastNotifiedAt()}), is that of the {@code border.alerts} feed and the live stream, which get
 * every message.
 *
 * <p>A subscription has no clock while it was never told about the alert, after its last word (the last message it
 * received no longer matched its filter), or when it no longer exists: it never makes a repeat due (see
 * {@link AlertLifecycle#repeatIfDue(AlertState, RepeatClocks, java.util.function.Function)}).
 *
 * @param lastSentAt per subscription id, when it was last sent (or, muted, would have been sent) a message of the alert
 */
public record RepeatClocks(Map<String, Instant> lastSentAt) {

    /** No subscription has a clock (an alert nobody was told about yet). */
    public static final RepeatClocks NONE = new RepeatClocks(Map.of());

    public RepeatClocks {
        lastSentAt = Map.copyOf(lastSentAt);
    }

    /**
     * The clocks of an alert stored before there were per-subscription clocks: every subscription told about it reads
     * the alert's last message, which is all the alert knew then.
     */
    public static RepeatClocks storedBefore(Collection<String> told, Instant lastNotifiedAt) {
        Objects.requireNonNull(lastNotifiedAt, "lastNotifiedAt");
        Map<String, Instant> clocks = new LinkedHashMap<>();
        told.forEach(id -> clocks.put(id, lastNotifiedAt));
        return new RepeatClocks(clocks);
    }

    /** When the subscription was last sent something of the alert; null when it has no clock. */
    public Instant of(String subscriptionId) {
        return lastSentAt.get(subscriptionId);
    }

    /**
     * A message was sent at {@code at}: the clock of each subscription it reached restarts — a leave notice, a
     * review, a repeat, a release alike — unless the message was its last word (it no longer matches its filter): out
     * of the conversation, that subscription has no clock any more.
     *
     * @param reached per subscription it was routed to, whether it stays in the conversation (the message matches its
     *                filter)
     */
    public RepeatClocks sent(Map<String, Boolean> reached, Instant at) {
        Map<String, Instant> next = new LinkedHashMap<>(lastSentAt);
        reached.forEach((id, stays) -> {
            if (stays) {
                next.put(id, at);
            } else {
                next.remove(id);
            }
        });
        return new RepeatClocks(next);
    }

    /**
     * A message was muted at {@code at} (a silence, an inhibition): it counts for the clock of each subscription it
     * would have reached that was told about the alert before, as if it had been sent — held back means "not now",
     * and the release when the muting ends tells them, not a muted repeat every {@code repeat-check}. A subscription
     * never told gets no clock from it (nor the end of its conversation: it was not sent its last word).
     *
     * @param wouldHaveReached the subscriptions the router would have sent it to
     * @param told             the subscriptions told about the alert before
     */
    public RepeatClocks heldBack(Collection<String> wouldHaveReached, Set<String> told, Instant at) {
        Map<String, Instant> next = new LinkedHashMap<>(lastSentAt);
        wouldHaveReached.stream().filter(told::contains).forEach(id -> next.put(id, at));
        return new RepeatClocks(next);
    }

    /** Only the clocks of these subscriptions (those that still exist). */
    public RepeatClocks retain(Set<String> subscriptionIds) {
        Map<String, Instant> next = new LinkedHashMap<>(lastSentAt);
        next.keySet().retainAll(subscriptionIds);
        return next.size() == lastSentAt.size() ? this : new RepeatClocks(next);
    }

    /**
     * The oldest clock, the alert's own included: no repeat can be due before it is {@code repeat-interval} old (what
     * the repeat job's query looks at).
     */
    public Instant earliest(Instant alertLastMessage) {
        Instant earliest = alertLastMessage;
        for (Instant at : lastSentAt.values()) {
            if (at.isBefore(earliest)) {
                earliest = at;
            }
        }
        return earliest;
    }
}
