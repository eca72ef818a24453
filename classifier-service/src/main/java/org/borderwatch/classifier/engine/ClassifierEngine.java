package org.borderwatch.classifier.engine;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
import org.borderwatch.classifier.reliability.SourceRecord;
import org.borderwatch.classifier.reliability.SourceReliability;
import org.borderwatch.classifier.signal.ClaimRecord;
import org.borderwatch.classifier.signal.Detectors;
import org.borderwatch.classifier.signal.IncidentFacts;
import org.borderwatch.classifier.signal.Neighbours;
import org.borderwatch.classifier.signal.SignalContext;
import org.borderwatch.classifier.signal.SignalDetector;
import org.borderwatch.classifier.verdict.CasualtyRules;
import org.borderwatch.classifier.verdict.Sentences;
import org.borderwatch.classifier.verdict.SeverityRules;
import org.borderwatch.classifier.verdict.Verdict;
import org.borderwatch.classifier.verdict.VerdictRules;
import org.borderwatch.common.Uuids;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Casualties;
import org.borderwatch.common.model.EventType;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.Signal;
import org.borderwatch.common.model.SourceKind;
import org.borderwatch.common.model.Stance;
import org.borderwatch.common.model.TimeWindow;

/**
 * The classifier's core: feed it reports in publication order (stream time = {@code publishedAt}) and it returns
 * every new assessment version. No clock, no framework: the same reports give the same assessments, live or in a
 * replay. Not thread-safe; one engine per partition of state.
 */
public final class ClassifierEngine {

    /** What happened to a report. */
    public enum Outcome { ACCEPTED, CORRECTED, DUPLICATE, LATE }

    public record Result(Outcome outcome, List<Assessment> assessments) {
    }

    private static final String MERGED = "Merged into incident ";
    private static final String DISSOLVED = "Dissolved: ";

    /**
     * Whether this is the final version of an incident that turned out not to be one of its own: it merged into
     * another, or its reports left it (a waiting answer that found its claim, a correction that moved).
     */
    public static boolean isRetirement(Assessment a) {
        if (!a.closed() || a.rationale().isEmpty()) {
            return false;
        }
        String last = a.rationale().get(a.rationale().size() - 1);
        return last.startsWith(MERGED) || last.startsWith(DISSOLVED);
    }

    private static final Map<Occurrence, Integer> CLAIM_FAVOUR = Map.of(Occurrence.CONFIRMED, 3,
            Occurrence.UNVERIFIED, 2, Occurrence.DISPUTED, 1, Occurrence.REFUTED, 0);

    private final ClassifierSettings settings;
    private final Neighbours neighbours;
    private final List<SignalDetector> detectors;
    private final SourceReliability reliability;
    /** Versions of incidents dissolved while the current report was processed; never outlives one process call. */
    private final Map<UUID, Long> dissolvedVersions = new LinkedHashMap<>();
    private EngineState state;

    public ClassifierEngine(ClassifierSettings settings, Neighbours neighbours) {
        this(settings, neighbours, Detectors.all(), new EngineState());
    }

    public ClassifierEngine(ClassifierSettings settings, Neighbours neighbours, List<SignalDetector> detectors,
                            EngineState state) {
        this.settings = Objects.requireNonNull(settings);
        this.neighbours = Objects.requireNonNull(neighbours);
        this.detectors = List.copyOf(detectors);
        this.reliability = new SourceReliability(settings.reliability());
        this.state = state == null ? new EngineState() : state;
    }

    public static ClassifierEngine withDefaults() {
        return new ClassifierEngine(ClassifierSettings.defaults(), Neighbours.fromClasspath());
    }

    /** The state document (live: do not change it). */
    public EngineState state() {
        return state;
    }

    public void restore(EngineState restored) {
        this.state = restored == null ? new EngineState() : restored;
    }

    public int openIncidents() {
        return state.incidents.size();
    }

    public long lateReports() {
        return state.lateReports;
    }

    public Optional<OffsetDateTime> streamTime() {
        return Optional.ofNullable(state.streamTime);
    }

