package org.borderwatch.classifier.signal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.borderwatch.classifier.verdict.Sentences;
import org.borderwatch.classifier.verdict.VerdictRules;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.EventType;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Signal;
import org.borderwatch.common.model.SignalType;
import org.borderwatch.common.model.SourceKind;

/**
 * RETALIATION_CYCLE, on the incident holding the answer:
 * <ul>
 *   <li>one of its claims is framed as retaliation (the statement presents its own side's action as a response —
 *       never the act it accuses the other side of). The contract raises the signal on the framing alone; the
 *       rationale says whose response it is, and either the cycle that stands behind it or that it is raised by the
 *       framing alone; or</li>
 *   <li>one of its claims (an accusation or a self-reported action) by one side follows, within
 *       {@code retaliationWindow}, a claim by the other side in the same or a neighbouring segment. "Follows" means
 *       later in event time and not published before it: an answer comes after what it answers. A re-telling of an
 *       event (its side's later claim about the same segment and overlapping time: a casualty update) counts from
 *       the first telling.</li>
 *   <li>Two accounts of one exchange are no cycle: the other side's claim must have ended before this one began.
 *       Each side blaming the other for fire "between 21:00 and 21:40" and "at 21:15" is a mutual accusation (the
 *       same event time), not an answer; so are two claims of one incident that name the same place or no place
 *       (fire near Sotk "at 18:00" and, in the denial answering it, "at 18:10": {@link #oneExchange}).
 *       </li>
 *   <li>A summary of a period (a claim longer than {@code classifier.correlation.max-joining-span}: "over the past
 *       week") takes no part in a cycle by event time, neither as the claim answered nor as the answer: it says
 *       nothing of when within its period anything happened (a summary framed as retaliation still is one).</li>
 *   <li>Only an accusation or a side's report of its own hostile action takes part in a cycle, as the claim answered
 *       or as the answer ({@link #takesPart}): a report naming no acting side (a mine explosion), a side's report of
 *       nothing but its own losses or a mine, and a side's report of its own non-hostile action (fortifying posts,
 *       an exercise, a warning) answer nothing and are answered by nothing — unless framed as retaliation.</li>
 * </ul>
 */
public final class RetaliationDetector implements SignalDetector {

    @Override
    public SignalType type() {
        return SignalType.RETALIATION_CYCLE;
    }

    @Override
    public Optional<Signal> detect(IncidentFacts incident, SignalContext context) {
        Optional<Signal> cycle = cycle(incident, context);
        for (IncidentReport c : incident.claims()) {
            if (c.retaliation()) {
                // staff review B9: the framing is the reporting side's word about its own response; say whose, and
                // say when no claim of the other side stands behind it (the contract raises the signal on the framing)
                String framing = Sentences.framedAsRetaliation(c) + " (statement of " + Sentences.time(c.publishedAt())
                        + ").";
                if (cycle.isPresent()) {
                    List<java.util.UUID> ids = new java.util.ArrayList<>(cycle.get().reportIds());
                    if (!ids.contains(c.reportId())) {
                        ids.add(c.reportId());
                    }
                    return Optional.of(new Signal(type(), ids, framing + " " + cycle.get().rationale()));
                }
                return Optional.of(new Signal(type(), List.of(c.reportId()), framing + " Raised by this framing alone: "
                        + "no claim by the other side in this or a neighbouring segment precedes it within "
                        + context.thresholds().retaliationWindow().toHours() + " hours."));
            }
        }
        return cycle;
    }

    /**
     * A report assessed alone: the framing is its own word, so the signal fires on it as the contract says; the cycle
     * needs other claims, and none is compared with a report assessed alone, so the sentence says that instead.
     */
    @Override
    public Optional<Signal> detectAlone(IncidentFacts report, SignalContext context) {
        return report.claims().stream().filter(IncidentReport::retaliation).findFirst()
                .map(c -> new Signal(type(), List.of(c.reportId()), Sentences.framedAsRetaliation(c)
                        + " (statement of " + Sentences.time(c.publishedAt()) + "). Raised by this framing alone: "
                        + "the report is assessed alone, so no claim of the other side is compared with it."));
    }

