package org.borderwatch.classifier.engine;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.borderwatch.classifier.correlation.AnswerMatcher;
import org.borderwatch.classifier.correlation.IncidentState;
import org.borderwatch.classifier.correlation.Membership;
import org.borderwatch.classifier.correlation.ReportKinds;
import org.borderwatch.classifier.signal.ClaimRecord;
import org.borderwatch.classifier.signal.RetaliationDetector;
import org.borderwatch.classifier.verdict.Sentences;
import org.borderwatch.classifier.verdict.VerdictRules;
import org.borderwatch.common.Uuids;
import org.borderwatch.common.model.Answers;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.Attribution;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.SourceKind;
import org.borderwatch.common.model.Stance;
import org.borderwatch.common.model.TimePrecision;

/**
 * Places reports into incidents: by time within a segment, by the claims a response answers, or alone; merges the
 * incidents a report bridges, lets a waiting response find its claim, and takes a corrected report out of (or
 * corrects it in) the incidents it was part of. Works on the engine's {@link EngineState}; the final versions of
 * incidents that merge or dissolve are built by the {@link Assessor}.
 */
final class Correlator {

    static final String MERGED = "Merged into incident ";
    static final String DISSOLVED = "Dissolved: ";

    private final ClassifierSettings settings;
    private final EngineState state;
    private final Assessor assessor;
    /** Versions of incidents dissolved while the current report was processed; never outlives one process call. */
    private final Map<UUID, Long> dissolvedVersions = new LinkedHashMap<>();
    /**
     * Closed incidents (kept for the grace after their closure) that the current report changed: it joined one by
     * time or by its answers, left one, or covers one of its claims. They get a corrected final version.
     */
    private final Set<UUID> touchedClosed = new java.util.LinkedHashSet<>();

    Correlator(ClassifierSettings settings, EngineState state, Assessor assessor) {
        this.settings = settings;
        this.state = state;
        this.assessor = assessor;
    }

    /** Forgets the incidents dissolved by the previous report. */
    void beginReport() {
        dissolvedVersions.clear();
        touchedClosed.clear();
    }

    /** The closed incidents the current report changed, in creation order. */
    List<IncidentState> touchedClosed() {
        return state.closed.stream().filter(i -> touchedClosed.contains(i.id))
                .sorted(Comparator.comparingLong(i -> i.seq)).toList();
    }

    /** Open incidents, then the closed ones still kept: everything a late report within grace may belong to. */
    private List<IncidentState> known() {
        List<IncidentState> all = new ArrayList<>(state.incidents);
        all.addAll(state.closed);
        return all;
    }

    private void changed(IncidentState inc) {
        if (inc.closedAt != null) {
            touchedClosed.add(inc.id);
        }
    }

    /**
     * Open incidents that the current report's correction emptied and formed again under the same id: they were
     * never really closed.
     */
    Set<UUID> reformed() {
        Set<UUID> reformed = new HashSet<>();
        state.incidents.forEach(i -> {
            if (dissolvedVersions.containsKey(i.id)) {
                reformed.add(i.id);
            }
        });
        return reformed;
    }

    /**
     * Places a report that is new (or a correction withdrawn before); returns the final versions of the incidents it
     * merged or dissolved, or the closed assessment of an answer to a closed incident's claim.
     */
    List<Assessment> place(IncidentReport r) {
        List<Assessment> out = new ArrayList<>();
        UUID id = r.reportId();
        if (ReportKinds.isMilestone(r)) {
            state.milestones.add(id);
            return out;
        }
        boolean coverage = ReportKinds.isCoverage(r);
        if (coverage) {
            state.observations.add(id);
            coverClosed(r);
            if (r.answers() == null) {
                List<ClaimRecord> evicted = coveredEvictedClaims(r);
                out.addAll(answerEvicted(r, evicted));
                if (evicted.isEmpty()) {
                    out.addAll(confirmedAlone(r));
                }
                return out;
            }
        }
        if (r.stance() == Stance.CLAIM) {
            if (ReportKinds.isPlaceable(r)) {
                r.location().segments().forEach(s -> out.addAll(placeByTime(r, s, r.occurredAt(), r.occurredUntil())));
            } else {
                List<BorderSegment> through = r.answers() == null ? List.of()
                        : matching(r).stream().filter(i -> !i.alone).map(i -> i.segment).distinct().toList();
                if (through.isEmpty()) {
                    through = placedByWaitingAnswer(r);
                }
                if (through.isEmpty()) {
                    through = placedAsAccusedRetaliation(r);
                }
                if (through.isEmpty()) {
                    alone(r, r.occurredAt(), r.occurredUntil());
                } else {
                    through.forEach(s -> out.addAll(placeByTime(r, s, r.occurredAt(), r.occurredUntil())));
                }
            }
            recordClaim(r);
            out.addAll(adoptPending(r));
            answerLaterClaim(r);
            return out;
        }
        if (r.answers() != null && ReportKinds.isResponse(r)) {
            List<IncidentState> matched = matchingPlaced(r);
            if (matched.isEmpty()) {
                List<IncidentState> unplaced = matchingUnplaced(r);
                BorderSegment named = namedSegment(r);
                if (!unplaced.isEmpty() && named != null) {
                    for (IncidentState inc : unplaced) {
                        for (Membership m : List.copyOf(inc.members)) {
                            IncidentReport claim = state.reports.get(m.reportId());
                            if (claim != null && answersUnplaced(r, claim, inc)) {
                                out.addAll(relocate(claim, named));
                            }
                        }
                    }
                    matched = matchingPlaced(r);
                } else {
                    matched = unplaced;
                }
            }
            if (!matched.isEmpty()) {
                matched.forEach(i -> join(i, r));
                return out;
            }
            if (coverage) {
                // an observation that answers no claim held still covers those whose incidents were evicted
                List<ClaimRecord> evicted = new ArrayList<>(answeredClosedClaims(r).stream()
                        .filter(c -> known().stream().noneMatch(i -> i.has(c.reportId()))).toList());
                coveredEvictedClaims(r).stream().filter(c -> !evicted.contains(c)).forEach(evicted::add);
                evicted.sort(Comparator.comparing(ClaimRecord::occurredAt).thenComparing(ClaimRecord::reportId));
                out.addAll(answerEvicted(r, evicted));
                if (evicted.isEmpty()) {
                    out.addAll(confirmedAlone(r));
                }
                return out;
            }
            List<ClaimRecord> closedClaims = answeredClosedClaims(r);
            if (!closedClaims.isEmpty()) {
                out.addAll(answerEvicted(r, closedClaims));
                return out;
            }
            state.pending.add(id);
            OffsetDateTime from = r.answers().from() != null ? r.answers().from() : r.occurredAt();
            OffsetDateTime to = r.answers().from() != null ? AnswerMatcher.effectiveTo(r.answers()) : r.occurredUntil();
            if (ReportKinds.isPlaceable(r)) {
                r.location().segments().forEach(s -> out.addAll(placeByTime(r, s, from, to, true)));
            } else {
                alone(r, from, to);
            }
            return out;
        }
        if (ReportKinds.isPlaceable(r)) {
            r.location().segments().forEach(s -> out.addAll(placeByTime(r, s, r.occurredAt(), r.occurredUntil())));
        } else {
            alone(r, r.occurredAt(), r.occurredUntil());
        }
        return out;
    }

