package org.borderwatch.alert.delivery.stream;

import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.AlertEvent;

/**
 * What one live-stream client is sent of an alert message, by the same rule the router applies to subscriptions
 * ({@code Router}): a client's conversation about an incident starts with a message that matches its filter; while
 * the last message it was sent matched ("in"), a message that no longer matches reaches it once more, marked with
 * why — its last word — and a resolution reaches it whether it matches or not; after its last word ("out") it is sent
 * nothing about the incident until a message matches again. A client never told about an incident is sent only
 * messages that match. Plain Java: the hub keeps each client's states and asks this for every message.
 */
public final class StreamConversation {

    private StreamConversation() {
    }

    /** Where a client stands with one incident. */
    public enum State {
        /** Never sent anything about it (or only things long ago that no longer count). */
        NEVER_TOLD,
        /** The last message it was sent matched its filter. */
        IN,
        /** Its last message was its last word (or a resolution that no longer matched). */
        OUT
    }

    /**
     * @param send             whether the client gets the message
     * @param noLongerMatching null, or why the message no longer matches (the client's last word about the incident)
     * @param next             where the client stands afterwards
     */
    public record Decision(boolean send, String noLongerMatching, State next) {
    }

    public static Decision decide(StreamFilter filter, State state, Alert message) {
        if (filter.matches(message)) {
            return new Decision(true, null, State.IN);
        }
        if (state == State.IN) {
            // its last word: the resolution as such, anything else marked with why it no longer matches
            return message.event() == AlertEvent.RESOLVED ? new Decision(true, null, State.OUT)
                    : new Decision(true, filter.mismatch(message), State.OUT);
        }
        return new Decision(false, null, state);
    }

    /** Where a client stands after a message, knowing only that message (for a client resuming after it). */
    public static State after(StreamFilter filter, Alert message) {
        return message == null ? State.NEVER_TOLD : filter.matches(message) ? State.IN : State.OUT;
    }
}