    /** A claim by one side following the other side's claim (the cycle without a framing). */
    private Optional<Signal> cycle(IncidentFacts incident, SignalContext context) {
        Duration window = context.thresholds().retaliationWindow();
        Set<BorderSegment> around = context.neighbours().around(incident.segment());
        for (IncidentReport c : incident.claims()) {
            Party side = side(c);
            if (!side.isBelligerent() || !takesPart(c) || context.longSpan(c.occurredAt(), c.occurredUntil())) {
                continue;
            }
            OffsetDateTime told = firstTold(c, side, incident.segment(), context);
            for (ClaimRecord h : context.claimsBetween(c.occurredAt().minus(window), c.occurredAt())) {
                if (h.speakingSide() != side.opponent() || h.reportId().equals(c.reportId()) || !h.inCycle()
                        || context.longSpan(h.occurredAt(), h.occurredUntil())
                        || h.segments().stream().noneMatch(around::contains)
                        || h.publishedAt().isAfter(told) || !h.occurredUntil().isBefore(c.occurredAt())
                        || sameExchange(incident, h, c)) {
                    continue;
                }
                return Optional.of(new Signal(type(), List.of(h.reportId(), c.reportId()),
                        h.who() + "'s claim " + Sentences.about(h) + " in "
                                + Sentences.segments(h.segments()) + " was followed within " + window.toHours()
                                + " hours by " + Sentences.who(c.source()) + "'s claim " + Sentences.about(c)
                                + " in " + incident.segment() + "."));
            }
        }
        return Optional.empty();
    }

    /** A side's own acts that are not hostile: digging in, massing, warning, a mine going off. */
    private static final Set<EventType> NOT_HOSTILE = Set.of(EventType.ENGINEERING_WORK, EventType.BUILDUP,
            EventType.THREAT, EventType.MINE_EXPLOSION);

    /**
     * Whether a report can take part in a retaliation cycle, as the claim answered or as the answer (h46 replay: an
     * AZERTAC report of a mine explosion naming no one "answered" Armenia's claim of the day before, and so did the
     * Azerbaijani border service's report of fortifying its posts). It takes part when it
     * <ul>
     *   <li>is framed as retaliation (its own words make it one), or</li>
     *   <li>accuses a side: its acting party is a side other than the one whose word it is ({@link #side}) — whatever
     *       the act, an accusation of engineering work or a buildup is a claim against the other side, as the
     *       contract's "the other side's claim" reads; or</li>
     *   <li>is a side's report of its own <em>hostile</em> action: fire, a strike, an incursion, a detention, a
     *       blockade, an unnamed action (OTHER), or casualties inflicted on the other side — not a report of nothing
     *       but its own losses or a mine ({@link VerdictRules#ownLossesOnly}), and not one of nothing but engineering
     *       work, a buildup or a threat.</li>
     * </ul>
     * A report naming no acting side, or a third party or an unknown actor, accuses no side and takes no part.
     */
    public static boolean takesPart(IncidentReport c) {
        if (c.retaliation()) {
            return true;
        }
        Party acting = c.actingParty();
        if (acting == null || !acting.isBelligerent()) {
            return false;
        }
        Party side = side(c);
        if (acting != side) {
            return true;
        }
        if (VerdictRules.ownLossesOnly(c)) {
            return false;
        }
        return c.eventTypes().stream().anyMatch(t -> t == EventType.CASUALTY
                ? c.casualties() != null && c.casualties().party() == side.opponent()
                : !NOT_HOSTILE.contains(t));
    }

    /**
     * Whether a claim tells of hostile action at all — what SPREAD and QUIET_BROKEN count as an incident (h46 replay:
     * an AZERTAC report of a tractor on a mine, naming no one, and the Azerbaijani border service's report of
     * fortifying its own posts made two of the four segments of a SPREAD; a mine of the first war is "not a ceasefire
     * violation", and digging in on one's own side is no clash). It does when it takes part in a retaliation cycle
     * ({@link #takesPart}: an accusation of a side, a side's own hostile action, a statement framed as retaliation), or
     * when it names no side as acting but tells of fire, a strike, an incursion, a detention or a blockade (shots at
     * Armenian positions "from the other side", unidentified gunmen). It does not when it tells of nothing but a mine,
     * losses, engineering work, a buildup, a threat or an unnamed act, by no one named or by the reporting side itself.
     * An independent observer's or a third party's confirmation (replay audit C6: counted where no claim is) is no
     * side's accusation: it tells of hostile action when the act it saw is fire, a strike, an incursion, a detention or
     * a blockade, whoever it names as acting — EUMA watching Azerbaijani servicemen dig positions is no hostile act.
     */
    public static boolean toldHostileAct(IncidentReport c) {
        // replay audit of batch 52 (c21): a record by a publisher that is no side — a dataset's row, a wire or a third
        // party of no side — naming a side as acting accuses no one either: ACLED's rows of Armenian units handing over
        // four posts near Voskepar, or of the delimitation commissions' agreement "by" Armenia, counted as hostile
        // incidents in Tavush. As an observer's confirmation, the act it tells of decides (unless framed as retaliation)
        if (c.stance() == org.borderwatch.common.model.Stance.CONFIRMATION
                || (!c.retaliation() && !side(c).isBelligerent())) {
            return c.eventTypes().stream()
                    .anyMatch(t -> t != EventType.CASUALTY && t != EventType.OTHER && !NOT_HOSTILE.contains(t));
        }
        if (takesPart(c)) {
            return true;
        }
        Party acting = c.actingParty();
        if (acting != null && acting.isBelligerent()) {
            return false; // a side's own non-hostile act, its own losses or a mine (takesPart said no)
        }
        return c.eventTypes().stream()
                .anyMatch(t -> t != EventType.CASUALTY && t != EventType.OTHER && !NOT_HOSTILE.contains(t));
    }