    /**
     * An independent observer's or a third party's confirmation with a coverage that confirms no claim known in a
     * segment it places its event in (replay audit of batch 48, C6: EUMA heard a single shot near Yeraskh and no claim
     * told of it) is placed there by its own time, like any statement: it opens an incident of its own (CONFIRMED by
     * its word) or joins one by time. A claim it covers that arrives later joins that incident ({@link
     * #confirmedAloneCovers}). A refutation, a confirmation by a side, one naming no single segment (ambiguous or
     * unresolved), one without a stated time or one of a period longer than {@code max-joining-span} stays a member of
     * nothing, as before: it applies to the claims it covers only.
     */
    private List<Assessment> confirmedAlone(IncidentReport r) {
        List<Assessment> out = new ArrayList<>();
        if (!standsForItself(r)) {
            return out;
        }
        for (BorderSegment s : r.location().segments()) {
            boolean confirmsAClaim = known().stream().anyMatch(i -> !i.alone && i.segment == s && !i.has(r.reportId())
                    && assessor.applies(r, i));
            if (!confirmsAClaim) {
                out.addAll(placeByTime(r, s, r.occurredAt(), r.occurredUntil()));
            }
        }
        return out;
    }

    private boolean standsForItself(IncidentReport r) {
        return r.stance() == Stance.CONFIRMATION && VerdictRules.isIndependent(r.source())
                && ReportKinds.isPlaceable(r) && r.timePrecision() != TimePrecision.UNKNOWN
                && !longSpan(r.occurredAt(), r.occurredUntil());
    }

    /**
     * Whether an incident holding no claim, only the confirmations that stood for themselves ({@link
     * #confirmedAlone}), is the one a claim joins: one of its confirmations covers the claim and fits its time. Placed
     * by time the claim would join it within the session gap anyway; this keeps a claim that such a confirmation
     * confirms (its coverage and a day's time hold it, the gap does not) from opening a second incident of the same
     * event.
     */
    private boolean confirmedAloneCovers(IncidentState inc, IncidentReport claim, OffsetDateTime from,
                                         OffsetDateTime to) {
        if (claim.stance() != Stance.CLAIM || inc.members.isEmpty() || longSpan(from, to)) {
            return false;
        }
        List<IncidentReport> members = inc.members.stream().map(m -> state.reports.get(m.reportId())).toList();
        return members.stream().allMatch(m -> m != null && ReportKinds.isCoverage(m) && standsForItself(m))
                && members.stream().anyMatch(m -> VerdictRules.coversClaim(m, inc.segment, claim)
                && confirmationFits(m, from, to));
    }

    /**
     * Whether a placeable report would join by its event time a session still held in one of its segments — an open
     * one, or a closed one kept for the grace after its closure — as {@link #placeByTime} would place it. A
     * retrospective claim (replay audit C5) that does is placed as usual: it re-tells an incident still known, which it
     * updates (a corrected final version when that incident has closed), rather than standing apart beside it.
     */
    boolean joinsHeldByTime(IncidentReport r) {
        if (!ReportKinds.isPlaceable(r)) {
            return false;
        }
        OffsetDateTime from = r.occurredAt();
        OffsetDateTime to = r.occurredUntil();
        return r.location().segments().stream().anyMatch(s -> state.incidents.stream()
                .anyMatch(i -> !i.alone && i.segment == s
                        && (joinsByTime(i, from, to) && !waitsForEarlierEvents(i, r)
                        || confirmedAloneCovers(i, r, from, to)))
                || state.closed.stream().anyMatch(i -> !i.alone && i.segment == s && joinsByTime(i, from, to)
                        && !waitsForEarlierEvents(i, r)));
    }

    /** An observer's coverage applies to the claims of closed incidents too: those it covers get a corrected version. */
    private void coverClosed(IncidentReport observation) {
        for (IncidentState inc : state.closed) {
            if (assessor.applies(observation, inc)) {
                touchedClosed.add(inc.id);
            }
        }
    }

    /**
     * Open incidents holding a claim that the report's answers describe — also a lone claim's (an ambiguous "Nakhchivan
     * direction" claim denied in the same words: the denial joins it by its answer, it is never joined by time).
     */
    private List<IncidentState> matching(IncidentReport r) {
        List<IncidentState> placed = matchingPlaced(r);
        return placed.isEmpty() ? matchingUnplaced(r) : placed;
    }

    /**
     * Incidents holding a claim the response answers where it stands (see {@link #matching}): open ones and the closed
     * ones still kept (a late answer within grace corrects the closed incident's final version).
     */
    private List<IncidentState> matchingPlaced(IncidentReport r) {
        List<IncidentState> result = new ArrayList<>();
        List<IncidentState> atItsPlace = new ArrayList<>();
        // as for claims whose incidents were evicted, only an answer naming its period or citing its claims is matched
        // to a closed incident: an undated denial speaks of something recent
        boolean dated = r.answers() != null && (r.answers().from() != null || !r.answers().refs().isEmpty());
        for (IncidentState inc : dated ? known() : state.incidents) {
            boolean matched = false;
            boolean samePlace = false;
            for (Membership m : inc.members) {
                IncidentReport claim = state.reports.get(m.reportId());
                if (claim != null && answersIn(r, claim, inc)) {
                    matched = true;
                    samePlace |= AnswerMatcher.namesSettlementOf(r, claim);
                }
            }
            if (matched) {
                result.add(inc);
                if (samePlace) {
                    atItsPlace.add(inc);
                }
            }
        }
        // a response naming its place answers the claims about that place, not every claim of the day in the segment
        // — in that segment: a denial of "fire from Khoznavar and Norabak" whose settlement is Khoznavar still answers
        // the Norabak claim of the other segment it names, where no claim names Khoznavar (eleventh round)
        return result.stream().filter(i -> atItsPlace.contains(i)
                || atItsPlace.stream().noneMatch(p -> p.segment == i.segment)).toList();
    }