    /** Processes one report; returns the assessment versions it caused (closures of quiet incidents first). */
    public Result process(IncidentReport report) {
        UUID id = report.reportId();
        EngineState.Seen seen = state.seen.get(id);
        if (seen != null && seen.revision() >= report.revision()) {
            state.duplicates++;
            return new Result(Outcome.DUPLICATE, List.of());
        }
        if (state.streamTime != null && report.publishedAt().isBefore(state.streamTime.minus(settings.grace()))) {
            state.lateReports++;
            return new Result(Outcome.LATE, List.of(assessAlone(report)));
        }
        List<Assessment> out = new ArrayList<>(advance(report.publishedAt()));
        IncidentReport stored = ReportKinds.isMilestone(report) ? report : withoutText(report);
        IncidentReport previous = seen == null ? null : state.reports.get(id);
        if (previous != null && correctInPlace(previous, stored)) {
            state.seen.put(id, new EngineState.Seen(report.revision(), report.publishedAt()));
            out.addAll(reassess());
            trim();
            return new Result(Outcome.CORRECTED, out);
        }
        dissolvedVersions.clear();
        List<Assessment> dissolved = seen != null ? withdraw(id, "corrected by revision " + report.revision())
                : List.of();
        state.seen.put(id, new EngineState.Seen(report.revision(), report.publishedAt()));
        state.reports.put(id, stored);
        List<Assessment> placed = new ArrayList<>(place(state.reports.get(id)));
        placed.addAll(reassess());
        // an incident the correction emptied and formed again under the same id was never really closed: its
        // consumers see the next open version, not a "dissolved" one followed by a reopening
        Set<UUID> reformed = new HashSet<>();
        state.incidents.forEach(i -> {
            if (dissolvedVersions.containsKey(i.id)) {
                reformed.add(i.id);
            }
        });
        dissolved.stream().filter(a -> !reformed.contains(a.incidentId())).forEach(out::add);
        out.addAll(placed);
        trim();
        return new Result(seen != null ? Outcome.CORRECTED : Outcome.ACCEPTED, out);
    }

