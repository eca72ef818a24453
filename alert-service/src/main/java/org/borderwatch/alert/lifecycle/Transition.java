package org.borderwatch.alert.lifecycle;

import org.borderwatch.common.model.Alert;

import java.util.Optional;
import java.util.Set;

/**
 * The result of applying an event to an alert: its next state and, when subscribers must be told, the message.
 *
 * @param reason      why a message was (or was not) produced, for the alert's history and the logs
 * @param leaveNotice the message was made only to tell subscribers that the incident left their filter (see
 *                    {@link AlertLifecycle#leaveNotice}): routed to those and nobody else
 * @param repeatTo    for a repeat, the subscriptions it is for (their repeat clocks are due, or they have none and
 *                    ride along, see {@link RepeatClocks}): routed to those and nobody else (the feed and the live
 *                    stream get it as every message); null for every other message
 */
public record Transition(AlertState state, Alert message, String reason, boolean leaveNotice, Set<String> repeatTo) {

    public Transition {
        repeatTo = repeatTo == null ? null : Set.copyOf(repeatTo);
    }

    public Transition(AlertState state, Alert message, String reason, boolean leaveNotice) {
        this(state, message, reason, leaveNotice, null);
    }

    public Transition(AlertState state, Alert message, String reason) {
        this(state, message, reason, false, null);
    }

    public Optional<Alert> messageIfAny() {
        return Optional.ofNullable(message);
    }

    public boolean notifies() {
        return message != null;
    }
}