    /** Lone incidents holding a claim whose text names no place that the response answers ({@link #answersUnplaced}). */
    private List<IncidentState> matchingUnplaced(IncidentReport r) {
        return state.incidents.stream().filter(inc -> inc.members.stream().map(m -> state.reports.get(m.reportId()))
                .anyMatch(claim -> claim != null && answersUnplaced(r, claim, inc))).toList();
    }

    /** The one segment a response's answers name, or null (none, several, or unresolved). */
    private static BorderSegment namedSegment(IncidentReport response) {
        List<BorderSegment> named = response.answers() == null ? List.of() : response.answers().segments();
        return named.size() == 1 && named.get(0).isResolved() ? named.get(0) : null;
    }

    /**
     * The segment a claim that names no place is placed in by a waiting response that answers it and names one
     * segment ("the report that Armenian units fired from Vorotan village of the Goris community on 9 January is
     * false", published before the claim): the accused side says where the claimed fire was.
     */
    private List<BorderSegment> placedByWaitingAnswer(IncidentReport claim) {
        if (claim.location().ambiguous() || claim.location().segments().stream().anyMatch(BorderSegment::isResolved)) {
            return List.of();
        }
        List<BorderSegment> named = state.pending.stream().map(state.reports::get)
                .filter(p -> p != null && ReportKinds.isResponse(p) && namedSegment(p) != null
                        && answersUnplaced(p, claim))
                .map(Correlator::namedSegment).distinct().toList();
        return named.size() == 1 ? named : List.of(); // answers naming different segments place it nowhere
    }

    /**
     * The segment of a side's own action framed as retaliation that names no place of its own, when the claim it
     * answers is not known: the one segment its answer names ("in response to the provocation on the Zangilan section
     * yesterday, our units carried out a retaliatory operation at dawn today"), provided a claim of another voice
     * already stands there at the action's own time accusing that side of hostile action (a claim that its forces
     * opened fire near Nerkin Hand at 05:45 that morning). The contract lands such an action in the answered claim's
     * segment and then by its own time; with the answered claim missing, the other side's account of the same side's
     * action there and then is what places it — otherwise it still stays alone, nothing is guessed.
     */
    private List<BorderSegment> placedAsAccusedRetaliation(IncidentReport claim) {
        BorderSegment named = namedSegment(claim);
        Party side = claim.actingParty();
        if (named == null || !claim.retaliation() || side == null || !side.isBelligerent()
                || side != claim.source().party()
                || (claim.location().ambiguous() && !claim.location().segments().contains(named))) {
            return List.of();
        }
        boolean accusedThere = state.incidents.stream()
                .filter(i -> !i.alone && i.segment == named && joinsByTime(i, claim.occurredAt(), claim.occurredUntil()))
                .anyMatch(i -> i.members.stream().map(m -> state.reports.get(m.reportId()))
                        .anyMatch(c -> c != null && c.stance() == Stance.CLAIM && c.actingParty() == side
                                && c.source().party() != side && RetaliationDetector.toldHostileAct(c)));
        return accusedThere ? List.of(named) : List.of();
    }

    /**
     * Moves a lone claim that names no place into the segment its answer names: it leaves its lone incident (which
     * dissolves) and joins by its own time there; its remembered record takes the segment (for the surge and
     * retaliation detectors).
     */
    private List<Assessment> relocate(IncidentReport claim, BorderSegment segment) {
        List<Assessment> out = new ArrayList<>(removeMemberships(claim.reportId(), "its claim was placed in " + segment
                + " by the answer that names where it was", List.of()));
        out.addAll(placeByTime(claim, segment, claim.occurredAt(), claim.occurredUntil()));
        state.claims.values().forEach(list -> list.replaceAll(c -> c.reportId().equals(claim.reportId())
                ? c.withSegments(List.of(segment)) : c));
        return out;
    }

    /**
     * Whether the response answers a lone claim whose text names no segment at all (fire "from the area of Vorotan
     * village", a name the gazetteer does not know), the response naming a segment ("from Vorotan village of the Goris
     * community ... is false"): it fits the claim in every part the text gives but the place, and it names the period
     * it answers. Used only when the response answers no placed claim (sixth round: the denial waited for a claim "not
     * known (yet)" beside the lone claim it answered). A response naming one segment places the claim there
     * ({@link #relocate}, {@link #placedByWaitingAnswer}); one naming several joins it where it stands.
     */
    private boolean answersUnplaced(IncidentReport response, IncidentReport claim, IncidentState inc) {
        return inc.alone && answersUnplaced(response, claim);
    }

    private boolean answersUnplaced(IncidentReport response, IncidentReport claim) {
        if (response.answers() == null || !answersSpanOf(response, claim.occurredAt(), claim.occurredUntil())
                || !confirmationFits(response, claim.occurredAt(), claim.occurredUntil())
                || response.answers().from() == null
                || !response.answers().refs().isEmpty() || claim.location().ambiguous()
                || claim.location().segments().stream().anyMatch(BorderSegment::isResolved)) {
            return false;
        }
        return response.answers().segments().stream().anyMatch(s -> AnswerMatcher.answers(response, claim, s));
    }

    /** Whether the response answers the claim where it stands: a lone claim by the segments its text names. */
    private boolean answersIn(IncidentReport response, IncidentReport claim, IncidentState inc) {
        if (!answersSpanOf(response, claim.occurredAt(), claim.occurredUntil()) || !confirmationFits(response,
                claim.occurredAt(), claim.occurredUntil())) {
            return false;
        }
        if (!inc.alone) {
            return AnswerMatcher.answers(response, claim, inc.segment);
        }
        return AnswerMatcher.answers(response, claim, BorderSegment.UNRESOLVED) || claim.location().segments()
                .stream().anyMatch(s -> s.isResolved() && AnswerMatcher.answers(response, claim, s));
    }

