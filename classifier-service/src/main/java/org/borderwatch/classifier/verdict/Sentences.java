package org.borderwatch.classifier.verdict;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.EventType;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Source;

/** Building blocks of rationale sentences: who, when (in the statement's own offset), where, what. */
public final class Sentences {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    private Sentences() {
    }

    public static String who(Source source) {
        return source.name() == null || source.name().isBlank() ? source.id() : source.name();
    }

    public static String time(OffsetDateTime t) {
        return t == null ? "an unknown time" : TIME.format(t);
    }

    public static String day(OffsetDateTime t) {
        return t == null ? "an unknown day" : DAY.format(t);
    }

    public static String what(List<EventType> types) {
        if (types.isEmpty() || types.equals(List.of(EventType.OTHER))) {
            return "action";
        }
        return types.stream().map(t -> t.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .collect(Collectors.joining(" and "));
    }

    public static String segments(List<BorderSegment> segments) {
        return segments.stream().map(Enum::name).collect(Collectors.joining(", "));
    }

    public static String where(IncidentReport r) {
        StringBuilder sb = new StringBuilder();
        if (r.location().settlement() != null && !r.location().settlement().isBlank()) {
            sb.append(" near ").append(r.location().settlement());
        }
        sb.append(" (").append(segments(r.location().segments()));
        if (r.location().ambiguous()) {
            sb.append(", one of them");
        }
        return sb.append(')').toString();
    }

    /** One sentence saying what a statement says, and how it came to an incident in {@code segment}. */
    public static String describe(IncidentReport r, BorderSegment segment) {
        String s = describe(r);
        if (segment.isResolved() && (!r.location().isResolved() || r.location().ambiguous())
                && r.stance() == org.borderwatch.common.model.Stance.CLAIM) {
            s = s.substring(0, s.length() - 1) + "; it names no single segment and is placed in " + segment
                    + " through the claim it answers.";
        }
        return s;
    }

    /** One sentence saying what a statement says. */
    public static String describe(IncidentReport r) {
        String who = who(r.source());
        String published = time(r.publishedAt());
        String sentence = switch (r.stance()) {
            case CLAIM -> {
                Party acting = r.actingParty();
                String when = r.occurredAt().equals(r.occurredUntil()) ? "at " + time(r.occurredAt())
                        : "from " + time(r.occurredAt()) + " to " + time(r.occurredUntil());
                String s = acting != null && acting == r.source().party()
                        ? who + " reported its own side's " + what(r.eventTypes()) + " " + when + where(r)
                        : who + " claimed " + what(r.eventTypes()) + (acting == null ? "" : " by " + acting)
                        + " " + when + where(r);
                if (r.casualties() != null) {
                    s += ", with " + r.casualties().killedOrZero() + " killed and " + r.casualties().woundedOrZero()
                            + " wounded" + (r.casualties().party() == null ? "" : " on the "
                            + r.casualties().party() + " side");
                }
                if (r.retaliation()) {
                    s += ", presented as retaliation";
                }
                yield s + " (published " + published + ").";
            }
            case DENIAL -> who + " denied it on " + published + ".";
            case REFUTATION -> r.coverage() == null
                    ? who + " said on " + published + " that it observed no such incident."
                    : who + " said on " + published + " that it observed no incidents "
                    + (r.coverage().segments().isEmpty() ? "along the border"
                    : "in " + segments(r.coverage().segments())) + " from " + day(r.coverage().from()) + " to "
                    + day(r.coverage().to()) + ".";
            case CONFIRMATION -> who + " confirmed it on " + published + ".";
            case UNKNOWN -> who + " published a statement on " + published + " whose stance could not be read.";
        };
        return sentence;
    }
}