    /**
     * The side whose word a claim is (ninth round). A side's media relaying the other side's accusation — news.am
     * quoting Azerbaijan's Defence Ministry that Armenian units fired from Khnatsakh — names the outlet's own side as
     * acting (ingest reads the relay as the outlet's claim): it is Azerbaijan's word, and it used to "follow"
     * Azerbaijan's own morning claim as Armenia's answer, a RETALIATION_CYCLE made of one side's statements. Media
     * never speak for a side's action (as in {@code VerdictRules.isSelfReport}).
     */
    public static Party side(IncidentReport c) {
        Party p = c.source().party();
        return c.source().kind() == SourceKind.MEDIA && p.isBelligerent() && c.actingParty() == p ? p.opponent() : p;
    }

    /**
     * The other side's claim is one of this incident's and tells the same exchange as this one (the same place, or
     * no place named, within the incident's session: fire near Sotk "at 18:00" and, in the denial that answers it,
     * "at 18:10"): an account of one exchange, not an answer to it.
     */
    private static boolean sameExchange(IncidentFacts incident, ClaimRecord h, IncidentReport c) {
        return incident.claims().stream().anyMatch(m -> m.reportId().equals(h.reportId()) && oneExchange(m, c));
    }

    /**
     * Whether two claims of one incident (one session of a segment) are accounts of one exchange: their event-time
     * intervals overlap, or they do not name different places (sixth round: Azerbaijan's fire "from Sotk at 18:00"
     * and Armenia's denial accusing Azerbaijani units of fire "near Sotk at 18:10" are one exchange; a counter-claim
     * naming another village can be another event, and still follows). Different names are no proof of different
     * events — each side names its own places (Kut and "Vardenis region" for one shelling) — so this only ever removes
     * a cycle; the verdict's "both sides report hostile action" reads the whole session.
     */
    static boolean oneExchange(IncidentReport a, IncidentReport b) {
        if (!a.occurredAt().isAfter(b.occurredUntil()) && !a.occurredUntil().isBefore(b.occurredAt())) {
            return true;
        }
        String pa = a.location().settlement();
        String pb = b.location().settlement();
        return pa == null || pb == null || pa.isBlank() || pb.isBlank() || pa.strip().equalsIgnoreCase(pb.strip());
    }

    /**
     * When the side first told of the claim's event: the earliest publication among its side's claims about the
     * same segment whose event-time intervals overlap the claim's (a casualty update or a fuller account re-tells an
     * event; it does not answer a claim the other side published after the first telling) — not counting summaries of
     * a period nor statements published before the claim's event began, which cannot have told of it.
     */
    static OffsetDateTime firstTold(IncidentReport c, Party side, BorderSegment segment, SignalContext context) {
        OffsetDateTime told = c.publishedAt();
        for (ClaimRecord r : context.allClaims()) {
            // eleventh round: a summary of a period ("since 1 April … nine times", published that morning) is no
            // telling of the evening's claim, and no statement published before an event began tells of it
            if (r.speakingSide() == side && r.segments().contains(segment) && !r.occurredAt().isAfter(c.occurredUntil())
                    && !r.occurredUntil().isBefore(c.occurredAt()) && r.publishedAt().isBefore(told)
                    && !r.publishedAt().isBefore(c.occurredAt()) && !context.longSpan(r.occurredAt(), r.occurredUntil())) {
                told = r.publishedAt();
            }
        }
        return told;
    }
}