    private void join(IncidentState inc, IncidentReport r) {
        if (!inc.has(r.reportId())) {
            inc.members.add(new Membership(r.reportId(), false, r.occurredAt(), r.occurredUntil()));
        }
        touch(inc, r);
        changed(inc);
    }

    private static void touch(IncidentState inc, IncidentReport r) {
        if (inc.lastPublished == null || r.publishedAt().isAfter(inc.lastPublished)) {
            inc.lastPublished = r.publishedAt();
        }
    }

    private List<Assessment> placeByTime(IncidentReport r, BorderSegment segment, OffsetDateTime from,
                                         OffsetDateTime to) {
        return placeByTime(r, segment, from, to, false);
    }

    /**
     * @param waiting the report is a response whose claim is not known yet, standing at the period it answers: it
     *                waits beside other waiting responses only. Joining an incident of known claims by time would
     *                stretch that incident's window over the answered period, and the claim it waits for would then
     *                fall into an incident it is more than a session gap away from (a denial of the next day's drone
     *                strike, published before Azerbaijan's claim, pulled the claim into the previous day's shelling).
     */
    private List<Assessment> placeByTime(IncidentReport r, BorderSegment segment, OffsetDateTime from,
                                         OffsetDateTime to, boolean waiting) {
        Duration gap = settings.sessionGap();
        List<IncidentState> near = state.incidents.stream()
                .filter(i -> !i.alone && i.segment == segment)
                .filter(i -> waiting
                        ? i.members.stream().allMatch(m -> state.pending.contains(m.reportId()))
                          && !from.isAfter(i.to.plus(gap)) && !to.isBefore(i.from.minus(gap))
                        : joinsByTime(i, from, to) && !waitsForEarlierEvents(i, r)
                          || confirmedAloneCovers(i, r, from, to))
                .sorted(Comparator.comparingLong(i -> i.seq)).toList();
        if (near.isEmpty() && !waiting) {
            // a closed incident still kept (within grace of its closure) that the report comes within the gap of: a
            // re-telling, or a report published before the closure that arrives late, corrects its final version
            Optional<IncidentState> closed = state.closed.stream()
                    .filter(i -> !i.alone && i.segment == segment)
                    .filter(i -> joinsByTime(i, from, to) && !waitsForEarlierEvents(i, r))
                    .min(Comparator.comparingLong(i -> i.seq));
            if (closed.isPresent()) {
                IncidentState inc = closed.get();
                if (!inc.has(r.reportId())) {
                    inc.members.add(new Membership(r.reportId(), !(imprecise(r, from, to) && hasPrecise(inc)), from,
                            to));
                }
                inc.rewindow();
                if (!imprecise(r, from, to) && !longSpan(from, to)) {
                    precise(inc);
                }
                touch(inc, r);
                changed(inc);
                return List.of();
            }
        }
        if (near.isEmpty()) {
            IncidentState inc = create(segment, r, from, to, false);
            if (!waiting && longSpan(from, to)) {
                // a summary of a period neither breaks a calm nor ends one (eleventh round, QUIET_BROKEN)
                inc.startUncounted = true;
                return List.of();
            }
            if (r.stance() != Stance.CLAIM && !standsForItself(r) || !RetaliationDetector.toldHostileAct(r)) {
                // nor does an incident of no hostile action (a mine going off, a waiting denial, a statement of unknown
                // stance): its start counts once a claim of hostile action joins it (Assessor#countStartOnceHostile);
                // an observer's confirmation of fire that no claim told of (C6) is hostile action of its own
                inc.startUncounted = true;
                return List.of();
            }
            List<OffsetDateTime> starts = state.segmentStarts.computeIfAbsent(segment, s -> new ArrayList<>());
            starts.add(from);
            return List.of();
        }
        if (!waiting && imprecise(r, from, to)) {
            // it attaches to the one session it fits best, never bridging two nor widening one of precise reports
            IncidentState target = bestFit(r, from, to, near);
            if (!target.has(r.reportId())) {
                target.members.add(new Membership(r.reportId(), !hasPrecise(target), from, to));
            }
            target.rewindow();
            touch(target, r);
            return List.of();
        }
        IncidentState survivor = near.get(0);
        if (!survivor.has(r.reportId())) {
            survivor.members.add(new Membership(r.reportId(), true, from, to));
        }
        survivor.rewindow();
        touch(survivor, r);
        List<Assessment> out = new ArrayList<>();
        for (IncidentState other : near.subList(1, near.size())) {
            for (Membership m : other.members) {
                if (!survivor.has(m.reportId())) {
                    survivor.members.add(m);
                }
            }
            survivor.rewindow();
            if (other.lastPublished.isAfter(survivor.lastPublished)) {
                survivor.lastPublished = other.lastPublished;
            }
            state.incidents.remove(other);
            forgetStart(other);
            if (other.last != null) {
                out.add(assessor.closedVersion(other, MERGED + survivor.id + ": a report at "
                        + Sentences.time(from) + " bridged the gap between them.",
                        org.borderwatch.common.model.Closure.mergedInto(survivor.id)));
            }
        }
        if (!waiting && !imprecise(r, from, to) && !longSpan(from, to)) {
            precise(survivor);
        }
        return out;
    }

    /**
     * A session that a precise report has joined is one of precise reports: the imprecise reports that opened it or
     * joined it by time before any precise one (a news agency's relay published before the ministries' statements
     * reached us) stay in it, attached, and no longer shape its window — so the order in which the reports arrive
     * does not decide whether a whole-day line swallows the day.
     */
    private void precise(IncidentState inc) {
        boolean demoted = false;
        for (int k = 0; k < inc.members.size(); k++) {
            Membership m = inc.members.get(k);
            IncidentReport member = state.reports.get(m.reportId());
            if (m.byTime() && member != null && !state.pending.contains(m.reportId())
                    && imprecise(member, m.from(), m.to())) {
                inc.members.set(k, new Membership(m.reportId(), false, m.from(), m.to()));
                demoted = true;
            }
        }
        if (!demoted) {
            return;
        }
        rewindowMovingStart(inc);
    }