    /**
     * Moves stream time forward (never back) and closes the incidents that have been quiet for the configured
     * period, returning their final versions. Called before every report and by the stream's punctuator.
     */
    public List<Assessment> advance(OffsetDateTime time) {
        if (state.streamTime == null || time.isAfter(state.streamTime)) {
            state.streamTime = time;
        }
        List<Assessment> out = new ArrayList<>();
        Iterator<IncidentState> it = state.incidents.iterator();
        List<IncidentState> closing = new ArrayList<>();
        while (it.hasNext()) {
            IncidentState inc = it.next();
            OffsetDateTime lastActivity = inc.lastPublished.isAfter(inc.to) ? inc.lastPublished : inc.to;
            if (!lastActivity.plus(settings.quietPeriod()).isAfter(state.streamTime)) {
                closing.add(inc);
                it.remove();
            }
        }
        for (IncidentState inc : closing) {
            recordTrackRecord(inc);
            if (inc.last != null) {
                out.add(closedVersion(inc, "Closed: no new reports for " + settings.quietPeriod().toDays()
                        + " days (stream time " + Sentences.time(state.streamTime) + ")."));
            }
        }
        if (!closing.isEmpty()) {
            state.pending.removeIf(p -> state.incidents.stream().noneMatch(i -> i.has(p)));
            collectGarbage();
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------- placement

    private List<Assessment> place(IncidentReport r) {
        List<Assessment> out = new ArrayList<>();
        UUID id = r.reportId();
        if (ReportKinds.isMilestone(r)) {
            state.milestones.add(id);
            return out;
        }
        boolean coverage = ReportKinds.isCoverage(r);
        if (coverage) {
            state.observations.add(id);
            if (r.answers() == null) {
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
                    alone(r, r.occurredAt(), r.occurredUntil());
                } else {
                    through.forEach(s -> out.addAll(placeByTime(r, s, r.occurredAt(), r.occurredUntil())));
                }
            }
            recordClaim(r);
            out.addAll(adoptPending(r));
            return out;
        }
        if (r.answers() != null && r.stance().isResponse()) {
            List<IncidentState> matched = matching(r);
            if (!matched.isEmpty()) {
                matched.forEach(i -> join(i, r));
                return out;
            }
            if (coverage) {
                return out;
            }
            Optional<ClaimRecord> closedClaim = answeredClosedClaim(r);
            if (closedClaim.isPresent()) {
                out.add(assessAnswerToClosed(r, closedClaim.get()));
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
     * Open incidents holding a claim that the report's answers describe — also a lone claim's (an ambiguous "Nakhchivan
     * direction" claim denied in the same words: the denial joins it by its answer, it is never joined by time).
     */
    private List<IncidentState> matching(IncidentReport r) {
        List<IncidentState> result = new ArrayList<>();
        List<IncidentState> atItsPlace = new ArrayList<>();
        for (IncidentState inc : state.incidents) {
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
        return atItsPlace.isEmpty() ? result : atItsPlace;
    }

    /** Whether the response answers the claim where it stands: a lone claim by the segments its text names. */
    private static boolean answersIn(IncidentReport response, IncidentReport claim, IncidentState inc) {
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
                .filter(i -> !waiting || i.members.stream().allMatch(m -> state.pending.contains(m.reportId())))
                .filter(i -> !from.isAfter(i.to.plus(gap)) && !to.isBefore(i.from.minus(gap)))
                .sorted(Comparator.comparingLong(i -> i.seq)).toList();
        if (near.isEmpty()) {
            IncidentState inc = create(segment, r, from, to, false);
            List<OffsetDateTime> starts = state.segmentStarts.computeIfAbsent(segment, s -> new ArrayList<>());
            inc.priorStarts = new ArrayList<>(starts);
            starts.add(from);
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
                out.add(closedVersion(other, MERGED + survivor.id + ": a report at "
                        + Sentences.time(from) + " bridged the gap between them."));
            }
        }
        return out;
    }

    /**
     * An incident that merged into another or dissolved was never an incident of its own: QUIET_BROKEN's count of a
     * segment's earlier incidents must not see its start.
     */
    private void forgetStart(IncidentState inc) {
        List<OffsetDateTime> starts = inc.alone ? null : state.segmentStarts.get(inc.segment);
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
        List<BorderSegment> segments = state.incidents.stream().filter(i -> !i.alone && i.has(r.reportId()))
                .map(i -> i.segment).distinct().toList();
        state.claims.computeIfAbsent(r.source().id(), s -> new ArrayList<>()).add(new ClaimRecord(r.reportId(),
                r.source().id(), Sentences.who(r.source()), r.source().party(), r.actingParty(), segments,
                r.occurredAt(), r.publishedAt(), Occurrence.UNVERIFIED, r.occurredUntil()));
    }

    /** A new claim may be the one an earlier denial or confirmation answered: move those answers to it. */
    private List<Assessment> adoptPending(IncidentReport claim) {
        List<Assessment> out = new ArrayList<>();
        for (UUID p : List.copyOf(state.pending)) {
            IncidentReport response = state.reports.get(p);
            if (response == null) {
                continue;
            }
            List<IncidentState> targets = state.incidents.stream()
                    .filter(i -> i.has(claim.reportId()) && answersIn(response, claim, i)).toList();
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
     * A waiting response that the claim joined by time (the response stood at its answered period, the claim fell
     * in it) now belongs to the incident through its answer, like any other answer: it no longer shapes the window,
     * so a denial published before its claim gives the same incident as one published after it.
     */
    private void unanchor(IncidentState inc, UUID responseId) {
        boolean anchored = inc.members.stream().anyMatch(m -> m.reportId().equals(responseId) && m.byTime());
        if (!anchored || inc.members.stream().noneMatch(m -> m.byTime() && !m.reportId().equals(responseId))) {
            return;
        }
        inc.members.removeIf(m -> m.reportId().equals(responseId));
        OffsetDateTime oldStart = inc.start;
        inc.rewindow();
        if (inc.from.isAfter(oldStart)) {
            inc.start = inc.from;
            List<OffsetDateTime> starts = state.segmentStarts.get(inc.segment);
            if (starts != null && starts.remove(oldStart)) {
                starts.add(inc.start);
            }
        }
    }

    /**
     * A correction that says the same kind of thing about the same places (a corrected time, figure or wording)
     * replaces its earlier version where it stands: the incident keeps its id, its other members (the denials that
     * answered the claim) and its version count. Returns false, changing nothing, when the correction no longer fits
     * its incidents; it is then withdrawn and placed again like a new report.
     */
    private boolean correctInPlace(IncidentReport previous, IncidentReport fresh) {
        UUID id = fresh.reportId();
        List<IncidentState> holders = state.incidents.stream().filter(i -> i.has(id)).toList();
        if (holders.isEmpty() || previous.stance() != fresh.stance()
                || !previous.location().segments().equals(fresh.location().segments())
                || previous.location().ambiguous() != fresh.location().ambiguous()
                || !Objects.equals(previous.answers(), fresh.answers())
                || !Objects.equals(previous.coverage(), fresh.coverage())) {
            return false;
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
        }
        for (IncidentState inc : holders) {
            inc.members.replaceAll(m -> m.reportId().equals(id) && m.byTime()
                    ? new Membership(id, true, fresh.occurredAt(), fresh.occurredUntil()) : m);
            inc.rewindow();
            touch(inc, fresh);
        }
        state.reports.put(id, fresh);
        state.claims.values().forEach(list -> list.replaceAll(c -> !c.reportId().equals(id) ? c
                : new ClaimRecord(id, c.sourceId(), c.sourceName(), c.party(), fresh.actingParty(), c.segments(),
                        fresh.occurredAt(), fresh.publishedAt(), c.occurrence(), fresh.occurredUntil())));
        return true;
    }

    /** A corrected report leaves everything it was part of before its new version is placed. */
    private List<Assessment> withdraw(UUID id, String why) {
        state.observations.remove(id);
        state.pending.remove(id);
        state.milestones.remove(id);
        state.claims.values().forEach(list -> list.removeIf(c -> c.reportId().equals(id)));
        state.reports.remove(id);
        return removeMemberships(id, why, List.of());
    }

    private List<Assessment> removeMemberships(UUID id, String why, List<IncidentState> keep) {
        List<Assessment> out = new ArrayList<>();
        for (IncidentState inc : List.copyOf(state.incidents)) {
            if (keep.contains(inc) || !inc.has(id)) {
                continue;
            }
            inc.members.removeIf(m -> m.reportId().equals(id));
            if (inc.members.stream().noneMatch(Membership::byTime)) {
                state.incidents.remove(inc);
                forgetStart(inc);
                if (inc.last != null) {
                    out.add(closedVersion(inc, DISSOLVED + "its report left it (" + why + ")."));
                }
                dissolvedVersions.put(inc.id, inc.version);
            } else {
                inc.rewindow();
            }
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------- assessment

    private record Evaluated(IncidentState incident, List<IncidentReport> statements, Verdict verdict,
                             CasualtyRules.Tally tally, IncidentFacts facts) {
    }

    private List<Assessment> reassess() {
        List<Evaluated> evaluated = new ArrayList<>();
        for (IncidentState inc : state.incidents) {
            List<IncidentReport> statements = statements(inc);
            Verdict verdict = VerdictRules.decide(inc.segment, statements,
                    s -> reliability.of(s, state.source(s.id())));
            inc.occurrence = verdict.occurrence();
            inc.observerDecided = verdict.observerDecided();
            inc.claimSources = verdict.claimSources();
            CasualtyRules.Tally tally = CasualtyRules.tally(members(inc));
            IncidentFacts facts = new IncidentFacts(inc.id, inc.segment, inc.from, inc.to, verdict.occurrence(),
                    members(inc), tally.casualties(), inc.start, inc.priorStarts);
            evaluated.add(new Evaluated(inc, statements, verdict, tally, facts));
        }
        refreshClaimOccurrences(evaluated);
        SignalContext context = new SignalContext(settings.signals(), neighbours,
                evaluated.stream().map(Evaluated::facts).toList(), state.claims);
        List<Assessment> out = new ArrayList<>();
        for (Evaluated e : evaluated) {
            List<Signal> signals = new ArrayList<>();
            for (SignalDetector d : detectors) {
                d.detect(e.facts(), context).map(this::withMilestones).ifPresent(signals::add);
            }
            Assessment a = assessment(e, signals);
            IncidentState inc = e.incident();
            if (inc.last == null || !sameContent(inc.last, a)) {
                inc.version++;
                a = withVersion(a, inc.version, false, a.rationale());
                inc.last = a;
                out.add(a);
            }
        }
        return out;
    }

    private Assessment assessment(Evaluated e, List<Signal> signals) {
        IncidentState inc = e.incident();
        Severity severity = SeverityRules.severity(e.verdict().occurrence(), e.tally().casualties(), signals,
                settings.severity(), settings.signals().fatalitiesCritical());
        List<String> rationale = new ArrayList<>();
        e.statements().forEach(r -> rationale.add(Sentences.describe(r, inc.segment)));
        rationale.addAll(e.tally().sentences());
        rationale.addAll(e.verdict().reasons());
        if (!signals.isEmpty()) {
            rationale.add("Escalation signals: " + String.join(", ", signals.stream()
                    .map(s -> s.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')).toList())
                    + "; severity " + severity + ".");
        }
        Map<Stance, List<UUID>> byStance = new EnumMap<>(Stance.class);
        e.statements().forEach(r -> byStance.computeIfAbsent(r.stance(), s -> new ArrayList<>()).add(r.reportId()));
        Set<EventType> types = new LinkedHashSet<>();
        e.statements().stream().filter(r -> r.stance() == Stance.CLAIM || r.stance() == Stance.CONFIRMATION)
                .forEach(r -> types.addAll(r.eventTypes()));
        if (types.size() > 1) {
            types.remove(EventType.OTHER);
        }
        return new Assessment(Assessment.SCHEMA_VERSION, inc.id, Math.max(1, inc.version), inc.segment,
                new TimeWindow(inc.from, inc.to), e.verdict().occurrence(), e.verdict().attribution(),
                e.verdict().confidence(), e.verdict().actingParty(), List.copyOf(types), byStance,
                e.tally().casualties(), severity, signals, false, rationale, state.streamTime,
                e.statements().stream().map(r -> r.source().id()).distinct().sorted().toList());
    }

    /** Members in publication order, then observer statements whose coverage applies to one of its claims. */
    private List<IncidentReport> statements(IncidentState inc) {
        List<IncidentReport> members = members(inc);
        List<IncidentReport> all = new ArrayList<>(members);
        if (!inc.alone) {
            List<IncidentReport> claims = members.stream().filter(r -> r.stance() == Stance.CLAIM).toList();
            for (UUID o : state.observations) {
                IncidentReport obs = state.reports.get(o);
                if (obs != null && !inc.has(o) && claims.stream().anyMatch(c ->
                        ReportKinds.covers(obs, inc.segment, c.occurredAt(), c.occurredUntil()))) {
                    all.add(obs);
                }
            }
        }
        all.sort(Comparator.comparing(IncidentReport::publishedAt).thenComparing(IncidentReport::reportId));
        return all;
    }

    private List<IncidentReport> members(IncidentState inc) {
        return inc.members.stream().map(m -> state.reports.get(m.reportId())).filter(Objects::nonNull)
                .sorted(Comparator.comparing(IncidentReport::publishedAt).thenComparing(IncidentReport::reportId))
                .toList();
    }

    private void refreshClaimOccurrences(List<Evaluated> evaluated) {
        Map<UUID, Occurrence> best = new LinkedHashMap<>();
        for (Evaluated e : evaluated) {
            for (IncidentReport r : e.facts().claims()) {
                best.merge(r.reportId(), e.verdict().occurrence(),
                        (a, b) -> CLAIM_FAVOUR.get(a) >= CLAIM_FAVOUR.get(b) ? a : b);
            }
        }
        state.claims.values().forEach(list -> list.replaceAll(c -> {
            Occurrence o = best.get(c.reportId());
            return o == null || o == c.occurrence() ? c : c.withOccurrence(o);
        }));
    }

    private Signal withMilestones(Signal signal) {
        if (state.milestones.isEmpty()) {
            return signal;
        }
        Optional<OffsetDateTime> earliest = signal.reportIds().stream().map(this::eventTime)
                .filter(Objects::nonNull).min(Comparator.naturalOrder());
        if (earliest.isEmpty()) {
            return signal;
        }
        StringBuilder sb = new StringBuilder(signal.rationale() == null ? "" : signal.rationale());
        state.milestones.stream().map(state.reports::get).filter(Objects::nonNull)
                .filter(m -> !m.occurredAt().isAfter(earliest.get())
                        && !m.occurredAt().isBefore(earliest.get().minus(settings.signals().milestoneLookback())))
                .sorted(Comparator.comparing(IncidentReport::occurredAt))
                .forEach(m -> sb.append(" It follows a diplomatic milestone: ").append(Sentences.who(m.source()))
                        .append(" on ").append(Sentences.day(m.occurredAt())).append(": \"")
                        .append(abbreviate(m.text())).append("\"."));
        return new Signal(signal.type(), signal.reportIds(), sb.toString());
    }

    private OffsetDateTime eventTime(UUID reportId) {
        IncidentReport r = state.reports.get(reportId);
        if (r != null) {
            return r.occurredAt();
        }
        return state.claims.values().stream().flatMap(List::stream).filter(c -> c.reportId().equals(reportId))
                .map(ClaimRecord::occurredAt).findFirst().orElse(null);
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        String t = text.strip();
        if (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1);
        }
        return t.length() <= 160 ? t : t.substring(0, 157) + "...";
    }

    /**
     * A remembered claim the response answers whose incident has closed (it is in no open incident): the response
     * will find no claim to join, so it must not wait as if its claim were still to come.
     */
    private Optional<ClaimRecord> answeredClosedClaim(IncidentReport r) {
        if (r.answers() == null) {
            return Optional.empty();
        }
        return state.claims.values().stream().flatMap(List::stream)
                .filter(c -> state.incidents.stream().noneMatch(i -> i.has(c.reportId())))
                .filter(c -> AnswerMatcher.answers(r, c))
                .min(Comparator.comparing(ClaimRecord::occurredAt).thenComparing(ClaimRecord::reportId));
    }

    /** A response to a claim of a closed incident: its own closed assessment, saying what it answers. */
    private Assessment assessAnswerToClosed(IncidentReport r, ClaimRecord claim) {
        BorderSegment segment = claim.segments().isEmpty() ? BorderSegment.UNRESOLVED : claim.segments().get(0);
        Verdict verdict = VerdictRules.decide(segment, List.of(r), s -> reliability.of(s, state.source(s.id())));
        List<String> rationale = new ArrayList<>();
        rationale.add(Sentences.describe(r));
        rationale.add("It answers " + claim.who() + "'s claim about " + Sentences.time(claim.occurredAt()) + " in "
                + Sentences.segments(claim.segments()) + ", whose incident had already closed (its last verdict "
                + claim.occurrence() + "); the closed incident is not reopened, so this statement is assessed alone.");
        // the claim is not in this assessment: "the claim it answers is not known" would contradict the sentence above
        verdict.reasons().stream().filter(x -> !x.startsWith("Occurrence UNVERIFIED")).forEach(rationale::add);
        if (verdict.occurrence() == Occurrence.UNVERIFIED) {
            rationale.add("Occurrence UNVERIFIED for this statement alone; the closed incident keeps its own verdict.");
        }
        Map<Stance, List<UUID>> byStance = new EnumMap<>(Stance.class);
        byStance.put(r.stance(), List.of(r.reportId()));
        Severity severity = SeverityRules.severity(verdict.occurrence(), List.of(), List.of(), settings.severity(),
                settings.signals().fatalitiesCritical());
        return new Assessment(Assessment.SCHEMA_VERSION, Uuids.incidentId(segment.name(), r.reportId()), 1, segment,
                new TimeWindow(claim.occurredAt(), claim.occurredUntil()), verdict.occurrence(),
                verdict.attribution(), verdict.confidence(), verdict.actingParty(), r.eventTypes(), byStance,
                List.of(), severity, List.of(), true, rationale, state.streamTime, List.of(r.source().id()));
    }

    private Assessment assessAlone(IncidentReport r) {
        BorderSegment segment = ReportKinds.isPlaceable(r) ? r.location().primarySegment() : BorderSegment.UNRESOLVED;
        Verdict verdict = VerdictRules.decide(segment, List.of(r), s -> reliability.of(s, state.source(s.id())));
        CasualtyRules.Tally tally = CasualtyRules.tally(List.of(r));
        List<String> rationale = new ArrayList<>();
        rationale.add(Sentences.describe(r));
        rationale.addAll(verdict.reasons());
        rationale.add("Published " + Sentences.time(r.publishedAt()) + ", more than " + settings.grace().toDays()
                + " days behind stream time " + Sentences.time(state.streamTime)
                + ": assessed alone, not correlated with other reports.");
        Map<Stance, List<UUID>> byStance = new EnumMap<>(Stance.class);
        byStance.put(r.stance(), List.of(r.reportId()));
        Severity severity = SeverityRules.severity(verdict.occurrence(), tally.casualties(), List.of(),
                settings.severity(), settings.signals().fatalitiesCritical());
        return new Assessment(Assessment.SCHEMA_VERSION, Uuids.incidentId(segment.name(), r.reportId()), 1, segment,
                new TimeWindow(r.occurredAt(), r.occurredUntil()), verdict.occurrence(), verdict.attribution(),
                verdict.confidence(), verdict.actingParty(), r.eventTypes(), byStance, tally.casualties(), severity,
                List.of(), true, rationale, state.streamTime, List.of(r.source().id()));
    }

    // ---------------------------------------------------------------------------------------------- closing

    private Assessment closedVersion(IncidentState inc, String sentence) {
        List<String> rationale = new ArrayList<>(inc.last.rationale());
        rationale.add(sentence);
        inc.version++;
        Assessment closed = withVersion(inc.last, inc.version, true, rationale);
        closed = new Assessment(closed.schemaVersion(), closed.incidentId(), closed.version(), closed.segment(),
                closed.window(), closed.occurrence(), closed.attribution(), closed.confidence(), closed.actingParty(),
                closed.eventTypes(), closed.reportIds(), closed.casualties(), closed.severity(), closed.signals(),
                true, closed.rationale(), state.streamTime, closed.sources());
        inc.last = closed;
        return closed;
    }

    /** Only verdicts decided by an observer's word move the claimants' track records. */
    private void recordTrackRecord(IncidentState inc) {
        if (!inc.observerDecided || inc.occurrence == null) {
            return;
        }
        for (String source : inc.claimSources) {
            SourceRecord r = state.source(source);
            state.sources.put(source, inc.occurrence == Occurrence.CONFIRMED ? r.confirm() : r.refute());
        }
    }

    private void trim() {
        OffsetDateTime now = state.streamTime;
        Duration keep = settings.grace().plus(settings.quietPeriod());
        state.seen.values().removeIf(s -> s.publishedAt().isBefore(now.minus(keep)));
        state.observations.removeIf(o -> {
            IncidentReport r = state.reports.get(o);
            return r == null || r.coverage().to().isBefore(now.minus(keep));
        });
        state.milestones.removeIf(m -> {
            IncidentReport r = state.reports.get(m);
            return r == null || r.occurredAt().isBefore(now.minus(settings.signals().milestoneLookback()).minus(keep));
        });
        OffsetDateTime claimHorizon = now.minus(settings.signals().claimHistory()).minus(settings.grace());
        state.claims.values().forEach(list -> list.removeIf(c -> c.occurredAt().isBefore(claimHorizon)
                && c.publishedAt().isBefore(claimHorizon)));
        state.claims.values().removeIf(List::isEmpty);
        state.segmentStarts.values().forEach(starts -> {
            OffsetDateTime latest = starts.stream().max(Comparator.naturalOrder()).orElse(now);
            starts.removeIf(s -> s.isBefore(latest.minus(settings.signals().quietLookback())));
        });
        collectGarbage();
    }

    /** Drops reports nothing refers to any more. */
    private void collectGarbage() {
        Set<UUID> live = new LinkedHashSet<>();
        state.incidents.forEach(i -> i.members.forEach(m -> live.add(m.reportId())));
        live.addAll(state.observations);
        live.addAll(state.pending);
        live.addAll(state.milestones);
        state.reports.keySet().retainAll(live);
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static boolean sameContent(Assessment a, Assessment b) {
        return withVersion(a, 1, a.closed(), a.rationale()).equals(withVersionAndAsOf(b, a.asOf()));
    }

    private static Assessment withVersionAndAsOf(Assessment b, OffsetDateTime asOf) {
        return new Assessment(b.schemaVersion(), b.incidentId(), 1, b.segment(), b.window(), b.occurrence(),
                b.attribution(), b.confidence(), b.actingParty(), b.eventTypes(), b.reportIds(), b.casualties(),
                b.severity(), b.signals(), b.closed(), b.rationale(), asOf, b.sources());
    }

    private static Assessment withVersion(Assessment a, long version, boolean closed, List<String> rationale) {
        return new Assessment(a.schemaVersion(), a.incidentId(), version, a.segment(), a.window(), a.occurrence(),
                a.attribution(), a.confidence(), a.actingParty(), a.eventTypes(), a.reportIds(), a.casualties(),
                a.severity(), a.signals(), closed, rationale, a.asOf(), a.sources());
    }

    private static IncidentReport withoutText(IncidentReport r) {
        return new IncidentReport(r.schemaVersion(), r.reportId(), r.sourceRef(), r.revision(), r.source(),
                r.stance(), r.actingParty(), r.eventTypes(), r.location(), r.occurredAt(), r.occurredUntil(),
                r.timePrecision(), r.publishedAt(), r.receivedAt(), r.casualties(), r.answers(), r.coverage(),
                r.retaliation(), null, r.language(), r.url());
    }

}
