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
import org.borderwatch.common.model.SourceKind;

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

    /** What the statement says happened, in words ("mortar and artillery fire and drone strikes"). */
    public static String what(List<EventType> types) {
        List<String> words = types.stream().filter(t -> t != EventType.OTHER).map(Sentences::word).distinct()
                .toList();
        if (words.isEmpty()) {
            return "an action";
        }
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }

    private static String word(EventType t) {
        return switch (t) {
            case SMALL_ARMS_FIRE -> "small-arms fire";
            case MORTAR_ARTILLERY -> "mortar and artillery fire";
            case DRONE_STRIKE -> "drone strikes";
            case INCURSION -> "an incursion";
            case CASUALTY -> "casualties";
            case DETENTION -> "a detention";
            case BLOCKADE -> "a blockade";
            case MINE_EXPLOSION -> "a mine explosion";
            case ENGINEERING_WORK -> "engineering work";
            case BUILDUP -> "a build-up of troops or equipment";
            case THREAT -> "threats of force";
            case OTHER -> "an action";
        };
    }

    /** A party's name as a monitoring officer says it ("Azerbaijan", "the EU"); its code for anyone else. */
    public static String country(Party p) {
        if (p == null) {
            return "an unnamed side";
        }
        return switch (p) {
            case AZ -> "Azerbaijan";
            case AM -> "Armenia";
            case EU -> "the EU";
            case RU -> "Russia";
            case TR -> "Turkey";
            case IR -> "Iran";
            case US -> "the United States";
            case UN -> "the UN";
            default -> p.name();
        };
    }

    /** The adjective for a side's forces or losses ("Azerbaijani"); the country's name for anyone else. */
    public static String adjective(Party p) {
        if (p == Party.AZ) {
            return "Azerbaijani";
        }
        if (p == Party.AM) {
            return "Armenian";
        }
        return country(p);
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
            s = s.substring(0, s.length() - 1) + (r.answers() == null
                    ? "; it names no place known here and is placed in " + segment + " by the answer that names where"
                    + " it was."
                    : "; it names no single segment and is placed in " + segment + " through the claim it answers.");
        }
        return s;
    }

    /** What a denial says it answers, as its text describes it: " (answering Azerbaijan's claims about 2023-06-06)". */
    static String answered(IncidentReport r) {
        org.borderwatch.common.model.Answers a = r.answers();
        if (a == null || (a.party() == null && a.from() == null)) {
            return "";
        }
        StringBuilder sb = new StringBuilder(" (answering ");
        sb.append(a.party() == null ? "claims" : country(a.party()) + "'s claims");
        if (a.from() != null) {
            String to = a.to() == null ? day(a.from()) : day(a.to());
            sb.append(" about ").append(day(a.from()).equals(to) ? day(a.from()) : day(a.from()) + " to " + to);
        }
        if (!a.segments().isEmpty()) {
            sb.append(" in ").append(segments(a.segments()));
        }
        return sb.append(')').toString();
    }

    /**
     * "4 killed and 6 wounded on the Armenian side", "1 wounded on …", "no losses on …": the losses a statement gives;
     * figures it does not give are left out.
     */
    public static String losses(org.borderwatch.common.model.Casualties c) {
        List<String> parts = new java.util.ArrayList<>();
        if (c.killedOrZero() > 0) {
            parts.add(c.killed() + " killed");
        }
        if (c.woundedOrZero() > 0) {
            parts.add(c.wounded() + " wounded");
        }
        String side = c.party() == null ? "" : " on the " + adjective(c.party()) + " side";
        if (parts.isEmpty()) {
            return (c.killed() == null && c.wounded() == null ? "casualties" : "no losses") + side;
        }
        return String.join(" and ", parts) + side;
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
                String s = VerdictRules.ownLossesOnly(r)
                        ? who + " reported " + (r.eventTypes().contains(EventType.MINE_EXPLOSION) ? "a mine explosion"
                        : "losses of its own side") + " " + when + where(r)
                        : acting != null && acting == r.source().party() && r.source().kind() == SourceKind.PARTY_OFFICIAL
                        ? who + " reported " + what(r.eventTypes()) + " by its own forces " + when + where(r)
                        : who + " claimed " + what(r.eventTypes()) + (acting == null ? "" : " by "
                        + adjective(acting) + " forces") + " " + when + where(r);
                if (r.casualties() != null) {
                    s += ", with " + losses(r.casualties());
                }
                if (r.retaliation()) {
                    s += ", presented as retaliation";
                }
                yield s + " (published " + published + (r.revision() > 1 ? ", revision " + r.revision() + " correcting "
                        + "an earlier version" : "") + ").";
            }
            case DENIAL -> r.source().party().isBelligerent() ? who + " denied it on " + published + answered(r) + "."
                    : who + " reported a denial on " + published + answered(r) + ", but it is no side of the conflict:"
                    + " it denies nothing.";
            case REFUTATION -> r.coverage() == null
                    ? who + " said on " + published + " that it observed no such incident."
                    : who + " said on " + published + " that it observed no incidents "
                    + (r.coverage().segments().isEmpty() ? "along the border"
                    : "in " + segments(r.coverage().segments())) + " from " + day(r.coverage().from()) + " to "
                    + day(r.coverage().to()) + ".";
            case CONFIRMATION -> r.coverage() == null || r.coverage().from() == null
                    ? who + " confirmed it on " + published + (r.actingParty() == null ? ", without saying who acted."
                    : ", naming " + adjective(r.actingParty()) + " forces as acting.")
                    : who + " confirmed on " + published + " hostile action in "
                    + (r.coverage().segments().isEmpty() ? "the border area" : segments(r.coverage().segments()))
                    + (day(r.coverage().from()).equals(day(r.coverage().to())) ? " on " + day(r.coverage().from())
                    : " from " + day(r.coverage().from()) + " to " + day(r.coverage().to()))
                    + (r.actingParty() == null ? ", without saying who acted."
                    : ", naming " + adjective(r.actingParty()) + " forces as acting.");
            case UNKNOWN -> who + " published a statement on " + published + " whose stance could not be read.";
        };
        return sentence;
    }
}