    /**
     * The middle tier of placement by time (analyst's review, finding 3; between precise reports and the long-span ones
     * of {@code max-joining-span}): a report that says nothing of the hour — dated only to a day or to its publication
     * (precision DAY or UNKNOWN and a whole-day interval) — or that counts for nothing toward any verdict (stance
     * UNKNOWN; a denial by no side of the conflict, such as a news agency relaying one). Placed by time, it attaches
     * to the one session it fits best ({@link #bestFit}) without stretching the window or the gap of a session that
     * holds a precise report, and never bridges two sessions: an "aware of reports of shooting near Tegh today" line
     * used to merge the morning's exchange at Tegh with the evening's at Nerkin Hand, 6 h 15 min apart, into one
     * incident of 00:00–23:59. Where no session of precise reports is near, it joins or opens a session of such
     * reports as before (a whole-day incident). A long-span report is not in this tier: it keeps to its own.
     */
    private boolean imprecise(IncidentReport r, OffsetDateTime from, OffsetDateTime to) {
        if (longSpan(from, to)) {
            return false;
        }
        return r.stance() == Stance.UNKNOWN || ReportKinds.isDenialByNoSide(r)
                || (!org.borderwatch.classifier.verdict.VerdictRules.statesPreciseTime(r)
                && Duration.between(from, to).compareTo(WHOLE_DAY) >= 0);
    }

    /** A whole local day as ingest writes it for a report dated only to a day: 00:00 to 23:59:59. */
    private static final Duration WHOLE_DAY = Duration.ofHours(24).minusSeconds(1);

    /** Whether a report that joined the incident by time states its time precisely: the session is one of precise reports. */
    private boolean hasPrecise(IncidentState inc) {
        return inc.members.stream().anyMatch(m -> {
            IncidentReport member = state.reports.get(m.reportId());
            return m.byTime() && member != null && !state.pending.contains(m.reportId())
                    && !imprecise(member, m.from(), m.to()) && !longSpan(m.from(), m.to());
        });
    }

    /**
     * Whether the incident holds only responses waiting for their claim, none of which can answer this claim because
     * its events began after each of them was published (finding 7's rule, {@link AnswerMatcher#couldKnowOf}). Such an
     * incident stands at the period its responses answer, not at an event: a claim of a later event that falls near
     * that period is not what they answered and joins no session with them (held-out replay: a denial of 18:00 about
     * "fire on 9, 10 and 11 April" took in a claim of fire that night from 22:00, which read DISPUTED).
     */
    private boolean waitsForEarlierEvents(IncidentState inc, IncidentReport claim) {
        if (claim.stance() != Stance.CLAIM || inc.members.isEmpty()
                || !inc.members.stream().allMatch(m -> state.pending.contains(m.reportId()))) {
            return false;
        }
        return inc.members.stream().map(m -> state.reports.get(m.reportId()))
                .noneMatch(resp -> resp == null || AnswerMatcher.couldKnowOf(resp, claim));
    }

    /**
     * The session an imprecise report attaches to among those it comes within the gap of: one holding a claim about
     * the place it names (its settlement: Azerbaijan's Foreign Ministry's "provocations near Digh and Nerkin-And" names
     * Tegh first), then the nearest in event time (overlapping is nearest), then the oldest. One rule, so a whole-day
     * claim that fits two sessions joins one of them instead of merging them.
     */
    private IncidentState bestFit(IncidentReport r, OffsetDateTime from, OffsetDateTime to,
                                  List<IncidentState> near) {
        Comparator<IncidentState> order = Comparator.<IncidentState, Boolean>comparing(i -> !namesPlaceOf(r, i))
                .thenComparing(i -> distance(from, to, i))
                .thenComparingLong(i -> i.seq);
        return near.stream().min(order).orElseThrow();
    }

    private boolean namesPlaceOf(IncidentReport r, IncidentState inc) {
        return inc.members.stream().map(m -> state.reports.get(m.reportId()))
                .anyMatch(c -> c != null && c.stance() == Stance.CLAIM && !c.reportId().equals(r.reportId())
                        && AnswerMatcher.namesSettlementOf(r, c));
    }

    private static Duration distance(OffsetDateTime from, OffsetDateTime to, IncidentState inc) {
        if (to.isBefore(inc.from)) {
            return Duration.between(to, inc.from);
        }
        return from.isAfter(inc.to) ? Duration.between(inc.to, from) : Duration.ZERO;
    }

    /**
     * A report whose event-time interval is longer than {@code max-joining-span}: a summary of a period ("since 1 March
     * the other side violated the ceasefire 12 times", "over the past week"), not an account of one event. It says
     * nothing of when within the period anything happened, so it must not join a session of precise reports nor
     * bridge two of them: their claims, verdicts and casualties would mix.
     */
    private boolean longSpan(OffsetDateTime from, OffsetDateTime to) {
        return Duration.between(from, to).compareTo(settings.maxJoiningSpan()) > 0;
    }

    /**
     * Whether an incident is one of long-span reports: every report that joined it by time (not counting responses
     * still waiting for their claim, which stand at the period they answer) is a long-span one. Null for an incident
     * of waiting responses only: a claim of either kind may fall in it and adopt them.
     */
    private Boolean longSpanIncident(IncidentState inc) {
        Boolean result = null;
        for (Membership m : inc.members) {
            if (m.byTime() && !state.pending.contains(m.reportId())) {
                if (!longSpan(m.from(), m.to())) {
                    return false;
                }
                result = true;
            }
        }
        return result;
    }

    /**
     * Whether a report over {@code [from, to]} joins the incident by time: a precise report joins a session of
     * precise reports within the session gap; a long-span report joins only an incident of long-span reports whose
     * period it overlaps (summaries of the same period, not of adjacent weeks, which would chain for ever). Either
     * joins an incident of waiting responses within the gap, as before.
     */
    private boolean joinsByTime(IncidentState inc, OffsetDateTime from, OffsetDateTime to) {
        boolean isLong = longSpan(from, to);
        Boolean incidentLong = longSpanIncident(inc);
        if (incidentLong != null && incidentLong != isLong) {
            return false;
        }
        Duration gap = isLong && incidentLong != null ? Duration.ZERO : settings.sessionGap();
        return !from.isAfter(inc.to.plus(gap)) && !to.isBefore(inc.from.minus(gap));
    }

