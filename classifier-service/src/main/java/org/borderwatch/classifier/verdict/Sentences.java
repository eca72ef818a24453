package org.borderwatch.classifier.verdict;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.EventType;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Location;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Source;
import org.borderwatch.common.model.SourceKind;

/** Building blocks of rationale sentences: who, when (at the border's UTC+4), where, what. */
public final class Sentences {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    private Sentences() {
    }

    public static String who(Source source) {
        return named(source.id(), source.name());
    }

    /**
     * A publisher as sentences name it: its display name (its id when it has none), made safe to print (see
     * {@link #clean}), and marked "(unregistered publisher)" when the source registry does not know it (security review
     * F2: a look-alike of a ministry's name is otherwise shown as the ministry's).
     */
    public static String named(String id, String name) {
        String shown = clean(name == null || name.isBlank() ? id : name);
        if (shown.isEmpty()) {
            shown = clean(id);
        }
        return Publishers.unregistered(id) ? shown + " (unregistered publisher)" : shown;
    }

    /** The longest partner text (a name, a place) a sentence quotes; longer is cut with "…". */
    static final int MAX_QUOTED = 200;

    /**
     * Partner free text as a sentence may carry it (security review F11): line breaks, tabs and every other control
     * character collapse into one space with the surrounding whitespace, invisible format characters (bidi overrides,
     * zero-width spaces) are removed, and it is cut at {@value #MAX_QUOTED} characters — a publisher name with "\n" can
     * no longer forge a line of the rationale, the e-mail or the CAP description.
     */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        String s = text.replaceAll("\\p{Cf}+", "").replaceAll("[\\p{Cc}\\p{Z}\\s]+", " ").strip();
        return s.length() <= MAX_QUOTED ? s : s.substring(0, MAX_QUOTED - 1).strip() + "\u2026";
    }

    /** A time as the border's clocks showed it (UTC+4, {@link BorderTime}), whatever offset it was written in. */
    public static String time(OffsetDateTime t) {
        return t == null ? "an unknown time" : TIME.format(BorderTime.local(t));
    }

    /** The border's day (UTC+4) of an instant: fire at 22:30 UTC on 16 March was on 17 March there. */
    public static String day(OffsetDateTime t) {
        return t == null ? "an unknown day" : DAY.format(BorderTime.local(t));
    }

    /**
     * An observed period in words: whole days as "on 2025-03-17" or "from 2025-03-16 to 2025-03-17"; a period of hours
     * (ingest narrows an observer's "in the evening" to 18:00-24:00) with its times, "from 2024-04-11 18:00 +04:00 to
     * 2024-04-11 23:59 +04:00" — a day alone would say the observer watched the whole day.
     */
    public static String period(OffsetDateTime from, OffsetDateTime to) {
        java.time.LocalTime start = BorderTime.local(from).toLocalTime();
        java.time.LocalTime end = BorderTime.local(to).toLocalTime();
        boolean wholeDays = start.equals(java.time.LocalTime.MIDNIGHT)
                && (end.equals(java.time.LocalTime.MIDNIGHT) || !end.isBefore(java.time.LocalTime.of(23, 59)));
        if (wholeDays) {
            return day(from).equals(day(to)) ? "on " + day(from) : "from " + day(from) + " to " + day(to);
        }
        return "from " + time(from) + " to " + time(to);
    }

    /**
     * Whether a statement gave no time of its event (precision UNKNOWN): the common contract then places it on the day
     * of its publication, and a partner's report without {@code occurredAt} stands at its publication instant. Neither
     * is a known event time, so sentences say "time not stated; published …" rather than "at …" or "from 00:00 to
     * 23:59". An UNKNOWN precision with any other interval (a period the statement names without a day or hour, as
     * our tests write them) is read as given.
     */
    public static boolean timeNotStated(IncidentReport r) {
        return timeNotStated(r.timePrecision(), r.occurredAt(), r.occurredUntil(), r.publishedAt());
    }

    /** {@link #timeNotStated(IncidentReport)} for a claim remembered after its report left the state. */
    public static boolean timeNotStated(org.borderwatch.classifier.signal.ClaimRecord c) {
        return timeNotStated(c.timePrecision(), c.occurredAt(), c.occurredUntil(), c.publishedAt());
    }

    private static boolean timeNotStated(org.borderwatch.common.model.TimePrecision precision, OffsetDateTime from,
                                         OffsetDateTime until, OffsetDateTime published) {
        if (precision != org.borderwatch.common.model.TimePrecision.UNKNOWN) {
            return false;
        }
        OffsetDateTime to = until != null ? until : from;
        if (from.isEqual(published) && to.isEqual(from)) {
            return true;
        }
        java.time.LocalDateTime start = BorderTime.local(from).toLocalDateTime();
        java.time.LocalDateTime end = BorderTime.local(to).toLocalDateTime();
        return start.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
                && start.toLocalDate().equals(BorderTime.local(published).toLocalDate())
                && end.toLocalDate().equals(start.toLocalDate())
                && !end.toLocalTime().isBefore(java.time.LocalTime.of(23, 59));
    }

    /** "at 2025-03-16 09:35 +04:00", "from … to …", or "at a time it does not state" (see {@link #timeNotStated}). */
    public static String eventTime(IncidentReport r) {
        if (timeNotStated(r)) {
            return "at a time it does not state";
        }
        OffsetDateTime to = r.occurredUntil() != null ? r.occurredUntil() : r.occurredAt();
        return r.occurredAt().equals(to) ? "at " + time(r.occurredAt())
                : "from " + time(r.occurredAt()) + " to " + time(to);
    }

    /** "about 2025-03-16 09:35 +04:00" for a claim, or "of 2025-03-16 10:20 +04:00 (time not stated)" for one without a time. */
    public static String about(IncidentReport claim) {
        return timeNotStated(claim) ? "of " + time(claim.publishedAt()) + " (time not stated)"
                : "about " + time(claim.occurredAt());
    }

    /**
     * {@link #about(IncidentReport)} for a remembered claim of a closed incident: the same words, since the record keeps
     * the claim's precision (a record from state written before it knows none and names its start, as it used to).
     */
    public static String about(org.borderwatch.classifier.signal.ClaimRecord claim) {
        return timeNotStated(claim) ? "of " + time(claim.publishedAt()) + " (time not stated)"
                : "about " + time(claim.occurredAt());
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
            case FR -> "France";
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
        sb.append(near(r.location()));
        sb.append(" (").append(segments(r.location().segments()));
        if (r.location().ambiguous()) {
            sb.append(", one of them");
        }
        return sb.append(')').toString();
    }

    /** " near Digh (Tegh)": the place as written, the gazetteer's name beside it when they differ; "" without one. */
    public static String near(Location at) {
        String settlement = at.settlement();
        if (settlement == null || settlement.isBlank()) {
            return "";
        }
        String written = written(at);
        return " near " + (written == null ? clean(settlement) : clean(written) + " (" + clean(settlement) + ")");
    }

    /** Words of a place phrase that name an area around a place, not the place itself ("Ararat region"). */
    private static final Set<String> AREA_WORDS = Set.of("region", "province", "district", "republic", "autonomous",
            "community", "corridor", "checkpoint", "border", "direction", "area", "territory", "marz", "rayon");

    /**
     * Provinces and districts on either side of the border that statements name as the area around a village, with
     * no area word ("Digh, Gorus, Lachin", "Kalbajar, Yukhari Shorja"): never taken for the village's written name.
     * Wording only — where a place lies is ingest's gazetteer's business.
     */
    private static final Set<String> AREA_NAMES = Set.of("kalbajar", "kelbajar", "lachin", "zangilan", "gubadli",
            "qubadli", "tovuz", "gazakh", "qazax", "dashkasan", "gadabay", "nakhchivan", "nakhijevan", "sharur",
            "sadarak", "ordubad", "julfa", "babek", "karabakh", "nagorno-karabakh", "syunik", "gegharkunik", "tavush",
            "ararat", "vayots dzor", "armavir");

    /**
     * The place as the statement wrote it, when that differs from the gazetteer's {@code settlement}: Azerbaijan's
     * "Digh" for the gazetteer's Tegh. Ingest's {@code text} lists the names it found as written, in the order of the
     * text, and its settlement is the first of them that is a town or village; the written name is the first name
     * that is neither the settlement's own name nor an area ("Ararat region", "Nakhchivan Autonomous Republic",
     * {@link #AREA_NAMES}) nor a phrase ("the village of …"). {@code null} — today's wording — when the text names the
     * settlement as the gazetteer does, holds no such name, or there is no settlement. The canonical report does not
     * say which of its names was the settlement's, so an area name missing from the list, written before the
     * village, would be quoted for it.
     */
    static String written(Location at) {
        String settlement = at.settlement();
        if (settlement == null || settlement.isBlank() || at.text() == null || at.text().isBlank()) {
            return null;
        }
        String wanted = settlement.strip().toLowerCase(Locale.ROOT);
        List<String> names = Arrays.stream(at.text().split("[,;]")).map(String::strip).filter(n -> !n.isEmpty())
                .toList();
        if (names.stream().anyMatch(n -> Pattern.compile("\\b" + Pattern.quote(wanted) + "\\b")
                .matcher(n.toLowerCase(Locale.ROOT)).find())) {
            return null;
        }
        return names.stream().filter(Sentences::aPlaceName).findFirst().orElse(null);
    }

    private static boolean aPlaceName(String name) {
        if (AREA_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
            return false;
        }
        String[] words = name.split("\\s+");
        if (words.length > 4) {
            return false;
        }
        for (String w : words) {
            if (AREA_WORDS.contains(w.toLowerCase(Locale.ROOT)) || !Character.isLetter(w.charAt(0))
                    || Character.isLowerCase(w.charAt(0))) {
                return false;
            }
        }
        return true;
    }

    /** One sentence saying what a statement says, and how it came to an incident in {@code segment}. */
    public static String describe(IncidentReport r, BorderSegment segment) {
        return describe(r, segment, List.of(), c -> false);
    }

    /**
     * As {@link #describe(IncidentReport, BorderSegment)}, a denial's sentence agreeing in number with the claims of
     * its incident: {@code claims} are the incident's claims, {@code answers} tells which of them the denial answers.
     * Where the incident holds at most one claim accusing the denier, the denial "denied it"; with more, it "denied
     * them" (all, or no way to tell which), "denied 2 of the 3 claims", or names the one claim it answers.
     */
    public static String describe(IncidentReport r, BorderSegment segment, List<IncidentReport> claims,
                                  Predicate<IncidentReport> answers) {
        return describe(r, segment, claims, answers, false);
    }

    /**
     * As {@link #describe(IncidentReport, BorderSegment, List, Predicate)}; {@code answeredUnknown}: the report is a
     * side's own action that names no single segment, placed in {@code segment} although the claim it answers is not
     * known here (beside another voice's claim that its side acted there at that time).
     */
    public static String describe(IncidentReport r, BorderSegment segment, List<IncidentReport> claims,
                                  Predicate<IncidentReport> answers, boolean answeredUnknown) {
        String s = describe(r, deniedObject(r, claims, answers));
        if (segment.isResolved() && (!r.location().isResolved() || r.location().ambiguous())
                && r.stance() == org.borderwatch.common.model.Stance.CLAIM) {
            s = s.substring(0, s.length() - 1) + (r.answers() == null
                    ? "; it names no place known here and is placed in " + segment + " by the answer that names where"
                    + " it was."
                    : answeredUnknown ? "; it names no single segment; the claim it answers, in " + segment
                    + ", is not known here, and it is placed there beside a claim that its side acted there at that time."
                    : "; it names no single segment and is placed in " + segment + " through the claim it answers.");
        }
        return s;
    }

    /** What a denial denies, in words agreeing with the claims it could deny: "it", "them", "2 of the 3 claims", … */
    static String deniedObject(IncidentReport denial, List<IncidentReport> claims, Predicate<IncidentReport> answers) {
        Party denier = denial.source().party();
        List<IncidentReport> accusing = claims.stream()
                .filter(c -> c.stance() == org.borderwatch.common.model.Stance.CLAIM
                        && !(c.source().party() == denier && c.source().kind() == SourceKind.PARTY_OFFICIAL)
                        && (c.actingParty() == null || c.actingParty() == denier)
                        && (denial.answers() == null || denial.answers().party() == null
                        || c.source().party() == denial.answers().party()))
                .toList();
        if (accusing.size() < 2) {
            return "it";
        }
        List<IncidentReport> answered = accusing.stream().filter(answers).toList();
        if (answered.isEmpty() || answered.size() == accusing.size()) {
            return "them";
        }
        if (answered.size() > 1) {
            // say which: "2 of the 3 claims" alone left the reader to guess (analyst's review, finding 7)
            return answered.size() + " of the " + accusing.size() + " claims (" + String.join("; ", answered.stream()
                    .map(Sentences::claimAbout).toList()) + ")";
        }
        return claimAbout(answered.get(0));
    }

    /** "Ministry of Defence of Azerbaijan's claim about 2025-03-16 09:35 +04:00 near Digh (Tegh)". */
    private static String claimAbout(IncidentReport c) {
        return who(c.source()) + "'s claim " + about(c) + near(c.location());
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

    /**
     * What an observer's confirmation with a coverage confirmed, as it states it: the event, the time it gives (a
     * precise time, or the covered day or days), the place it names and the segments. "small-arms fire at 2024-04-11
     * 11:00 +04:00 near Tegh in SYUNIK_EAST" — the whole-day coverage alone ("hostile action in SYUNIK_EAST on
     * 2024-04-11") hid the time and the place a reader needs to see which claims it fits (analyst's review, finding 2).
     * The segments are those of the place it names when it names one without ambiguity, else the ones it watched
     * (replay audit of batch 49, C1: EUMA's weekly update heard gunfire near Berkaber and watched Tavush and
     * Gegharkunik; "small-arms fire … near Berkaber in TAVUSH, GEGHARKUNIK" put the gunfire in a province where its
     * patrols saw nothing).
     */
    static String confirmed(IncidentReport r) {
        String what = what(r.eventTypes());
        boolean placed = r.location().isResolved() && !r.location().ambiguous();
        String where = near(r.location()) + " in " + (placed ? segments(r.location().segments())
                : r.coverage().segments().isEmpty() ? "the border area" : segments(r.coverage().segments()));
        if (VerdictRules.statesPreciseTime(r)) {
            String when = r.occurredAt().equals(r.occurredUntil()) ? "at " + time(r.occurredAt())
                    : "from " + time(r.occurredAt()) + " to " + time(r.occurredUntil());
            return ("an action".equals(what) ? "hostile action" : what) + " " + when + where;
        }
        return ("an action".equals(what) ? "hostile action" : what) + where
                + (day(r.coverage().from()).equals(day(r.coverage().to())) ? " on " + day(r.coverage().from())
                : " from " + day(r.coverage().from()) + " to " + day(r.coverage().to()));
    }

    /**
     * The words a claim framed as retaliation adds (staff review B9). The report's {@code retaliation} flag says that
     * the statement presents its own side's action as a response, never the act it accuses the other side of:
     * "AZ MoD claimed small-arms fire by Armenian forces …, presented as retaliation" read as if Armenia's fire had
     * been the retaliation. A self-report presents the reported action itself as retaliation; an accusation says
     * that its side responded.
     */
    static String retaliation(IncidentReport r) {
        boolean ownAction = r.actingParty() != null && r.actingParty() == speakingSide(r);
        return ownAction ? ", presenting it as retaliation" : !speaksForASide(r) ? "; " + NO_SIDES_FRAMING
                : "; it said " + sideOf(r) + " responded and presented that response as retaliation";
    }

    /**
     * The framing as told by a publisher that speaks for no side (a dataset's record, a wire of no known side): whose
     * response it tells of, the report does not say — the record of Azerbaijan's shelling of Jermuk and the record of
     * Armenian fire near Sotk both quote the Azerbaijani ministry's "response measures" (replay audit of batch 52: "ACLED
     * said its side responded", as if the dataset had a side).
     */
    private static final String NO_SIDES_FRAMING = "it reports that a side presented its action as retaliation "
            + "(the report does not say which side)";

    private static boolean speaksForASide(IncidentReport r) {
        Party side = speakingSide(r);
        return side != null && side.isBelligerent();
    }

    /**
     * Who a statement framed as retaliation says acted in response, as the opening of a sentence about the framing:
     * "AZ MoD presented its own forces' action as retaliation" or "AZ MoD said the Azerbaijani side responded and
     * presented that response as retaliation".
     */
    public static String framedAsRetaliation(IncidentReport r) {
        boolean ownAction = r.actingParty() != null && r.actingParty() == speakingSide(r);
        return who(r.source()) + (ownAction ? " presented its own forces' action as retaliation"
                : !speaksForASide(r) ? " " + NO_SIDES_FRAMING.replaceFirst("^it reports", "reported")
                : " said " + sideOf(r) + " responded and presented that response as retaliation");
    }

    private static String sideOf(IncidentReport r) {
        return "the " + adjective(speakingSide(r)) + " side";
    }

    /**
     * Whose word a claim is (as {@code RetaliationDetector.side}, ninth round): a side's media naming its own side as
     * acting relays the other side's accusation — news.am quoting Baku that Armenian units fired and "retaliatory
     * measures were taken" tells of Azerbaijan's response.
     */
    private static Party speakingSide(IncidentReport r) {
        Party p = r.source().party();
        return r.source().kind() == SourceKind.MEDIA && p != null && p.isBelligerent() && r.actingParty() == p
                ? p.opponent() : p;
    }

    /** One sentence saying what a statement says. */
    public static String describe(IncidentReport r) {
        return describe(r, "it");
    }

    /**
     * The sentence of a statement assessed alone beside the remembered claims it answers: a denial of several of them
     * "denied them" (thirteenth round: it read "denied it" whatever their number).
     */
    public static String describeAnswering(IncidentReport r, long deniedClaims) {
        return describe(r, deniedClaims > 1 ? "them" : "it");
    }

    private static String describe(IncidentReport r, String denied) {
        String who = who(r.source());
        String published = time(r.publishedAt());
        String sentence = switch (r.stance()) {
            case CLAIM -> {
                Party acting = r.actingParty();
                // a statement that gave no time says so: its publication instant (or day) is no known event time
                boolean unstated = timeNotStated(r);
                String when = unstated ? "" : " " + eventTime(r);
                String s = VerdictRules.ownLossesOnly(r)
                        ? who + " reported " + (r.eventTypes().contains(EventType.MINE_EXPLOSION) ? "a mine explosion"
                        : "losses of its own side") + when + where(r)
                        : acting != null && acting == r.source().party() && r.source().kind() == SourceKind.PARTY_OFFICIAL
                        ? who + " reported " + what(r.eventTypes()) + " by its own forces" + when + where(r)
                        // a dataset records what the sides said; it claims nothing (replay audit of batch 52)
                        : who + (r.source().kind() == SourceKind.DATASET ? " recorded " : " claimed ")
                        + what(r.eventTypes()) + (acting == null ? "" : " by "
                        + adjective(acting) + " forces") + when + where(r);
                if (r.casualties() != null) {
                    s += ", with " + losses(r.casualties());
                }
                if (r.retaliation()) {
                    s += retaliation(r);
                }
                yield s + (unstated ? " (time not stated; published " : " (published ") + published
                        + (r.revision() > 1 ? ", revision " + r.revision() + " correcting "
                        + "an earlier version" : "") + ").";
            }
            case DENIAL -> r.source().party().isBelligerent() ? who + " denied " + denied + " on " + published + answered(r) + "."
                    : who + " reported a denial on " + published + answered(r) + ", but it is no side of the conflict:"
                    + " it denies nothing.";
            case REFUTATION -> r.coverage() == null
                    ? who + " said on " + published + " that it observed no such incident."
                    : who + " said on " + published + " that it observed no incidents "
                    + (r.coverage().segments().isEmpty() ? "along the border"
                    : "in " + segments(r.coverage().segments())) + " " + period(r.coverage().from(), r.coverage().to())
                    + ".";
            case CONFIRMATION -> r.coverage() == null || r.coverage().from() == null
                    ? who + " confirmed it on " + published + (r.actingParty() == null ? ", without saying who acted."
                    : ", naming " + adjective(r.actingParty()) + " forces as acting.")
                    : who + " confirmed on " + published + " " + confirmed(r)
                    + (r.actingParty() == null ? ", without saying who acted."
                    : ", naming " + adjective(r.actingParty()) + " forces as acting.");
            case UNKNOWN -> who + " published a statement on " + published + " whose stance could not be read.";
        };
        if (r.revision() > 1 && r.stance() != org.borderwatch.common.model.Stance.CLAIM) {
            // eleventh round: an observer's or a side's corrected statement says it is one, as a corrected claim does
            sentence = sentence.substring(0, sentence.length() - 1) + " (revision " + r.revision()
                    + " correcting an earlier version).";
        }
        return sentence;
    }
}
