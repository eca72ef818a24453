package org.borderwatch.classifier.engine;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.borderwatch.classifier.correlation.IncidentState;
import org.borderwatch.classifier.correlation.ReportKinds;
import org.borderwatch.classifier.reliability.SourceReliability;
import org.borderwatch.classifier.signal.Detectors;
import org.borderwatch.classifier.signal.Neighbours;
import org.borderwatch.classifier.signal.SignalDetector;
import org.borderwatch.classifier.verdict.Sentences;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.IncidentReport;

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

    /**
     * Whether this is the final version of an incident that turned out not to be one of its own: it merged into
     * another, or its reports left it (a waiting answer that found its claim, a correction that moved). Its closure
     * says so (MERGED, DISSOLVED); a version without one (written before the closure existed) by its last sentence.
     */
    public static boolean isRetirement(Assessment a) {
        if (a.closed() && a.closure() != null) {
            return a.closure().withdrawn();
        }
        if (!a.closed() || a.rationale().isEmpty()) {
            return false;
        }
        String last = a.rationale().get(a.rationale().size() - 1);
        return last.startsWith(Correlator.MERGED) || last.startsWith(Correlator.DISSOLVED);
    }

    private final ClassifierSettings settings;
    private final Neighbours neighbours;
    private final List<SignalDetector> detectors;
    private final SourceReliability reliability;
    private EngineState state;
    private Correlator correlator;
    private Assessor assessor;
    private Housekeeping housekeeping;

    public ClassifierEngine(ClassifierSettings settings, Neighbours neighbours) {
        this(settings, neighbours, Detectors.all(), new EngineState());
    }

    public ClassifierEngine(ClassifierSettings settings, Neighbours neighbours, List<SignalDetector> detectors,
                            EngineState state) {
        this.settings = Objects.requireNonNull(settings);
        this.neighbours = Objects.requireNonNull(neighbours);
        this.detectors = List.copyOf(detectors);
        this.reliability = new SourceReliability(settings.reliability());
        use(state == null ? new EngineState() : state);
    }

    public static ClassifierEngine withDefaults() {
        return new ClassifierEngine(ClassifierSettings.defaults(), Neighbours.fromClasspath());
    }

    /** The state document (live: do not change it). */
    public EngineState state() {
        return state;
    }

    public void restore(EngineState restored) {
        use(restored == null ? new EngineState() : restored);
    }

    private void use(EngineState newState) {
        this.state = newState;
        this.assessor = new Assessor(settings, neighbours, detectors, reliability, newState);
        this.correlator = new Correlator(settings, newState, assessor);
        this.housekeeping = new Housekeeping(settings, newState);
    }

    /** Open incidents that have been assessed (not those held unseen with context only, c23). */
    public int openIncidents() {
        return (int) state.incidents.stream().filter(i -> i.last != null).count();
    }

    /** Closed incidents still kept for late reports within grace. */
    public int retainedClosedIncidents() {
        return state.closed.size();
    }

    /** The ids of the incidents the engine holds: open ones and closed ones kept for the grace after closure. */
    public Set<UUID> heldIncidentIds() {
        Set<UUID> ids = new java.util.HashSet<>();
        state.incidents.forEach(i -> ids.add(i.id));
        state.closed.forEach(i -> ids.add(i.id));
        return ids;
    }

    public long lateReports() {
        return state.lateReports;
    }

    public Optional<OffsetDateTime> streamTime() {
        return Optional.ofNullable(state.streamTime);
    }

    /** Processes one report; returns the assessment versions it caused (closures of quiet incidents first). */
    public Result process(IncidentReport received) {
        IncidentReport report = onPublicationDayIfTimeless(received);
        UUID id = report.reportId();
        EngineState.Seen seen = heldOrSeen(id);
        if (seen != null && seen.revision() >= report.revision()) {
            state.duplicates++;
            return new Result(Outcome.DUPLICATE, List.of());
        }
        if (state.streamTime != null && report.publishedAt().isBefore(state.streamTime.minus(settings.grace()))) {
            // remembered as seen, so that a redelivery is a duplicate (no output) and a correction (a higher revision)
            // is assessed alone again as the next version of the same incident (Assessor.aloneVersion). Kept from
            // the stream time it was read at, not from its publication: published more than grace + quiet period
            // behind, it would be forgotten by the next trim
            boolean apart = Assessor.apart(seen, report);
            // c23: a statement that is context only (stance UNKNOWN) is not assessed alone, unless an earlier revision
            // was (its incident exists: the correction is its next version)
            boolean unseen = ReportKinds.isContextOnly(report) && (seen == null || seen.segments() == null
                    || seen.segments().isEmpty());
            List<Assessment> alone = unseen ? List.of() : assessor.assessAlone(report, apart);
            List<Assessment> late = new ArrayList<>(assessor.withdrawnAlone(seen, report));
            late.addAll(alone);
            state.seen.put(id, new EngineState.Seen(report.revision(), state.streamTime, apart,
                    unseen ? List.of() : Assessor.segmentsAlone(report)));
            state.lateReports++;
            return new Result(Outcome.LATE, late);
        }
        // what this engine has heard of starts with its first report (a state from before the field: unknown, unless
        // it remembers nothing — then nothing it heard before reaches the rules either)
        if (state.historyStart == null ? state.seen.isEmpty() && state.claims.isEmpty()
                : report.publishedAt().isBefore(state.historyStart)) {
            state.historyStart = org.borderwatch.classifier.verdict.BorderTime.local(report.publishedAt());
        }
        List<Assessment> out = new ArrayList<>(advance(report.publishedAt()));
        if (!state.reports.containsKey(id) && isRetrospective(report) && !correlator.joinsHeldByTime(report)) {
            // replay audit C5: a claim published long after its event ended (an anniversary statement) re-tells an
            // event whose incident is gone; as a late report it is assessed alone and closed, and it is remembered
            // nowhere else: no surge, spread, calm or cycle of a current incident counts it. A correction of a claim
            // still held is withdrawn and placed as any correction (below); one of a retrospective claim is assessed
            // alone again, as the next version of the same incident (its version is the revision)
            boolean apart = Assessor.apart(seen, report);
            out.addAll(assessor.withdrawnAlone(seen, report));
            state.seen.put(id, new EngineState.Seen(report.revision(), report.publishedAt(), apart,
                    Assessor.segmentsAlone(report)));
            state.lateReports++;
            out.addAll(assessor.assessRetrospective(report, apart));
            housekeeping.trim();
            return new Result(Outcome.LATE, out);
        }
        if (correctsEvicted(report)) {
            // c23: a correction of a claim whose incident closed and was evicted: assessed alone and closed, counted
            // as late, never a new incident about the closed event (see Assessor.assessCorrectionOfEvicted)
            boolean apart = Assessor.apart(seen, report);
            out.addAll(assessor.withdrawnAlone(seen, report));
            out.addAll(assessor.assessCorrectionOfEvicted(report, apart));
            state.seen.put(id, new EngineState.Seen(report.revision(), report.publishedAt(), apart,
                    Assessor.segmentsAlone(report)));
            state.lateReports++;
            housekeeping.trim();
            return new Result(Outcome.LATE, out);
        }
        IncidentReport stored = ReportKinds.isMilestone(report) ? report : withoutText(report);
        IncidentReport previous = seen == null ? null : state.reports.get(id);
        correlator.beginReport();
        if (previous != null && correlator.correctInPlace(previous, stored)) {
            state.seen.put(id, new EngineState.Seen(report.revision(), report.publishedAt()));
            out.addAll(assessor.reassess(correlator.touchedClosed()));
            housekeeping.trim();
            return new Result(Outcome.CORRECTED, out);
        }
        Correlator.Withdrawal withdrawal = seen != null
                ? correlator.withdraw(id, "corrected by revision " + report.revision()) : Correlator.Withdrawal.NONE;
        List<Assessment> dissolved = new ArrayList<>(withdrawal.dissolved());
        // a report assessed alone before, now placed in order: its incidents alone in segments it no longer names go
        dissolved.addAll(assessor.withdrawnAlone(seen, report));
        state.seen.put(id, new EngineState.Seen(report.revision(), report.publishedAt()));
        List<Assessment> placed = new ArrayList<>();
        // responses the withdrawal left in no incident are placed again first (they find their claims or wait; the
        // corrected report then adopts those that answer it, as for any response published before its claim)
        for (UUID orphan : withdrawal.orphans()) {
            IncidentReport response = state.reports.get(orphan);
            if (previous != null && previous.stance() == org.borderwatch.common.model.Stance.CLAIM
                    && response.answers() != null) {
                state.correctedAway.put(orphan, id);
            }
            placed.addAll(correlator.place(response));
        }
        state.reports.put(id, stored);
        placed.addAll(correlator.place(state.reports.get(id)));
        placed.addAll(assessor.reassess(correlator.touchedClosed()));
        // an incident the correction emptied and formed again under the same id was never really closed: its
        // consumers see the next open version, not a "dissolved" one followed by a reopening
        Set<UUID> reformed = correlator.reformed();
        // (c25: unless it was formed again of context only, held unseen: then it did close, DISSOLVED)
        dissolved.stream().filter(a -> !reformed.contains(a.incidentId())
                || placed.stream().noneMatch(p -> p.incidentId().equals(a.incidentId()))).forEach(out::add);
        out.addAll(placed);
        // c25: a correction of a response that had opened an incident since evicted, matched again as a late answer
        // under that incident's id: assessed alone and closed, counted as late like a correction of an evicted claim
        housekeeping.trim();
        if (report.revision() > 1 && !state.reports.containsKey(id) && placed.stream()
                .anyMatch(a -> a.closed() && org.borderwatch.common.model.Closure.ASSESSED_ALONE.equals(a.closure())
                        && assessor.wasEvicted(a.incidentId()))) {
            state.lateReports++;
            return new Result(Outcome.LATE, out);
        }
        return new Result(seen != null ? Outcome.CORRECTED : Outcome.ACCEPTED, out);
    }

    /**
     * What the engine remembers of a report id: its seen entry, or — c22 — the revision an incident still held (open,
     * or closed and kept for the grace) has of it. The seen history is trimmed at grace + quiet period after a report's
     * publication, while an incident that goes on receiving reports holds its first ones longer (and a closed one a
     * further grace): a correction of such a report, treated as a new one, was placed a second time and the incident
     * it moved away from kept it; a redelivery was assessed alone as a late report beside the incident holding it.
     */
    private EngineState.Seen heldOrSeen(UUID id) {
        EngineState.Seen seen = state.seen.get(id);
        IncidentReport held = state.reports.get(id);
        if (seen == null && held != null) {
            return new EngineState.Seen(held.revision(), held.publishedAt());
        }
        return seen;
    }

    /**
     * Whether a report corrects (a higher revision) a claim the engine remembers but no longer holds — its incident
     * closed and was evicted — and would join no incident still held by its time (c23). A statement of unknown stance is
     * context only and never assessed alone; a first revision, or one the engine never heard of, is placed as usual.
     */
    private boolean correctsEvicted(IncidentReport r) {
        return r.revision() > 1 && !state.reports.containsKey(r.reportId()) && !ReportKinds.isContextOnly(r)
                && assessor.remembersClaim(r.reportId()) && !correlator.joinsHeldByTime(r);
    }

    /**
     * Whether a report is a retrospective claim (replay audit C5): a claim whose event ended more than
     * {@link ClassifierSettings#retrospectiveAfter()} (grace + quiet period) before its own publication. Answers
     * (denials, confirmations, refutations) published long after are not: they keep the late-answer path. At exactly
     * the threshold it is not retrospective (as closure waits until stream time is <em>after</em> its instant).
     */
    boolean isRetrospective(IncidentReport r) {
        return r.stance() == org.borderwatch.common.model.Stance.CLAIM
                && r.occurredUntil().plus(settings.retrospectiveAfter()).isBefore(r.publishedAt());
    }

    /**
     * Moves stream time forward (never back) and closes the incidents that have been quiet for the configured
     * period, returning their final versions; then evicts the closed incidents whose grace has passed. Called before
     * every report and by the stream's punctuator. An incident closes once stream time is <em>after</em> its last
     * activity plus the quiet period: a report published at exactly that instant is still read while it is open.
     */
    public List<Assessment> advance(OffsetDateTime time) {
        // kept at the border's offset (ninth round): a report written in UTC moved stream time to its own offset in a
        // replay, while the stream's punctuator had already moved it to the same instant at the previous offset, so
        // the assessments' asOf differed ("…T05:00:00Z" against "…T09:00:00+04:00") between live and replay
        if (state.streamTime == null || time.isAfter(state.streamTime)) {
            state.streamTime = org.borderwatch.classifier.verdict.BorderTime.local(time);
        }
        return closeQuiet(state.streamTime, "Closed: no new reports for " + settings.quietPeriod().toDays()
                + " days (stream time " + Sentences.time(state.streamTime) + ").");
    }

    /**
     * The stream's idle advance (c20): no report has arrived for a while of wall-clock time, so the incidents that
     * would be closed had stream time moved on to {@code asIf} (stream time plus the wall-clock time since the last
     * report arrived) are closed now, with their final versions. Stream time itself does not move: whether a report
     * is late (beyond the grace), which closed incidents are evicted and the {@code asOf} of every version stay on
     * publication time, as in a replay. An incident closed here is kept for the grace after {@code asIf}, so a
     * report of its time that arrives later corrects its final version like any report after a closure. Nothing
     * happens when {@code asIf} is not after stream time.
     */
    public List<Assessment> closeIdle(OffsetDateTime asIf) {
        if (state.streamTime == null || !asIf.isAfter(state.streamTime)) {
            return List.of();
        }
        OffsetDateTime at = org.borderwatch.classifier.verdict.BorderTime.local(asIf);
        return closeQuiet(at, "Closed: no new reports for " + settings.quietPeriod().toDays() + " days (as of "
                + Sentences.time(at) + ": no report has arrived since stream time "
                + Sentences.time(state.streamTime) + ", and the wall-clock time since then is counted).");
    }

    /** Closes the incidents quiet for the quiet period before {@code at}; then evicts those whose grace has passed. */
    private List<Assessment> closeQuiet(OffsetDateTime at, String sentence) {
        List<Assessment> out = new ArrayList<>();
        Iterator<IncidentState> it = state.incidents.iterator();
        List<IncidentState> closing = new ArrayList<>();
        while (it.hasNext()) {
            IncidentState inc = it.next();
            OffsetDateTime lastActivity = inc.lastPublished.isAfter(inc.to) ? inc.lastPublished : inc.to;
            if (lastActivity.plus(settings.quietPeriod()).isBefore(at)) {
                closing.add(inc);
                it.remove();
            }
        }
        for (IncidentState inc : closing) {
            housekeeping.recordTrackRecord(inc);
            if (inc.last != null) {
                out.add(assessor.closedVersion(inc, sentence, org.borderwatch.common.model.Closure.QUIET));
                inc.closedAt = at;
                inc.closing = sentence;
                state.closed.add(inc);
            }
        }
        boolean evicted = housekeeping.evictClosed();
        if (!closing.isEmpty() || evicted) {
            state.pending.removeIf(p -> state.incidents.stream().noneMatch(i -> i.has(p))
                    && state.closed.stream().noneMatch(i -> i.has(p)));
            housekeeping.collectGarbage();
        }
        return out;
    }

    /**
     * A report that gives no event time at all (precision UNKNOWN, its interval the publication instant — what the
     * canonical report defaults to when a partner leaves {@code occurredAt} out) is placed on the border's day of its
     * publication, 00:00 to 23:59:59, as the contract defines UNKNOWN ("the text gave no time and the interval is the
     * day of publication") and as ingest writes it. At its publication instant it was placed like a precise report: it
     * formed sessions, bridged two sessions within the gap of that instant and stretched their windows to it, though
     * nothing says the event happened then. On the whole day it is an imprecise report (attaches, never bridges) and
     * its sentence says "time not stated; published …".
     */
    static IncidentReport onPublicationDayIfTimeless(IncidentReport r) {
        if (r.timePrecision() != org.borderwatch.common.model.TimePrecision.UNKNOWN
                || !r.occurredAt().isEqual(r.publishedAt()) || !r.occurredUntil().isEqual(r.occurredAt())) {
            return r;
        }
        java.time.LocalDate day = org.borderwatch.classifier.verdict.BorderTime.local(r.publishedAt()).toLocalDate();
        java.time.ZoneOffset at = org.borderwatch.classifier.verdict.BorderTime.OFFSET;
        return new IncidentReport(r.schemaVersion(), r.reportId(), r.sourceRef(), r.revision(), r.source(),
                r.stance(), r.actingParty(), r.eventTypes(), r.location(), day.atStartOfDay().atOffset(at),
                day.atTime(23, 59, 59).atOffset(at), r.timePrecision(), r.publishedAt(), r.receivedAt(),
                r.casualties(), r.answers(), r.coverage(), r.retaliation(), r.text(), r.language(), r.url());
    }

    private static IncidentReport withoutText(IncidentReport r) {
        return new IncidentReport(r.schemaVersion(), r.reportId(), r.sourceRef(), r.revision(), r.source(),
                r.stance(), r.actingParty(), r.eventTypes(), r.location(), r.occurredAt(), r.occurredUntil(),
                r.timePrecision(), r.publishedAt(), r.receivedAt(), r.casualties(), r.answers(), r.coverage(),
                r.retaliation(), null, r.language(), r.url());
    }

}