    /** A confirmation that states a precise time answers only claims near that time ({@link VerdictRules#confirmationFits}). */
    private boolean confirmationFits(IncidentReport response, OffsetDateTime claimFrom, OffsetDateTime claimTo) {
        return org.borderwatch.classifier.verdict.VerdictRules.confirmationFits(response, claimFrom, claimTo,
                settings.sessionGap());
    }

    /**
     * A long-span claim is answered only by what explicitly answers it: a response citing it, one without a period, or
     * one answering a long period itself (a denial of "all of the claims of the past week"). A denial of one day's
     * claim does not dispute the summary of the month that day falls in.
     */
    private boolean answersSpanOf(IncidentReport response, OffsetDateTime claimFrom, OffsetDateTime claimTo) {
        Answers a = response.answers();
        if (!longSpan(claimFrom, claimTo) || a == null || !a.refs().isEmpty() || a.from() == null) {
            return true;
        }
        return longSpan(a.from(), AnswerMatcher.effectiveTo(a));
    }

    /**
     * An incident that merged into another or dissolved was never an incident of its own: QUIET_BROKEN's count of a
     * segment's earlier incidents must not see its start.
     */
    private void forgetStart(IncidentState inc) {
        List<OffsetDateTime> starts = inc.alone || inc.startUncounted ? null : state.segmentStarts.get(inc.segment);
        if (starts != null) {
            starts.remove(inc.start);
        }
    }

    private void alone(IncidentReport r, OffsetDateTime from, OffsetDateTime to) {
        create(BorderSegment.UNRESOLVED, r, from, to, true);
    }

    private IncidentState create(BorderSegment segment, IncidentReport r, OffsetDateTime from, OffsetDateTime to,
                                 boolean alone) {
        IncidentState inc = new IncidentState();
        inc.id = Uuids.incidentId(segment.name(), r.reportId());
        // an incident dissolved by a correction and formed again by it keeps counting: versions never go back
        inc.version = dissolvedVersions.getOrDefault(inc.id, 0L);
        inc.segment = segment;
        inc.seq = state.nextSeq++;
        inc.alone = alone;
        inc.members.add(new Membership(r.reportId(), true, from, to));
        inc.from = from;
        inc.to = to;
        inc.start = from;
        inc.lastPublished = r.publishedAt();
        state.incidents.add(inc);
        return inc;
    }

    /**
     * Remembers a claim for the surge and retaliation detectors. A dataset's records (ACLED) are not claims of a
     * side: they are never counted in a surge.
     */
    private void recordClaim(IncidentReport r) {
        if (r.source().kind() == SourceKind.DATASET) {
            return;
        }
        List<BorderSegment> segments = known().stream().filter(i -> !i.alone && i.has(r.reportId()))
                .map(i -> i.segment).distinct().toList();
        state.claims.computeIfAbsent(r.source().id(), s -> new ArrayList<>())
                .add(ClaimRecord.of(r, Sentences.who(r.source()), segments));
    }

    /** A new claim may be the one an earlier denial or confirmation answered: move those answers to it. */
    private List<Assessment> adoptPending(IncidentReport claim) {
        List<Assessment> out = new ArrayList<>();
        for (UUID p : List.copyOf(state.pending)) {
            IncidentReport response = state.reports.get(p);
            if (response == null) {
                continue;
            }
            List<IncidentState> targets = known().stream().filter(i -> i.has(claim.reportId())
                    && (answersIn(response, claim, i) || answersUnplaced(response, claim, i))).toList();
            if (targets.isEmpty()) {
                continue;
            }
            state.pending.remove(p);
            out.addAll(removeMemberships(p, "its answer was matched to the claim it denies or confirms",
                    targets));
            targets.forEach(i -> {
                unanchor(i, p);
                join(i, response);
            });
        }
        return out;
    }

    /**
     * A response already placed (it found its claim, or it waited and a first claim adopted it) answers every claim its
     * answers describe, not only the first to arrive: a denial of "claims about 2 and 3 October in Syunik", published
     * before either claim, disputes both when they come, as it would had it been published after them. A response
     * that names its place keeps answering only claims about that place when one of its claims names it (as in
     * {@link #matching}).
     */
    private void answerLaterClaim(IncidentReport claim) {
        List<IncidentState> targets = known().stream().filter(i -> i.has(claim.reportId())).toList();
        if (targets.isEmpty()) {
            return;
        }
        // responses of closed incidents still kept answer it too (a claim published after the incident of the claims
        // a denial answered closed, within grace)
        Set<UUID> responses = new java.util.LinkedHashSet<>();
        for (IncidentState inc : known()) {
            for (Membership m : inc.members) {
                IncidentReport r = state.reports.get(m.reportId());
                if (r != null && r.answers() != null && ReportKinds.isResponse(r)
                        && !state.pending.contains(r.reportId())
                        && !ReportKinds.isCoverage(r)) {
                    responses.add(r.reportId());
                }
            }
        }
        // an observer's statement with a coverage and answers is a member only of the incidents of claims it found; one
        // published before its claim (EUMA confirming gunfire near Khnatsakh "on the evening of 31 July" the day
        // before Armenpress told of Monday's fire there) found none, and its coverage (the evening) does not contain a
        // claim dated to the whole day: it answers the claim as it would had the claim come first
        for (UUID id : state.observations) {
            IncidentReport r = state.reports.get(id);
            if (r != null && r.answers() != null && ReportKinds.isResponse(r)) {
                responses.add(id);
            }
        }
        for (UUID id : responses) {
            IncidentReport response = state.reports.get(id);
            for (IncidentState target : targets) {
                if (!target.has(id) && answersIn(response, claim, target)
                        && keepsToItsPlace(response, claim, target.segment)) {
                    join(target, response);
                }
            }
        }
    }

    /** A response naming a place answers a further claim only about that place, once one of its claims names it. */
    private boolean keepsToItsPlace(IncidentReport response, IncidentReport claim, BorderSegment segment) {
        String place = response.location().settlement();
        if (place == null || place.isBlank() || AnswerMatcher.namesSettlementOf(response, claim)) {
            return true;
        }
        // only its claims of the same segment: the place it names lies in one of the segments it answers
        return known().stream().filter(i -> i.has(response.reportId()) && i.segment == segment)
                .flatMap(i -> i.members.stream())
                .map(m -> state.reports.get(m.reportId()))
                .noneMatch(c -> c != null && c.stance() == Stance.CLAIM && AnswerMatcher.namesSettlementOf(response, c));
    }

