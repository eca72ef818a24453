package org.borderwatch.alert.store;

import org.borderwatch.alert.lifecycle.AlertState;
import org.borderwatch.common.model.Alert;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An alert as stored: the lifecycle state, every message produced (with why, and whether it was muted), which
 * subscription was told up to which message, acknowledgements, and the outbox rows not yet copied to the
 * {@code deliveries} collection (written in the same document, so no transaction is needed).
 *
 * @param rev optimistic-concurrency revision, increased by every replace
 */
public record StoredAlert(AlertState state, long rev, List<Message> messages, Map<String, Long> told,
                          List<Ack> acks, List<OutboxRow> pending) {

    public StoredAlert {
        messages = List.copyOf(messages);
        told = Map.copyOf(told);
        acks = List.copyOf(acks);
        pending = List.copyOf(pending);
    }

    /**
     * @param muted       null when sent, else why not (inhibited by ..., silenced by ...)
     * @param leaveNotice made only for the subscribers whose filter the incident left (routed to those alone)
     */
    public record Message(Alert alert, String reason, String muted, boolean leaveNotice) {

        public Message(Alert alert, String reason, String muted) {
            this(alert, reason, muted, false);
        }
    }

    /** @param sequence the message acknowledged (see {@code ack.Acknowledgements}) */
    public record Ack(String by, String comment, Instant at, long sequence) {
    }

    public Alert lastMessage() {
        return messages.isEmpty() ? null : messages.get(messages.size() - 1).alert();
    }
}
