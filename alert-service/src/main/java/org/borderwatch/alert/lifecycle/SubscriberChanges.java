package org.borderwatch.alert.lifecycle;

import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.AlertEvent;
import org.borderwatch.common.model.AlertStatus;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.SignalType;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A message as one subscriber receives it. The lifecycle says in {@link Alert#changes()} what changed since the
 * previous message of the <em>alert</em>; a subscriber that did not receive that message (its filter did not match
 * it, it was a leave notice for others, it was muted and never released to it) would be told about changes against
 * a state it never saw. So, per subscriber:
 * <ul>
 *   <li>its <b>first</b> message about the incident is news, not an update: a firing alert reaches it as
 *       {@link AlertEvent#FIRED} (a resolved one as it is), with no changes — except that it was held back
 *       ({@code released: …}), which is still true for it;</li>
 *   <li>a message right after the last one it received: as the lifecycle made it;</li>
 *   <li>otherwise the differences (severity, occurrence, new signal, signal gone) are measured against the last
 *       message it received, in the lifecycle's words; the message's own lines (closed, reopened, corrected, reviewed,
 *       repeat, released) stay; when nothing differs, {@code nothing that matters changed since message <n>}.</li>
 * </ul>
 * The sequence is never changed: the same incident version keeps its one sequence and idempotency key per
 * subscriber. Plain Java.
 */
public final class SubscriberChanges {

    private static final Pattern NOTHING_CHANGED = Pattern.compile("version \\d+: nothing that matters changed");
    private static final String RELEASED = "released: ";

    private SubscriberChanges() {
    }

    /**
     * @param message      the message as the lifecycle made it (the feed's and the live stream's copy)
     * @param lastReceived the last message of this alert the subscriber received, or null when it was never told
     *                     about the incident
     * @return the message for this subscriber (the same instance when nothing differs)
     */
    public static Alert forSubscriber(Alert message, Alert lastReceived) {
        if (lastReceived == null) {
            AlertEvent event = message.status() == AlertStatus.FIRING ? AlertEvent.FIRED : message.event();
            List<String> changes = message.changes().stream().filter(c -> c.startsWith(RELEASED)).toList();
            return with(message, event, changes);
        }
        if (lastReceived.sequence() == message.sequence() - 1) {
            return message; // it received the message the lifecycle measured against
        }
        List<String> head = new ArrayList<>();
        List<String> tail = new ArrayList<>();
        for (String line : message.changes()) {
            if (line.startsWith(RELEASED)) {
                tail.add(line);
            } else if (!isDifference(line)) {
                head.add(line);
            }
        }
        List<String> differences = differences(lastReceived, message);
        List<String> changes = new ArrayList<>(head);
        changes.addAll(differences);
        if (changes.isEmpty()) {
            changes.add("nothing that matters changed since message " + lastReceived.sequence());
        }
        changes.addAll(tail);
        return with(message, message.event(), changes);
    }

    /** A line of the lifecycle that states a difference of state (replaced by the subscriber's own). */
    static boolean isDifference(String line) {
        return line.startsWith("severity ") || line.startsWith("occurrence ") || line.startsWith("new signal ")
                || line.startsWith("signal gone: ") || NOTHING_CHANGED.matcher(line).matches();
    }

    /** Every difference between two messages' states, in both directions, in the lifecycle's words. */
    static List<String> differences(Alert before, Alert now) {
        return differences(before.severity(), before.occurrence(), signals(before), now.severity(), now.occurrence(),
                signals(now));
    }

    /**
     * Every difference between two states, in both directions (severity down as well as up, a signal gone as well as
     * a new one): the words of a leave notice ({@link AlertLifecycle}) and of a subscriber's gap. A new list.
     */
    static List<String> differences(Severity severityBefore, Occurrence occurrenceBefore, Set<SignalType> was,
                                    Severity severity, Occurrence occurrence, Set<SignalType> is) {
        List<String> out = new ArrayList<>();
        if (severityBefore != severity) {
            out.add("severity " + severityBefore + " -> " + severity);
        }
        if (occurrenceBefore != occurrence) {
            out.add("occurrence " + occurrenceBefore + " -> " + occurrence);
        }
        Set<SignalType> added = EnumSet.noneOf(SignalType.class);
        added.addAll(is);
        added.removeAll(was);
        if (!added.isEmpty()) {
            out.add("new signal " + added.stream().map(Enum::name).collect(Collectors.joining(", ")));
        }
        Set<SignalType> gone = EnumSet.noneOf(SignalType.class);
        gone.addAll(was);
        gone.removeAll(is);
        if (!gone.isEmpty()) {
            out.add("signal gone: " + gone.stream().map(Enum::name).collect(Collectors.joining(", ")));
        }
        return out;
    }

    private static Set<SignalType> signals(Alert a) {
        Set<SignalType> out = EnumSet.noneOf(SignalType.class);
        if (a.signals() != null) {
            out.addAll(a.signals());
        }
        return out;
    }

    private static Alert with(Alert m, AlertEvent event, List<String> changes) {
        if (event == m.event() && changes.equals(m.changes())) {
            return m;
        }
        return new Alert(m.schemaVersion(), m.alertId(), m.incidentId(), m.sequence(), m.assessmentVersion(), event,
                m.status(), m.segment(), m.severity(), m.occurrence(), m.attribution(), m.signals(), m.window(),
                m.casualties(), m.summary(), m.rationale(), m.review(), m.createdAt(), changes, m.evidence(),
                m.verdictUrl(), m.withdrawn());
    }
}