    /**
     * A waiting response that the claim joined by time (the response stood at its answered period, the claim fell
     * in it) now belongs to the incident through its answer, like any other answer: it no longer shapes the window,
     * so a denial published before its claim gives the same incident as one published after it.
     */
    /**
     * Recomputes an incident's window after members were demoted or removed; a start that moved later is moved in
     * the segment's list of incident starts too (the signals read it as an incident's prior starts).
     */
    private void rewindowMovingStart(IncidentState inc) {
        OffsetDateTime oldStart = inc.start;
        inc.rewindow();
        if (inc.from.isAfter(oldStart)) {
            inc.start = inc.from;
            List<OffsetDateTime> starts = state.segmentStarts.get(inc.segment);
            if (starts != null && !inc.startUncounted && starts.remove(oldStart)) {
                starts.add(inc.start);
            }
        }
    }

    private void unanchor(IncidentState inc, UUID responseId) {
        boolean anchored = inc.members.stream().anyMatch(m -> m.reportId().equals(responseId) && m.byTime());
        if (!anchored || inc.members.stream().noneMatch(m -> m.byTime() && !m.reportId().equals(responseId))) {
            return;
        }
        inc.members.removeIf(m -> m.reportId().equals(responseId));
        rewindowMovingStart(inc);
    }

    /**
     * A correction that says the same kind of thing about the same places (a corrected time, figure or wording)
     * replaces its earlier version where it stands: the incident keeps its id, its other members (the denials that
     * answered the claim) and its version count. Returns false, changing nothing, when the correction no longer fits
     * its incidents; it is then withdrawn and placed again like a new report.
     */
    boolean correctInPlace(IncidentReport previous, IncidentReport fresh) {
        UUID id = fresh.reportId();
        List<IncidentState> holders = known().stream().filter(i -> i.has(id)).toList();
        if (holders.isEmpty() || previous.stance() != fresh.stance()
                || !previous.location().segments().equals(fresh.location().segments())
                || previous.location().ambiguous() != fresh.location().ambiguous()
                || !Objects.equals(previous.answers(), fresh.answers())
                || !Objects.equals(previous.coverage(), fresh.coverage())
                || longSpan(previous.occurredAt(), previous.occurredUntil())
                != longSpan(fresh.occurredAt(), fresh.occurredUntil())) {
            return false; // (a claim corrected from one night to "the past week", or back, is placed again)
        }
        Duration gap = settings.sessionGap();
        for (IncidentState inc : holders) {
            OffsetDateTime from = null;
            OffsetDateTime to = null;
            for (Membership m : inc.members) {
                if (m.byTime() && !m.reportId().equals(id)) {
                    from = from == null || m.from().isBefore(from) ? m.from() : from;
                    to = to == null || m.to().isAfter(to) ? m.to() : to;
                }
            }
            if (from != null && (fresh.occurredAt().isAfter(to.plus(gap))
                    || fresh.occurredUntil().isBefore(from.minus(gap)))) {
                return false;
            }
            // eleventh round: a corrected time that now comes within the gap of another session of the segment
            // bridges the two, as the latest revision alone would (Baku's Tegh claim moved from 10:15 to 11:50, within
            // six hours of the evening's Nerkin Hand claim); corrected in place it left them two incidents
            if (!inc.alone && !imprecise(fresh, fresh.occurredAt(), fresh.occurredUntil())
                    && state.incidents.stream().anyMatch(other -> other != inc && !other.alone
                    && other.segment == inc.segment && !other.has(id)
                    && joinsByTime(other, fresh.occurredAt(), fresh.occurredUntil()))) {
                return false;
            }
        }
        for (IncidentState inc : holders) {
            inc.members.replaceAll(m -> m.reportId().equals(id) && m.byTime()
                    ? new Membership(id, true, fresh.occurredAt(), fresh.occurredUntil()) : m);
            inc.rewindow();
            touch(inc, fresh);
            changed(inc);
        }
        state.reports.put(id, fresh);
        state.claims.values().forEach(list -> list.replaceAll(c -> !c.reportId().equals(id) ? c : c.toldAs(fresh)));
        return true;
    }

    /**
     * A corrected report leaves everything it was part of before its new version is placed. An incident it dissolves
     * (it was its last member placed by time) may still hold responses that joined it by what they answer: those
     * left in no incident at all are returned, to be placed again like new reports (they find the claims they answer,
     * or wait) — a denial of a claim whose place was corrected away used to vanish from every final.
     */
    Withdrawal withdraw(UUID id, String why) {
        state.observations.remove(id);
        state.pending.remove(id);
        state.milestones.remove(id);
        state.claims.values().forEach(list -> list.removeIf(c -> c.reportId().equals(id)));
        state.reports.remove(id);
        Set<UUID> left = new java.util.LinkedHashSet<>();
        for (IncidentState inc : known()) {
            if (inc.has(id) && inc.members.stream().filter(Membership::byTime)
                    .allMatch(m -> m.reportId().equals(id))) {
                inc.members.stream().map(Membership::reportId).filter(m -> !m.equals(id)).forEach(left::add);
            }
        }
        List<Assessment> dissolved = removeMemberships(id, why, List.of());
        List<UUID> orphans = left.stream().filter(m -> state.reports.containsKey(m))
                .filter(m -> known().stream().noneMatch(i -> i.has(m))).toList();
        orphans.forEach(state.pending::remove);
        return new Withdrawal(dissolved, orphans);
    }

    /** What a withdrawal gave: the dissolved incidents' closing versions, the reports it left in no incident. */
    record Withdrawal(List<Assessment> dissolved, List<UUID> orphans) {
        static final Withdrawal NONE = new Withdrawal(List.of(), List.of());
    }

    private List<Assessment> removeMemberships(UUID id, String why, List<IncidentState> keep) {
        List<Assessment> out = new ArrayList<>();
        for (IncidentState inc : known()) {
            if (keep.contains(inc) || !inc.has(id)) {
                continue;
            }
            inc.members.removeIf(m -> m.reportId().equals(id));
            if (inc.members.stream().noneMatch(Membership::byTime)) {
                if (inc.closedAt != null) {
                    state.closed.remove(inc);
                    touchedClosed.remove(inc.id);
                } else {
                    state.incidents.remove(inc);
                }
                forgetStart(inc);
                if (inc.last != null) {
                    out.add(assessor.closedVersion(inc, DISSOLVED + "its report left it (" + why + ").",
                            org.borderwatch.common.model.Closure.DISSOLVED));
                }
                dissolvedVersions.put(inc.id, inc.version);
            } else {
                inc.rewindow();
                changed(inc);
            }
        }
        return out;
    }

