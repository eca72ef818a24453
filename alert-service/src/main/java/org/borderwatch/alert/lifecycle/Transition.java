package org.borderwatch.alert.lifecycle;

import org.borderwatch.common.model.Alert;

import java.util.Optional;

/**
 * The result of applying an event to an alert: its next state and, when subscribers must be told, the message.
 *
 * @param reason      why a message was (or was not) produced, for the alert's history and the logs
 * @param leaveNotice the message was made only to tell subscribers that the incident left their filter (see
 *                    {@link AlertLifecycle#leaveNotice}): routed to those and nobody else
 */
public record Transition(AlertState state, Alert message, String reason, boolean leaveNotice) {

    public Transition(AlertState state, Alert message, String reason) {
        this(state, message, reason, false);
    }

    public Optional<Alert> messageIfAny() {
        return Optional.ofNullable(message);
    }

    public boolean notifies() {
        return message != null;
    }
}
