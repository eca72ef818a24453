package org.borderwatch.alert.lifecycle;

import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.AlertStatus;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.Closure;
import org.borderwatch.common.model.ClosureReason;
import org.borderwatch.common.model.Withdrawn;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a closed incident was withdrawn rather than resolved (plain Java): the classifier closes an incident that
 * turned out not to be one of its own as MERGED (a report bridged it with an older incident, which carries on; the
 * closure names it) or DISSOLVED (its reports moved to another incident after a correction, or a waiting answer found
 * its claim). The assessment's {@link Closure} says so, and is read first; an assessment of an older classifier has
 * none, and then its last rationale sentence tells, as the classifier writes it: closed, and the <em>last</em>
 * sentence starts "Merged into incident &lt;id&gt;: …" or "Dissolved: …". An alert message carries the same as its
 * {@link Alert#withdrawn()} mark.
 *
 * @param kind       merged into another incident, or dissolved
 * @param mergedInto the incident it merged into (MERGED only, when the sentence names a UUID), else null
 * @param why        the classifier's sentence, as written
 */
public record Withdrawal(Kind kind, UUID mergedInto, String why) {

    public enum Kind { MERGED, DISSOLVED }

    /** How the classifier's closing sentence of a merged incident begins. */
    public static final String MERGED_PREFIX = "Merged into incident ";
    /** How the classifier's closing sentence of a dissolved incident begins. */
    public static final String DISSOLVED_PREFIX = "Dissolved: ";

    private static final Pattern UUID_AT_START = Pattern.compile(
            "^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})");

    /**
     * The withdrawal a version tells: its closure when it has one (MERGED, DISSOLVED; any other reason is none,
     * whatever the sentences say), else — an older classifier — its last sentence; empty when open.
     */
    public static Optional<Withdrawal> of(Assessment a) {
        if (a.closed() && a.closure() != null) {
            return Withdrawn.of(a.closure()).map(w -> of(w, a.rationale()));
        }
        return of(a.closed(), a.rationale());
    }

    /** The withdrawal a closed version's rationale tells, or empty (open, or closed as an ordinary resolution). */
    public static Optional<Withdrawal> of(boolean closed, List<String> rationale) {
        if (!closed || rationale == null || rationale.isEmpty()) {
            return Optional.empty();
        }
        String last = rationale.get(rationale.size() - 1);
        if (last == null) {
            return Optional.empty();
        }
        if (last.startsWith(DISSOLVED_PREFIX)) {
            return Optional.of(new Withdrawal(Kind.DISSOLVED, null, last));
        }
        if (last.startsWith(MERGED_PREFIX)) {
            Matcher m = UUID_AT_START.matcher(last.substring(MERGED_PREFIX.length()));
            return Optional.of(new Withdrawal(Kind.MERGED, m.find() ? UUID.fromString(m.group(1)) : null, last));
        }
        return Optional.empty();
    }

    /**
     * The withdrawal a message tells: its {@code withdrawn} mark, or — a message stored before the mark — for a
     * resolved alert its rationale's last sentence (its rationale is its assessment's); else empty.
     */
    public static Optional<Withdrawal> of(Alert alert) {
        if (alert.withdrawn() != null) {
            return Optional.of(of(alert.withdrawn(), alert.rationale()));
        }
        return of(alert.status() == AlertStatus.RESOLVED, alert.rationale());
    }

    /** From a mark; {@code why} is the last sentence, the classifier's words for people. */
    private static Withdrawal of(Withdrawn mark, List<String> rationale) {
        String last = rationale == null || rationale.isEmpty() ? null : rationale.get(rationale.size() - 1);
        return new Withdrawal(Kind.valueOf(mark.kind().name()), mark.mergedInto(), last);
    }

    /** The mark an alert message carries for this withdrawal. */
    public Withdrawn mark() {
        return new Withdrawn(ClosureReason.valueOf(kind.name()), mergedInto);
    }

    /** A few words for a summary line or a subject: {@code withdrawn, merged into incident <id>}. */
    public String words() {
        return switch (kind) {
            case MERGED -> "withdrawn, merged into " + (mergedInto == null ? "another incident"
                    : "incident " + mergedInto);
            case DISSOLVED -> "withdrawn, its reports moved to another incident";
        };
    }

    /** One sentence for people: not resolved, and where its reports are told now. */
    public String sentence() {
        return switch (kind) {
            case MERGED -> "Withdrawn, not resolved: this incident was merged into " + (mergedInto == null
                    ? "another incident" : "incident " + mergedInto) + ", whose alert carries on with its reports.";
            case DISSOLVED -> "Withdrawn, not resolved: its reports were moved to another incident after a "
                    + "correction; this incident no longer holds anything.";
        };
    }
}
