package org.borderwatch.alert.store;

import org.borderwatch.alert.lifecycle.AlertState;
import org.borderwatch.alert.lifecycle.RepeatClocks;
import org.borderwatch.common.model.Alert;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An alert as stored: the lifecycle state, every message produced (with why, and whether it was muted), which
 * subscription was told up to which message, acknowledgements, and the outbox rows not yet copied to the
 * {@code deliveries} collection (written in the same document, so no transaction is needed).
 *
 * @param rev    optimistic-concurrency revision, increased by every replace
 * @param clocks per subscription, when it was last sent a message of the alert (its repeat clock)
 */
public record StoredAlert(AlertState state, long rev, List<Message> messages, Map<String, Long> told,
                          RepeatClocks clocks, List<Ack> acks, List<OutboxRow> pending) {

    public StoredAlert {
        messages = List.copyOf(messages);
        told = Map.copyOf(told);
        clocks = clocks == null ? RepeatClocks.NONE : clocks;
        acks = List.copyOf(acks);
        pending = List.copyOf(pending);
    }

    /**
     * @param muted       null when sent, else why not (inhibited by ..., silenced by ...)
     * @param leaveNotice made only for the subscribers whose filter the incident left (routed to those alone)
     * @param repeatTo    a repeat's subscriptions (routed to those alone, also when released after a silence); null
     *                    for every other message, and for a repeat stored before repeats were per subscription
     */
    public record Message(Alert alert, String reason, String muted, boolean leaveNotice, Set<String> repeatTo) {

        public Message {
            repeatTo = repeatTo == null ? null : Set.copyOf(repeatTo);
        }

        public Message(Alert alert, String reason, String muted, boolean leaveNotice) {
            this(alert, reason, muted, leaveNotice, null);
        }

        public Message(Alert alert, String reason, String muted) {
            this(alert, reason, muted, false, null);
        }
    }

    /** @param sequence the message acknowledged (see {@code ack.Acknowledgements}) */
    public record Ack(String by, String comment, Instant at, long sequence) {
    }

    public Alert lastMessage() {
        return messages.isEmpty() ? null : messages.get(messages.size() - 1).alert();
    }
}
