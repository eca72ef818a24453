package org.borderwatch.alert.ack;

import org.borderwatch.alert.store.StoredAlert;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rules of acknowledgements (plain Java). An acknowledgement names the message {@code sequence} it
 * acknowledges; the alert is <em>acknowledged</em> while some acknowledgement reaches its latest <em>material</em>
 * message, so a material message after an acknowledgement makes the alert unacknowledged again.
 *
 * <p>Material: every message that carries a new state — the first notice, an update for a material change (severity
 * up, occurrence changed, new signal, a reopening, a correction after closure), a review, the resolution. Not
 * material: a <em>repeat</em> (the same state once more) and a <em>leave notice</em> (severity down, a signal gone:
 * the incident left some subscriber's filter, which the lifecycle itself does not count as material). A release of a
 * held-back message keeps its sequence, so it changes nothing here.
 */
public final class Acknowledgements {

    /** How {@code AlertLifecycle.repeatIfDue} begins the reason of a repeat (checked by a test). */
    public static final String REPEAT_REASON_PREFIX = "repeat: ";

    private Acknowledgements() {
    }

    /** The outcome of an acknowledgement request that was not refused. */
    public sealed interface Decision {
        StoredAlert.Ack ack();
    }

    /** A new acknowledgement to store (and audit). */
    public record Record(StoredAlert.Ack ack) implements Decision {
    }

    /** The same user already acknowledged the same message with the same comment: nothing to store. */
    public record Existing(StoredAlert.Ack ack) implements Decision {
    }

    /** Why an acknowledgement is refused: {@code conflict} when it clashes with the alert's state (409), else 400. */
    public static final class Refused extends RuntimeException {
        private final boolean conflict;

        Refused(boolean conflict, String message) {
            super(message);
            this.conflict = conflict;
        }

        public boolean conflict() {
            return conflict;
        }
    }

    /**
     * Decides an acknowledgement of {@code alert} by {@code by}.
     *
     * @param requested the message sequence asked for, or null for the alert's latest message
     * @throws Refused  a sequence below 1 (400); one the alert has no message for, or one older than the latest this
     *                  user acknowledged already (409)
     */
    public static Decision decide(StoredAlert alert, String by, String comment, Long requested, Instant now) {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(comment, "comment");
        long latest = latestSequence(alert);
        long sequence = requested == null ? latest : requested;
        if (sequence < 1) {
            throw new Refused(false, "sequence must be 1 or more (a message's sequence), not " + sequence);
        }
        if (!hasMessage(alert, sequence)) {
            throw new Refused(true, "alert " + alert.state().alertId() + " has no message " + sequence
                    + "; its latest message is " + latest);
        }
        long mine = 0;
        for (StoredAlert.Ack k : alert.acks()) {
            if (k.by().equals(by)) {
                if (k.sequence() == sequence && k.comment().equals(comment)) {
                    return new Existing(k);
                }
                mine = Math.max(mine, k.sequence());
            }
        }
        if (sequence < mine) {
            throw new Refused(true, by + " already acknowledged message " + mine + " of alert "
                    + alert.state().alertId() + "; an acknowledgement cannot go back to the older message " + sequence);
        }
        return new Record(new StoredAlert.Ack(by, comment, now, sequence));
    }

    /** The sequence of the alert's latest message (0 when it has none). */
    public static long latestSequence(StoredAlert alert) {
        long max = 0;
        for (StoredAlert.Message m : alert.messages()) {
            max = Math.max(max, m.alert().sequence());
        }
        return max == 0 ? alert.state().sequence() : max;
    }

    /** The sequence of the alert's latest material message (0 when it has none). */
    public static long latestMaterialSequence(List<StoredAlert.Message> messages) {
        Map<Long, StoredAlert.Message> first = new LinkedHashMap<>();
        for (StoredAlert.Message m : messages) {
            first.putIfAbsent(m.alert().sequence(), m); // a release repeats an entry under the same sequence
        }
        long max = 0;
        for (StoredAlert.Message m : first.values()) {
            if (isMaterial(m)) {
                max = Math.max(max, m.alert().sequence());
            }
        }
        return max;
    }

    /** Whether a message (its first entry) carries a new state someone must see. */
    public static boolean isMaterial(StoredAlert.Message m) {
        return !m.leaveNotice() && (m.reason() == null || !m.reason().startsWith(REPEAT_REASON_PREFIX));
    }

    /** Whether some acknowledgement reaches the alert's latest material message. */
    public static boolean acknowledged(StoredAlert alert) {
        long material = latestMaterialSequence(alert.messages());
        return material > 0 && alert.acks().stream().anyMatch(k -> k.sequence() >= material);
    }

    /**
     * The sequence an acknowledgement stored before acknowledgements named one acknowledged: the latest message
     * created at or before it (0 when none was).
     */
    public static long sequenceAt(List<StoredAlert.Message> messages, Instant at) {
        long seq = 0;
        for (StoredAlert.Message m : messages) {
            if (at != null && !m.alert().createdAt().toInstant().isAfter(at)) {
                seq = Math.max(seq, m.alert().sequence());
            }
        }
        return seq;
    }

    private static boolean hasMessage(StoredAlert alert, long sequence) {
        return alert.messages().stream().anyMatch(m -> m.alert().sequence() == sequence);
    }
}