    /**
     * The remembered claims the response answers whose incidents have closed (they are in no open incident), in
     * event-time order: the response will find no claim to join, so it must not wait as if its claims were still to
     * come. A denial of "the claims of 3 and 4 September" answers both, not only the first.
     */
    private List<ClaimRecord> answeredClosedClaims(IncidentReport r) {
        if (r.answers() == null) {
            return List.of();
        }
        List<ClaimRecord> closed = state.claims.values().stream().flatMap(List::stream)
                .filter(c -> state.incidents.stream().noneMatch(i -> i.has(c.reportId())))
                .filter(c -> answersSpanOf(r, c.occurredAt(), c.occurredUntil())
                        && confirmationFits(r, c.occurredAt(), c.occurredUntil()))
                .sorted(Comparator.comparing(ClaimRecord::occurredAt).thenComparing(ClaimRecord::reportId))
                .toList();
        List<ClaimRecord> fit = closed.stream().filter(c -> AnswerMatcher.answers(r, c)).toList();
        if (fit.isEmpty()) {
            // as for open incidents: a claim that named no known place only when the answer fits no other claim
            fit = closed.stream().filter(c -> AnswerMatcher.answersUnplaced(r, c)).toList();
        }
        // as for open incidents ({@link #matchingPlaced}): a response naming its place answers, in each segment, the
        // claims about that place when one of them names it — not every claim of that day in the segment
        return atItsPlace(r, fit);
    }

    /** Of the claims {@code r} fits, per segment those naming the place it names, when one of them does. */
    private static List<ClaimRecord> atItsPlace(IncidentReport r, List<ClaimRecord> fit) {
        Set<BorderSegment> named = new HashSet<>();
        fit.stream().filter(c -> AnswerMatcher.namesSettlementOf(r, c)).forEach(c -> named.addAll(where(c)));
        return fit.stream().filter(c -> AnswerMatcher.namesSettlementOf(r, c)
                || where(c).stream().noneMatch(named::contains)).toList();
    }

    /**
     * The remembered claims an observer's coverage applies to whose incidents have closed and been evicted (those
     * held are covered by {@link #coverClosed} and the assessor), as it would apply to them held
     * ({@code Assessor#applies}): the claim lies inside its period in a segment it watched (a claim left alone because
     * it names several segments: a refutation that watched every one of them), a confirmation stating a precise time
     * fits the claim's, and a confirmation naming a place confirms, per segment, the claims about that place.
     */
    private List<ClaimRecord> coveredEvictedClaims(IncidentReport obs) {
        List<ClaimRecord> fit = state.claims.values().stream().flatMap(List::stream)
                .filter(c -> known().stream().noneMatch(i -> i.has(c.reportId())))
                .filter(c -> covers(obs, c) && confirmationFits(obs, c.occurredAt(), c.occurredUntil()))
                .sorted(Comparator.comparing(ClaimRecord::occurredAt).thenComparing(ClaimRecord::reportId))
                .toList();
        return obs.stance() == Stance.CONFIRMATION ? atItsPlace(obs, fit) : fit;
    }

    private static boolean covers(IncidentReport obs, ClaimRecord c) {
        if (!c.segments().isEmpty()) {
            return c.segments().stream().anyMatch(s -> VerdictRules.covers(obs, s, c.occurredAt(), c.occurredUntil()));
        }
        if (c.location() == null || obs.stance() != Stance.REFUTATION || !c.location().ambiguous()) {
            return false;
        }
        List<BorderSegment> candidates = c.location().segments().stream().filter(BorderSegment::isResolved).toList();
        return !candidates.isEmpty() && candidates.stream()
                .allMatch(s -> VerdictRules.covers(obs, s, c.occurredAt(), c.occurredUntil()));
    }

    /** A late statement's own closed assessment over the evicted claims it answers or covers (none: nothing). */
    private List<Assessment> answerEvicted(IncidentReport r, List<ClaimRecord> claims) {
        if (claims.isEmpty()) {
            return List.of();
        }
        Assessment a = assessor.assessAnswerToClosed(r, claims);
        rememberAnswer(r, claims);
        return List.of(a);
    }

    /** The segments a remembered claim stood in: where it was placed, or UNRESOLVED for a claim left alone. */
    private static List<BorderSegment> where(ClaimRecord c) {
        return c.segments().isEmpty() ? List.of(BorderSegment.UNRESOLVED) : c.segments();
    }

    /**
     * A late answer does not reopen the closed incidents, but the claims' remembered verdicts take it in: a surge in
     * which most claims have by now been denied is an uncorroborated surge, whenever the denials came; and a later
     * re-telling of a denied claim carries DISPUTED and CONTESTED over (see {@code Assessor#earlierTelling}).
     */
    private void rememberAnswer(IncidentReport r, List<ClaimRecord> answered) {
        Set<UUID> ids = new HashSet<>();
        answered.forEach(c -> ids.add(c.reportId()));
        state.claims.values().forEach(list -> list.replaceAll(c -> {
            if (!ids.contains(c.reportId())) {
                return c;
            }
            if (r.stance() == Stance.DENIAL) {
                // only the accused side's denial disputes the claim and contests its attribution, as in an open
                // incident (VerdictRules.decide): one citing the claim is matched by the citation alone, whoever
                // denies (thirteenth round: a side the claim does not accuse made it DISPUTED/CONTESTED)
                return VerdictRules.disputes(r, c) ? c.withOccurrence(ClaimRecord.answeredBy(c.occurrence(),
                        r.stance())).withAttribution(Attribution.CONTESTED) : c;
            }
            // a news outlet's "confirmation" and a third state's "refutation" decide nothing (c23), as in the verdict
            return VerdictRules.decidesAsIndependent(r) ? c.withOccurrence(ClaimRecord.answeredBy(c.occurrence(),
                    r.stance())) : c;
        }));
    }
}
