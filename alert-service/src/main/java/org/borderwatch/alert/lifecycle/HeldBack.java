package org.borderwatch.alert.lifecycle;

import org.borderwatch.common.model.Severity;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Why a message was held back, as recorded on the alert ({@code inhibited by <SEVERITY> incident <id>} or
 * {@code silenced by <id> (<author>: <reason>)}), and what happens when the alert is looked at again after
 * whatever held it back may have ended — a silence deleted or run out, an inhibiting incident that is no longer
 * critical or was refuted. Plain Java: the dispatcher supplies what mutes the message now.
 *
 * @param kind what held the message back
 * @param by   the silence id, or the inhibiting incident's id
 */
public record HeldBack(Kind kind, String by) {

    public enum Kind { INHIBITED, SILENCED }

    public static final String INHIBITED_PREFIX = "inhibited by ";
    public static final String SILENCED_PREFIX = "silenced by ";

    public HeldBack {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(by, "by");
    }

    /** The recorded reason of a message muted by inhibition. */
    public static String inhibited(Severity severity, UUID incidentId) {
        return INHIBITED_PREFIX + severity + " incident " + incidentId;
    }

    /** The recorded reason of a message muted by a silence. */
    public static String silenced(String silenceId, String author, String reason) {
        return SILENCED_PREFIX + silenceId + " (" + author + ": " + reason + ")";
    }

    /** Reads a recorded reason back; empty for null or anything else. */
    public static Optional<HeldBack> parse(String muted) {
        if (muted == null) {
            return Optional.empty();
        }
        if (muted.startsWith(SILENCED_PREFIX)) {
            String rest = muted.substring(SILENCED_PREFIX.length());
            int space = rest.indexOf(' ');
            String id = space < 0 ? rest : rest.substring(0, space);
            return id.isEmpty() ? Optional.empty() : Optional.of(new HeldBack(Kind.SILENCED, id));
        }
        if (muted.startsWith(INHIBITED_PREFIX)) {
            String id = muted.substring(muted.lastIndexOf(' ') + 1);
            return id.isEmpty() ? Optional.empty() : Optional.of(new HeldBack(Kind.INHIBITED, id));
        }
        return Optional.empty();
    }

    /** What ended: {@code <silence id> has ended} or {@code inhibition by <incident> ended}. */
    public String ended() {
        return kind == Kind.SILENCED ? by + " has ended" : "inhibition by " + by + " ended";
    }

    /**
     * The change a released message adds to its own {@code changes}, so that whoever receives it late knows it was
     * held back and by what: {@code released: held back by silence <id>, which has ended} or
     * {@code released: held back by inhibition (incident <id>), which has ended}.
     */
    public String releasedChange() {
        return "released: held back by " + (kind == Kind.SILENCED ? "silence " + by : "inhibition (incident " + by + ")")
                + ", which has ended";
    }

    /**
     * What to do with an alert whose latest message was held back for {@code recorded}, given every reason that
     * mutes that message now ({@code mutingNow}, in the dispatcher's order: inhibition first, then silences).
     * <ul>
     *   <li>nothing mutes it any more → {@link Outcome#RELEASE}, history {@code released: <what ended>};</li>
     *   <li>what held it back still does → {@link Outcome#NOTHING} (so looking again changes nothing);</li>
     *   <li>something else mutes it now → {@link Outcome#STILL_HELD}: the history records that the old reason
     *       ended and the new one holds the message back, so the message is released when <em>that</em> ends.</li>
     * </ul>
     */
    public static Recheck recheck(String recorded, List<String> mutingNow) {
        Optional<HeldBack> held = parse(recorded);
        if (held.isEmpty()) {
            return new Recheck(Outcome.NOTHING, null, recorded);
        }
        if (mutingNow.isEmpty()) {
            return new Recheck(Outcome.RELEASE, "released: " + held.get().ended(), null);
        }
        if (mutingNow.contains(recorded)) {
            return new Recheck(Outcome.NOTHING, null, recorded);
        }
        return new Recheck(Outcome.STILL_HELD, "still held back: " + held.get().ended(), mutingNow.get(0));
    }

    public enum Outcome { NOTHING, RELEASE, STILL_HELD }

    /**
     * @param reason the history entry to add (null for {@link Outcome#NOTHING})
     * @param muted  what holds the message back after this (null when released)
     */
    public record Recheck(Outcome outcome, String reason, String muted) {
    }
}
