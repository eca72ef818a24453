package org.borderwatch.alert.lifecycle;

import org.borderwatch.common.model.Alert;

import java.util.Optional;

/**
 * The result of applying an event to an alert: its next state and, when subscribers must be told, the message.
 *
 * @param reason why a message was (or was not) produced, for the alert's history and the logs
 */
public record Transition(AlertState state, Alert message, String reason) {

    public Optional<Alert> messageIfAny() {
        return Optional.ofNullable(message);
    }

    public boolean notifies() {
        return message != null;
    }
}
