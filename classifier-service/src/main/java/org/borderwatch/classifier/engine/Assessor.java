package org.borderwatch.classifier.engine;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.borderwatch.classifier.correlation.AnswerMatcher;
import org.borderwatch.classifier.correlation.IncidentState;
import org.borderwatch.classifier.correlation.Membership;
import org.borderwatch.classifier.correlation.ReportKinds;
import org.borderwatch.classifier.reliability.SourceReliability;
import org.borderwatch.classifier.signal.ClaimRecord;
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
import org.borderwatch.common.model.Attribution;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Closure;
import org.borderwatch.common.model.EventType;
import org.borderwatch.common.model.Evidence;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.Signal;
import org.borderwatch.common.model.Stance;
import org.borderwatch.common.model.TimeWindow;

/**
 * Builds assessments: decides every open incident's verdict, casualties, signals and severity from its statements
 * and issues a new version when its content changed; also the one-off assessments of a late report and of an answer
 * to a closed incident's claim, and an incident's closing version. Works on the engine's {@link EngineState}.
 */
final class Assessor {

    private static final Map<Occurrence, Integer> CLAIM_FAVOUR = Map.of(Occurrence.CONFIRMED, 3,
            Occurrence.UNVERIFIED, 2, Occurrence.DISPUTED, 1, Occurrence.REFUTED, 0);

    private final ClassifierSettings settings;
    private final Neighbours neighbours;
    private final List<SignalDetector> detectors;
    private final SourceReliability reliability;
    private final EngineState state;

    Assessor(ClassifierSettings settings, Neighbours neighbours, List<SignalDetector> detectors,
             SourceReliability reliability, EngineState state) {
        this.settings = settings;
        this.neighbours = neighbours;
        this.detectors = detectors;
        this.reliability = reliability;
        this.state = state;
    }

    private record Evaluated(IncidentState incident, List<IncidentReport> statements, Verdict verdict,
                             CasualtyRules.Tally tally, IncidentFacts facts) {
    }

    /** Decides every open incident again; returns a new version of each one whose content changed. */
    List<Assessment> reassess() {
        return reassess(List.of());
    }

    /**
     * Decides every open incident again, and the given closed ones (kept for the grace after their closure) that the
     * current report changed; returns a new version of each one whose content changed — for a closed incident a
     * corrected final version, still {@code closed}. The open incidents' signals are decided among the open
     * incidents, as always; a closed incident's among the open ones and itself.
     */
    List<Assessment> reassess(List<IncidentState> closedTouched) {
        Set<UUID> open = new java.util.HashSet<>();
        state.incidents.forEach(i -> i.members.forEach(m -> open.add(m.reportId())));
        state.incidents.forEach(this::countStartOnceHostile);
        closedTouched.forEach(this::countStartOnceHostile);
        List<Evaluated> evaluated = new ArrayList<>();
        for (IncidentState inc : state.incidents) {
            if (!contextOnly(inc)) {
                evaluated.add(evaluate(inc, open));
            }
        }
        List<Evaluated> closedEvaluated = new ArrayList<>();
        for (IncidentState inc : closedTouched) {
            // its claimants' track records counted its verdict at closure: count the corrected one instead
            Housekeeping.countTrackRecord(state, inc, false);
            Set<UUID> notEarlier = new java.util.HashSet<>(open);
            inc.members.forEach(m -> notEarlier.add(m.reportId()));
            closedEvaluated.add(evaluate(inc, notEarlier));
            Housekeeping.countTrackRecord(state, inc, true);
        }
        List<Evaluated> all = new ArrayList<>(evaluated);
        all.addAll(closedEvaluated);
        refreshClaimOccurrences(all);
        List<IncidentFacts> kept = keptClosedFacts(closedTouched);
        List<IncidentFacts> openAndKept = new ArrayList<>(evaluated.stream().map(Evaluated::facts).toList());
        openAndKept.addAll(kept);
        SignalContext context = new SignalContext(settings.signals(), neighbours, openAndKept, state.claims,
                settings.maxJoiningSpan()).heardSince(state.historyStart);
        List<Assessment> out = new ArrayList<>();
        for (Evaluated e : evaluated) {
            Assessment a = assessment(e, signals(e, context));
            IncidentState inc = e.incident();
            if (inc.last == null || !sameContent(inc.last, a)) {
                inc.version++;
                a = withVersion(a, inc.version, false, a.rationale());
                inc.last = a;
                out.add(a);
            }
        }
        for (Evaluated e : closedEvaluated) {
            List<IncidentFacts> facts = new ArrayList<>(openAndKept);
            facts.add(e.facts());
            SignalContext withIt = new SignalContext(settings.signals(), neighbours, facts, state.claims,
                    settings.maxJoiningSpan()).heardSince(state.historyStart);
            Assessment a = assessment(e, signals(e, withIt));
            IncidentState inc = e.incident();
            // it keeps the closure of its closing version (only a quiet period keeps a closed incident for the grace)
            Closure closure = inc.last != null && inc.last.closure() != null ? inc.last.closure() : Closure.QUIET;
            Assessment asClosed = closedForm(a, List.of(inc.closing), closure);
            Assessment corrected = closedForm(a, List.of(inc.closing, CORRECTED_AFTER_CLOSURE), closure);
            if (inc.last == null || (!sameContent(inc.last, asClosed) && !sameContent(inc.last, corrected))) {
                inc.version++;
                a = withVersion(corrected, inc.version, true, corrected.rationale());
                inc.last = a;
                out.add(a);
            }
        }
        return out;
    }

    /**
     * Whether an incident holds only statements that are context ({@link ReportKinds#isContextOnly}: stance UNKNOWN)
     * and has never been assessed: it is held without an assessment (no version, no closing version, in no signal's
     * count) until a statement that counts joins it (c23). One assessed before whose claim a correction turned into an
     * unreadable statement is dissolved by the withdrawal (its closing version, DISSOLVED, also when it is formed again
     * of context only under the same id: ClassifierEngine, c25) and its statements are held unseen again.
     */
    boolean contextOnly(IncidentState inc) {
        return inc.last == null && !inc.members.isEmpty() && inc.members.stream().allMatch(m -> {
            IncidentReport r = state.reports.get(m.reportId());
            return r != null && ReportKinds.isContextOnly(r);
        });
    }

    /** The last sentence of a closed incident's final version corrected by a late report within grace. */
    static final String CORRECTED_AFTER_CLOSURE = "Final version corrected after the closure by a report published "
            + "since (within the grace of its closure); the incident stays closed.";

    private static Assessment closedForm(Assessment a, List<String> closing, Closure closure) {
        List<String> rationale = new ArrayList<>(a.rationale());
        closing.stream().filter(Objects::nonNull).forEach(rationale::add);
        return withVersion(a, a.version(), true, rationale).withClosure(closure);
    }

    private List<Signal> signals(Evaluated e, SignalContext context) {
        List<Signal> signals = new ArrayList<>();
        for (SignalDetector d : detectors) {
            d.detect(e.facts(), context).map(this::withMilestones).ifPresent(signals::add);
        }
        return signals;
    }

    /**
     * QUIET_BROKEN's count of a segment's incidents before a calm counts incidents of hostile action only (held-out
     * batch 40: a mine explosion near Verin Shorzha was one of the "3 incidents in the 90 days before the calm" that made
     * the Norabak shelling QUIET_BROKEN). An incident opened by anything else (a mine, a side's own engineering work, a
     * waiting denial, a statement of unknown stance) is created with its start uncounted; its start joins the
     * segment's starts once one of its claims that says when it happened tells of hostile action (a summary of a
     * period never does: {@code correlation.max-joining-span}).
     */
    private void countStartOnceHostile(IncidentState inc) {
        if (!inc.startUncounted || inc.alone) {
            return;
        }
        List<IncidentReport> members = members(inc);
        boolean noClaim = members.stream().noneMatch(r -> r.stance() == Stance.CLAIM);
        boolean hostile = Stream.concat(statements(inc).stream().filter(r -> r.stance() == Stance.CLAIM),
                        // C6: an incident of an independent confirmation that no claim told of
                        members.stream().filter(r -> noClaim && r.stance() == Stance.CONFIRMATION
                                && VerdictRules.isIndependent(r.source())))
                .anyMatch(r -> java.time.Duration.between(r.occurredAt(), r.occurredUntil())
                        .compareTo(settings.maxJoiningSpan()) <= 0
                        && org.borderwatch.classifier.signal.RetaliationDetector.toldHostileAct(r));
        if (hostile) {
            inc.startUncounted = false;
            state.segmentStarts.computeIfAbsent(inc.segment, s -> new ArrayList<>()).add(inc.start);
        }
    }

    private Evaluated evaluate(IncidentState inc, Set<UUID> notEarlier) {
        List<IncidentReport> statements = statements(inc);
        Verdict verdict = VerdictRules.decide(inc.segment, statements,
                s -> reliability.of(s, state.source(s.id())));
        Optional<ClaimRecord> earlier = earlierTelling(inc, notEarlier);
        if (earlier.isPresent()) {
            verdict = VerdictRules.carryForward(verdict, earlier.get());
        }
        inc.occurrence = verdict.occurrence();
        inc.observerDecided = verdict.observerDecided();
        inc.claimSources = verdict.claimSources();
        // its claims and confirmations, also an observer's confirmation that applies through its coverage alone
        // (eleventh round: EUMA's "one serviceman killed" counted only when the statement also gave answers)
        CasualtyRules.Tally tally = CasualtyRules.tally(statements, settings.sessionGap());
        IncidentFacts facts = new IncidentFacts(inc.id, inc.segment, inc.from, inc.to, verdict.occurrence(),
                members(inc), tally.casualties(), inc.start,
                inc.alone ? List.of() : state.segmentStarts.getOrDefault(inc.segment, List.of()));
        return new Evaluated(inc, statements, verdict, tally, facts);
    }

    /**
     * Which of the incident's claims a response answers, as correlation matched them: its answers, narrowed to the
     * claims naming the place it names when any of them does.
     */
    private static java.util.function.Predicate<IncidentReport> answeredBy(IncidentReport response,
                                                                           List<IncidentReport> claims,
                                                                           BorderSegment segment) {
        if (response.answers() == null) {
            return c -> false;
        }
        List<IncidentReport> answered = claims.stream().filter(c -> AnswerMatcher.answers(response, c, segment))
                .toList();
        List<IncidentReport> atPlace = answered.stream().filter(c -> AnswerMatcher.namesSettlementOf(response, c))
                .toList();
        List<IncidentReport> chosen = atPlace.isEmpty() ? answered : atPlace;
        return chosen::contains;
    }

    /**
     * Whether a claim that answers another and names no single segment stands in {@code segment} with the claim it
     * answers known nowhere — neither held nor remembered (placed beside a claim accusing its side:
     * {@code Correlator#placedAsAccusedRetaliation}).
     */
    private boolean answeredClaimUnknown(IncidentReport r, BorderSegment segment) {
        if (r.stance() != Stance.CLAIM || r.answers() == null || !segment.isResolved()
                || (r.location().isResolved() && !r.location().ambiguous())) {
            return false;
        }
        return state.reports.values().stream().noneMatch(c -> AnswerMatcher.answers(r, c, segment))
                && state.claims.values().stream().flatMap(List::stream)
                .noneMatch(c -> !c.reportId().equals(r.reportId()) && AnswerMatcher.answers(r, c));
    }

    private Assessment assessment(Evaluated e, List<Signal> signals) {
        IncidentState inc = e.incident();
        Severity computed = SeverityRules.severity(e.verdict().occurrence(), e.tally().casualties(), signals,
                settings.severity(), settings.signals().fatalitiesCritical());
        Severity severity = capUnregistered(computed, e.statements());
        List<String> rationale = new ArrayList<>();
        // a source that published the same account twice (two reports, one wording) is one sentence
        List<IncidentReport> claims = e.statements().stream().filter(r -> r.stance() == Stance.CLAIM).toList();
        e.statements().stream().map(r -> Sentences.describe(r, inc.segment, claims, answeredBy(r, claims, inc.segment),
                        answeredClaimUnknown(r, inc.segment)))
                .distinct().forEach(rationale::add);
        rationale.addAll(answeredAnEarlierVersion(inc.segment, e.statements()));
        List<String> away = answeredAClaimCorrectedAway(e.statements());
        rationale.addAll(away);
        rationale.addAll(partlyObserved(inc, e.statements()));
        rationale.addAll(confirmedOutsideItsTime(e.statements()));
        rationale.addAll(e.tally().sentences());
        e.verdict().reasons().stream().map(r -> !away.isEmpty() && r.equals(NOT_KNOWN_YET) ? NOT_KNOWN_MOVED : r)
                .forEach(rationale::add);
        rationale.addAll(severitySentences(computed, severity, signals));
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
                e.statements().stream().map(r -> r.source().id()).distinct().sorted().toList(),
                evidence(e.statements()));
    }

    /**
     * The statements behind a verdict, one entry per report in publication order (ties by report id): the revision the
     * engine holds of each (a correction replaces the report in the state, so its entry shows the new revision), with
     * its source, stance, publication time and URL. The statements are those the verdict read — the incident's
     * members and the observers' statements whose coverage applies to it — the same reports as {@code reportIds}.
     */
    static List<Evidence> evidence(List<IncidentReport> statements) {
        return statements.stream()
                .sorted(Comparator.comparing(IncidentReport::publishedAt).thenComparing(IncidentReport::reportId))
                .map(Assessor::evidenceOf).toList();
    }

    /**
     * A report's evidence entry; its link only when it is an absolute http(s) URL without spaces or control characters
     * (security review F11: a partner's {@code javascript:} or {@code data:} "url" reached the normalised topic, and the
     * first consumer rendering the evidence as a link would run it). Any other value is left out, as a report without
     * a link; ingest is to refuse it in the first place.
     */
    static Evidence evidenceOf(IncidentReport r) {
        Evidence e = Evidence.of(r);
        return e.url() == null || SAFE_URL.matcher(e.url()).matches() ? e
                : new Evidence(e.reportId(), e.revision(), e.source(), e.stance(), e.publishedAt(), null);
    }

    private static final java.util.regex.Pattern SAFE_URL = java.util.regex.Pattern.compile(
            "(?i)https?://[^\\s\\p{Cc}\\p{Cf}/?#]+[^\\s\\p{Cc}\\p{Cf}]*");

    /** The sentences that explain a severity: held at MEDIUM (unregistered publishers only), the signals behind it. */
    private static List<String> severitySentences(Severity computed, Severity severity, List<Signal> signals) {
        List<String> out = new ArrayList<>();
        if (severity != computed) {
            out.add(UNREGISTERED_ONLY + computed + ".");
        }
        if (!signals.isEmpty()) {
            out.add("Escalation signals: " + String.join(", ", signals.stream()
                    .map(s -> s.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')).toList())
                    + "; severity " + severity + ".");
        }
        return out;
    }

    /** The sentence of an incident held at MEDIUM because only unregistered publishers claim or confirm it. */
    static final String UNREGISTERED_ONLY = "Severity held at MEDIUM: every claim and confirmation in it comes from a "
            + "publisher the source registry does not know, whose word alone raises no incident higher; by the rules "
            + "it would be ";

    /**
     * Security review F2: an incident whose claims and confirmations all come from unregistered publishers stays at
     * most MEDIUM (their figures and weapons already count for nothing; this holds signals such as SPREAD or
     * RETALIATION_CYCLE that other incidents' claims raise with it). Alert-service's inhibition follows the severity.
     */
    static Severity capUnregistered(Severity severity, List<IncidentReport> statements) {
        if (severity.isAtLeast(Severity.HIGH) && !org.borderwatch.classifier.verdict.Publishers.anyRegisteredWord(
                statements) && statements.stream().anyMatch(org.borderwatch.classifier.verdict.Publishers::unregistered)) {
            return Severity.MEDIUM;
        }
        return severity;
    }

    /** Members in publication order, then observer statements whose coverage applies to one of its claims. */
    private List<IncidentReport> statements(IncidentState inc) {
        List<IncidentReport> members = members(inc);
        List<IncidentReport> all = new ArrayList<>(members);
        // a lone claim is covered only when it names several segments and the observer watched all of them
        List<IncidentReport> claims = members.stream().filter(r -> r.stance() == Stance.CLAIM).toList();
        for (UUID o : state.observations) {
            IncidentReport obs = state.reports.get(o);
            if (obs != null && !inc.has(o) && applies(obs, inc)) {
                all.add(obs);
            }
        }
        all.sort(Comparator.comparing(IncidentReport::publishedAt).thenComparing(IncidentReport::reportId));
        return all;
    }

    /**
     * Whether an observer statement applies through its coverage to one of the incident's claims: the coverage holds
     * the claim (segment and period), and a confirmation's own event fits it (analyst's review, finding 2) — its time,
     * when it states a precise one ({@link VerdictRules#confirmationFits}), and its place: a confirmation naming a
     * place ("near Tegh") confirms, among the claims of its segment that it fits, those naming that place; only when
     * none of them names it are all of them confirmed (as the answer matcher narrows a response to the claims about
     * its place). EUMA's "gunfire near Tegh in the late morning" covered the whole day and confirmed the Nerkin Hand
     * claim of that evening.
     */
    boolean applies(IncidentReport obs, IncidentState inc) {
        List<IncidentReport> claims = members(inc).stream().filter(r -> r.stance() == Stance.CLAIM).toList();
        List<IncidentReport> fitting = claims.stream().filter(c -> fits(obs, inc.segment, c)).toList();
        if (fitting.isEmpty() || obs.stance() != Stance.CONFIRMATION) {
            return !fitting.isEmpty();
        }
        if (fitting.stream().anyMatch(c -> AnswerMatcher.namesSettlementOf(obs, c))) {
            return true;
        }
        // no claim of this incident names its place: it applies unless a claim elsewhere in the segment that it fits does
        List<IncidentState> all = new ArrayList<>(state.incidents);
        all.addAll(state.closed);
        return all.stream().filter(i -> i != inc && !i.alone && i.segment == inc.segment)
                .flatMap(i -> members(i).stream().filter(c -> c.stance() == Stance.CLAIM && fits(obs, i.segment, c)))
                .noneMatch(c -> AnswerMatcher.namesSettlementOf(obs, c));
    }

    private boolean fits(IncidentReport obs, BorderSegment segment, IncidentReport claim) {
        return VerdictRules.coversClaim(obs, segment, claim)
                && VerdictRules.confirmationFits(obs, claim.occurredAt(), claim.occurredUntil(), settings.sessionGap());
    }

    /**
     * Sentences for a response that answered a claim as it stood when the response was published, where the claim's
     * source has since corrected it (a later revision under the same reference) to a time or place the response's
     * {@code answers} do not describe. The response stays linked to the claim it answered — corrected in place, the
     * claim keeps its incident and its answers — and still counts (an accused side's denial of this accusation is on
     * record until that side says otherwise; a correction by the accuser is no new accusation), but the reader sees
     * that it answered the earlier version, not the corrected one. A correction that moves the claim to another
     * incident (another segment, or beyond the session gap of the incident's other reports) takes it away from its
     * answers instead: they are placed again and wait for a claim they describe (see README, corrections).
     */
    private static List<String> answeredAnEarlierVersion(BorderSegment segment, List<IncidentReport> statements) {
        List<String> out = new ArrayList<>();
        List<IncidentReport> corrected = statements.stream()
                .filter(c -> c.stance() == Stance.CLAIM && c.revision() > 1).toList();
        for (IncidentReport r : statements) {
            if (r.answers() == null || r.stance() == Stance.CLAIM || r.stance() == Stance.UNKNOWN) {
                continue;
            }
            for (IncidentReport c : corrected) {
                if (!r.publishedAt().isBefore(c.publishedAt()) || AnswerMatcher.answers(r, c, segment)) {
                    continue;
                }
                String what = r.stance().name().toLowerCase(java.util.Locale.ROOT);
                out.add(Sentences.who(r.source()) + "'s " + what + " of " + Sentences.time(r.publishedAt())
                        + " answered " + Sentences.who(c.source()) + "'s claim as it stood then; the claim's revision "
                        + c.revision() + " of " + Sentences.time(c.publishedAt()) + " puts it "
                        + Sentences.eventTime(c) + Sentences.where(c) + ", which that " + what + " does not describe. "
                        + "It stays linked to the claim it answered and still counts, but it has not answered the "
                        + "corrected version.");
            }
        }
        return out.stream().distinct().toList();
    }

    private static final String NOT_KNOWN_YET = "Occurrence UNVERIFIED: the claim it answers is not known (yet).";
    private static final String NOT_KNOWN_MOVED = "Occurrence UNVERIFIED: no claim it describes is known (yet); the "
            + "one it answered was corrected away from what it describes.";

    /**
     * Sentences for a response whose claim its source corrected to a time or place that took it into another incident
     * (see {@link EngineState#correctedAway}): the response no longer answers it — correlation is by what an answer
     * describes, and this one describes the claim's earlier version — and the reader learns why it stands without it.
     */
    private List<String> answeredAClaimCorrectedAway(List<IncidentReport> statements) {
        Set<UUID> here = new java.util.HashSet<>();
        statements.forEach(r -> here.add(r.reportId()));
        List<String> out = new ArrayList<>();
        for (IncidentReport r : statements) {
            UUID claimId = state.correctedAway.get(r.reportId());
            IncidentReport c = claimId == null || here.contains(claimId) ? null : state.reports.get(claimId);
            if (c == null || c.stance() != Stance.CLAIM) {
                continue;
            }
            String what = r.stance().name().toLowerCase(java.util.Locale.ROOT);
            out.add(Sentences.who(r.source()) + "'s " + what + " of " + Sentences.time(r.publishedAt()) + " answered "
                    + Sentences.who(c.source()) + "'s claim as it stood then; the claim's revision " + c.revision()
                    + " of " + Sentences.time(c.publishedAt()) + " now places it " + Sentences.eventTime(c)
                    + Sentences.where(c) + ", which that " + what + " does not describe: it no longer answers it"
                    + " and stands apart from it.");
        }
        return out;
    }

    /**
     * Sentences for observers' refutations that watched part of a claim's period but not all of it (and so are not
     * among the incident's statements): the analyst sees why the observation of that place and night does not refute
     * the claim. Changes no verdict.
     */
    private List<String> partlyObserved(IncidentState inc, List<IncidentReport> statements) {
        if (inc.alone || state.observations.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        List<IncidentReport> claims = statements.stream().filter(r -> r.stance() == Stance.CLAIM).toList();
        for (UUID o : state.observations) {
            IncidentReport obs = state.reports.get(o);
            if (obs == null || statements.contains(obs)) {
                continue;
            }
            claims.stream().filter(c -> VerdictRules.coversPartOf(obs, inc.segment, c.occurredAt(), c.occurredUntil()))
                    .findFirst().ifPresent(c -> out.add(Sentences.who(obs.source()) + " observed " + inc.segment
                            + " " + Sentences.period(obs.coverage().from(), obs.coverage().to())
                            + " and saw nothing (statement of "
                            + Sentences.time(obs.publishedAt()) + "), but its observation does not cover "
                            + Sentences.who(c.source()) + "'s claim " + Sentences.about(c)
                            + ", which lies partly outside the observed period: not refuted."));
        }
        return out;
    }

    /**
     * Sentences for an observer's confirmation that states a time (precision MINUTE or HOUR) not containing a claim's
     * time (staff review B13: EUMA's "in the early hours of 19 November", 00:00–06:00, and a claim of 06:40). The
     * confirmation still counts for a claim within {@code session-gap} of its time — times in statements are
     * approximate, and the session gap is the tolerance every placement by time uses ({@link
     * VerdictRules#confirmationFits}) — but the reader sees that the two times differ. Changes no verdict.
     */
    private List<String> confirmedOutsideItsTime(List<IncidentReport> statements) {
        List<String> out = new ArrayList<>();
        List<IncidentReport> claims = statements.stream().filter(r -> r.stance() == Stance.CLAIM).toList();
        for (IncidentReport obs : statements) {
            if (obs.stance() != Stance.CONFIRMATION || !VerdictRules.isIndependent(obs.source())
                    || !VerdictRules.statesPreciseTime(obs) || statements.stream().anyMatch(later -> later != obs
                    && later.source().id().equals(obs.source().id()) && later.publishedAt().isAfter(obs.publishedAt())
                    && (later.stance() == Stance.CONFIRMATION || later.stance() == Stance.REFUTATION))) {
                continue; // superseded by the same observer's later word
            }
            OffsetDateTime from = obs.occurredAt();
            OffsetDateTime to = obs.occurredUntil() != null ? obs.occurredUntil() : from;
            for (IncidentReport c : claims) {
                OffsetDateTime cFrom = c.occurredAt();
                OffsetDateTime cTo = c.occurredUntil() != null ? c.occurredUntil() : cFrom;
                if (!cFrom.isAfter(to) && !cTo.isBefore(from)) {
                    continue;
                }
                boolean near = VerdictRules.confirmationFits(obs, cFrom, cTo, settings.sessionGap());
                out.add(Sentences.who(obs.source()) + "'s statement of " + Sentences.time(obs.publishedAt())
                        + " covers " + (from.equals(to) ? Sentences.time(from) : Sentences.period(from, to)
                        .replaceFirst("^on ", "")) + "; " + Sentences.who(c.source()) + "'s claim says "
                        + (cFrom.equals(cTo) ? Sentences.time(cFrom) : Sentences.period(cFrom, cTo)
                        .replaceFirst("^on ", "")) + ", outside it" + (near ? " (within the "
                        + hours(settings.sessionGap()) + " session gap, so the confirmation still counts for it)."
                        : " (further than the " + hours(settings.sessionGap()) + " session gap: it confirms another "
                        + "time)."));
            }
        }
        return out.stream().distinct().toList();
    }

    private static String hours(java.time.Duration d) {
        return d.toMinutes() % 60 == 0 ? d.toHours() + "-hour" : d.toMinutes() + "-minute";
    }

    /**
     * What the signal detectors see of the closed incidents still kept (within the grace of their closure) that the
     * current report did not change: their reports, window and last verdict. SPREAD counts incidents by event time, so a
     * neighbouring segment's incident that closed (by stream time, a week without news) before a later statement joined
     * this one still lies within 24 hours of it: the re-assessment used to drop SPREAD from the incidents still open
     * (a side's statement about the servicemen missing since the offensive joined two of its three segments' incidents
     * after the third had closed, and their finals lost the signal their earlier versions carried).
     */
    private List<IncidentFacts> keptClosedFacts(List<IncidentState> closedTouched) {
        return state.closed.stream().filter(i -> !i.alone && i.last != null && !closedTouched.contains(i))
                .map(i -> new IncidentFacts(i.id, i.segment, i.from, i.to, i.last.occurrence(), members(i),
                        i.last.casualties(), i.start, List.of()))
                .toList();
    }

    private List<IncidentReport> members(IncidentState inc) {
        return inc.members.stream().map(m -> state.reports.get(m.reportId())).filter(Objects::nonNull)
                .sorted(Comparator.comparing(IncidentReport::publishedAt).thenComparing(IncidentReport::reportId))
                .toList();
    }

    private void refreshClaimOccurrences(List<Evaluated> evaluated) {
        Map<UUID, Occurrence> best = new LinkedHashMap<>();
        Map<UUID, Attribution> attribution = new LinkedHashMap<>();
        for (Evaluated e : evaluated) {
            for (IncidentReport r : e.facts().claims()) {
                best.merge(r.reportId(), e.verdict().occurrence(),
                        (a, b) -> CLAIM_FAVOUR.get(a) >= CLAIM_FAVOUR.get(b) ? a : b);
                attribution.merge(r.reportId(), e.verdict().attribution(),
                        (a, b) -> a == Attribution.CONTESTED ? a : b);
            }
        }
        state.claims.values().forEach(list -> list.replaceAll(c -> {
            Occurrence o = best.get(c.reportId());
            Attribution at = attribution.get(c.reportId());
            ClaimRecord r = o == null || o == c.occurrence() ? c : c.withOccurrence(o);
            return at == null || at == r.attribution() ? r : r.withAttribution(at);
        }));
    }

    /**
     * A claim of the incident that re-tells the event of a claim whose incident has closed (the same source, a shared
     * segment, overlapping event times — a casualty update or a fuller account published after the closure): the
     * earliest published such closed claim. Its incident's verdict is carried over, since the answers it received
     * (the accused side's denial) are gone with the closed incident.
     */
    private Optional<ClaimRecord> earlierTelling(IncidentState inc, Set<UUID> open) {
        if (inc.alone) {
            return Optional.empty();
        }
        Optional<ClaimRecord> best = Optional.empty();
        for (Membership m : inc.members) {
            IncidentReport c = state.reports.get(m.reportId());
            List<ClaimRecord> told = c == null || c.stance() != Stance.CLAIM ? null : state.claims.get(c.source().id());
            if (told == null) {
                continue;
            }
            ClaimRecord self = told.stream().filter(r -> r.reportId().equals(c.reportId())).findFirst().orElse(null);
            if (self == null) {
                continue;
            }
            for (ClaimRecord r : told) {
                if (!open.contains(r.reportId()) && r.sameEventAs(self)
                        && (best.isEmpty() || r.publishedAt().isBefore(best.get().publishedAt()))) {
                    best = Optional.of(r);
                }
            }
        }
        return best;
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
                .filter(m -> precedes(m, earliest.get())
                        && !m.occurredAt().isBefore(earliest.get().minus(settings.signals().milestoneLookback())))
                .sorted(Comparator.comparing(IncidentReport::occurredAt))
                .forEach(m -> sb.append(" It follows a diplomatic milestone: ").append(Sentences.who(m.source()))
                        .append(" on ").append(Sentences.day(m.occurredAt())).append(": \"")
                        .append(abbreviate(m.text())).append("\"."));
        return new Signal(signal.type(), signal.reportIds(), sb.toString());
    }

    /**
     * Whether a milestone precedes a signal whose earliest report began at {@code earliest}: its whole event interval
     * ends before that start. A milestone dated only to the day of the first report (a ceasefire-violation notice of
     * that day, published afterwards) may have come after it, so "it follows a diplomatic milestone" would not be
     * known to be true.
     */
    private static boolean precedes(IncidentReport milestone, OffsetDateTime earliest) {
        OffsetDateTime end = milestone.occurredUntil() != null ? milestone.occurredUntil() : milestone.occurredAt();
        return end.isBefore(earliest);
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
        // partner text, quoted in a signal's rationale: no line breaks or control characters (security review F11)
        String t = text.replaceAll("\\p{Cf}+", "").replaceAll("[\\p{Cc}\\p{Z}\\s]+", " ").strip();
        if (t.endsWith(".")) {
            t = t.substring(0, t.length() - 1);
        }
        return t.length() <= 160 ? t : t.substring(0, 157) + "...";
    }

    /**
     * A response to claims of closed incidents: its own closed assessment, saying what it answers (every claim, in
     * event-time order; the assessment stands in the first claim's segment over the claims' period).
     */
    Assessment assessAnswerToClosed(IncidentReport r, List<ClaimRecord> claims) {
        ClaimRecord claim = claims.get(0);
        BorderSegment segment = claim.segments().isEmpty() ? BorderSegment.UNRESOLVED : claim.segments().get(0);
        java.util.function.ToDoubleFunction<org.borderwatch.common.model.Source> reliable =
                s -> reliability.of(s, state.source(s.id()));
        // the statement's own word about the claims it answers: the accused side's denial DISPUTED (twelfth round)
        Verdict verdict = VerdictRules.answeringRemembered(VerdictRules.decide(segment, List.of(r), reliable), r,
                claims, reliable);
        List<String> rationale = new ArrayList<>();
        // a denial of several claims denied "them", those it disputes (those accusing the denier)
        rationale.add(Sentences.describeAnswering(r, claims.stream().filter(c -> VerdictRules.disputes(r, c)).count()));
        boolean one = claims.size() == 1;
        // each claim named as its incident's sentences named it: its precision and place are remembered with it
        rationale.add((r.answers() == null ? "It covers " : "It answers ") + String.join("; ", claims.stream()
                .map(c -> c.named() + " in "
                        + (c.segments().isEmpty() ? "no segment (never placed)" : Sentences.segments(c.segments()))
                        + " (last verdict " + c.occurrence() + ")").toList())
                + ", whose incident" + (one ? " had" : "s had") + " already closed; "
                + "the closed incident" + (one ? " is" : "s are") + " not reopened, so this statement is assessed "
                + "alone.");
        // the claim is not in this assessment: "the claim it answers is not known" would contradict the sentence above
        verdict.reasons().stream().filter(x -> !x.startsWith("Occurrence UNVERIFIED")).forEach(rationale::add);
        if (verdict.occurrence() == Occurrence.UNVERIFIED) {
            rationale.add("Occurrence UNVERIFIED for this statement alone; the closed incident keeps its own verdict.");
        }
        // as for a report assessed alone (assessAlone): the casualties and signals of the statement's own word — an
        // observer's confirmation giving figures or naming artillery; a denial gives none (CasualtyRules and the
        // detectors read claims and confirmations only). The closed incident's own casualties and signals are not
        // carried: they left the state with it (a ClaimRecord keeps no figures, weapons or signals), and it already
        // announced them under its own id — repeated here they would reach subscribers a second time under another
        // incident id, beside an occurrence that is this statement's alone.
        CasualtyRules.Tally tally = CasualtyRules.tally(List.of(r));
        rationale.addAll(tally.sentences());
        UUID id = Uuids.incidentId(segment.name(), r.reportId());
        TimeWindow window = new TimeWindow(claim.occurredAt(), claims.stream().map(ClaimRecord::occurredUntil)
                .max(Comparator.naturalOrder()).orElseThrow());
        List<Signal> signals = signalsAlone(new IncidentFacts(id, segment, window.from(), window.to(),
                verdict.occurrence(), List.of(r), tally.casualties(), window.from(), List.of()));
        if (!tally.casualties().isEmpty() || !signals.isEmpty()) {
            rationale.add(OWN_WORD_ONLY);
        }
        Map<Stance, List<UUID>> byStance = new EnumMap<>(Stance.class);
        byStance.put(r.stance(), List.of(r.reportId()));
        Severity computed = SeverityRules.severity(verdict.occurrence(), tally.casualties(), signals,
                settings.severity(), settings.signals().fatalitiesCritical());
        Severity severity = capUnregistered(computed, List.of(r));
        rationale.addAll(severitySentences(computed, severity, signals));
        // its version is its revision, as for any report assessed alone (c23: a correction of a late answer was
        // "version 1" again under the same id, which alert-service ignores as not newer); under the id of an
        // incident it had opened and that was evicted, that incident's versions go on (c25)
        long version = continuing(id, r, rationale);
        return new Assessment(Assessment.SCHEMA_VERSION, id, version, segment, window, verdict.occurrence(),
                verdict.attribution(), verdict.confidence(), verdict.actingParty(), r.eventTypes(), byStance,
                tally.casualties(), severity, signals, true, rationale, state.streamTime, List.of(r.source().id()),
                List.of(evidenceOf(r)), Closure.ASSESSED_ALONE);
    }

    /** The sentence of an answer to a closed incident that carries casualties or signals of its own word. */
    static final String OWN_WORD_ONLY = "Its casualties and signals are this statement's own; the closed incident "
            + "keeps its own, which are not repeated here.";

    /**
     * A report too late to correlate: its own closed assessment in each segment it names (c20: it stood in its first
     * segment only, as retrospective claims did before c19), each its own id from the segment and the report id, with
     * the same verdict, casualties and signals; a report naming no segment or an ambiguous place stands in UNRESOLVED.
     * Its version is the report's revision (see {@link #aloneVersion}).
     */
    List<Assessment> assessAlone(IncidentReport r, boolean apart) {
        String why = "Published " + Sentences.time(r.publishedAt()) + ", more than " + settings.grace().toDays()
                + " days behind stream time " + Sentences.time(state.streamTime)
                + ": assessed alone, not correlated with other reports.";
        return segmentsAlone(r).stream().map(segment -> assessAlone(r, segment, Optional.empty(), why, apart))
                .toList();
    }

    /**
     * The segments a report assessed alone stands in: one incident per segment it names, as for any report placed by
     * its place; UNRESOLVED for a report naming none or an ambiguous place.
     */
    static List<BorderSegment> segmentsAlone(IncidentReport r) {
        List<BorderSegment> segments = ReportKinds.isPlaceable(r) ? r.location().segments() : List.of();
        return segments.isEmpty() ? List.of(BorderSegment.UNRESOLVED) : segments;
    }

    /**
     * A retrospective claim (replay audit C5: an anniversary statement re-telling an offensive of a year before),
     * published more than grace + quiet period after its event ended and joining no incident still held: its own
     * closed assessment, as a report beyond the grace. Where the same source's claim of the same event is still
     * remembered (its incident evicted), that incident's verdict carries over as for any re-telling. One incident per
     * segment it names, as for any claim (c19: it used to be assessed in its first segment only), each its own id from
     * the segment and the report id, with the same verdict and signals. Its version is the report's revision (see
     * {@link #aloneVersion}).
     */
    List<Assessment> assessRetrospective(IncidentReport r, boolean apart) {
        List<BorderSegment> segments = ReportKinds.isPlaceable(r) ? r.location().segments() : List.of();
        ClaimRecord self = ClaimRecord.of(r, Sentences.who(r.source()), segments);
        Set<UUID> held = new java.util.HashSet<>();
        state.incidents.forEach(i -> i.members.forEach(m -> held.add(m.reportId())));
        state.closed.forEach(i -> i.members.forEach(m -> held.add(m.reportId())));
        Optional<ClaimRecord> earlier = state.claims.getOrDefault(r.source().id(), List.of()).stream()
                .filter(c -> !held.contains(c.reportId()) && c.sameEventAs(self))
                .min(Comparator.comparing(ClaimRecord::publishedAt).thenComparing(ClaimRecord::reportId));
        java.time.Duration after = java.time.Duration.between(r.occurredUntil(), r.publishedAt());
        String why = "Published " + Sentences.time(r.publishedAt()) + ", " + after.toDays()
                + " days after the end of the event it tells (more than the grace of " + settings.grace().toDays()
                + " days and the quiet period of " + settings.quietPeriod().toDays() + " days): a retrospective "
                + "account of a past event, assessed alone and closed; it is not correlated with other reports and "
                + "counts toward no other incident's signals.";
        return segmentsAlone(r).stream().map(segment -> assessAlone(r, segment, earlier, why, apart)).toList();
    }

    /**
     * c23: a correction (a higher revision) of a claim whose incident has closed and been evicted — the claim still
     * remembered for the surge history, its report no longer held — that joins no incident still held by its time. It
     * was placed as a new report: a new open incident about a closed event, under the evicted incident's own id when the
     * claim had opened it, starting again at version 1 (which alert-service ignores as not newer: the correction was
     * lost). Now it is assessed alone and closed, as a report beyond the grace is, in the incident apart (id from
     * "segment alone" + report id, version its revision: a further correction is its next version), the remembered
     * claim's verdict carried over as for a re-telling (the closed incident's DISPUTED, CONTESTED), and counted as late.
     * The closed incident is not reopened.
     */
    List<Assessment> assessCorrectionOfEvicted(IncidentReport r, boolean apart) {
        Optional<ClaimRecord> remembered = state.claims.values().stream().flatMap(List::stream)
                .filter(c -> c.reportId().equals(r.reportId())).findFirst();
        String why = "A correction (revision " + r.revision() + ", published " + Sentences.time(r.publishedAt())
                + ") of a report whose incident has closed and been evicted: assessed alone and closed; the closed "
                + "incident is not reopened and keeps its own verdict.";
        return segmentsAlone(r).stream().map(segment -> assessAlone(r, segment, remembered, why, apart)).toList();
    }

    /** Whether the engine remembers a claim of this report id (for the surge history) after its incident went. */
    boolean remembersClaim(UUID reportId) {
        return state.claims.values().stream().flatMap(List::stream).anyMatch(c -> c.reportId().equals(reportId));
    }

    /**
     * c22: a correction of a report assessed alone that no longer names a segment the report stood in withdraws it
     * from that segment's incident: the incident's next version (the correction's revision), closed, holding the
     * report as it now reads, no casualties, no signals, INFO, and a last sentence saying that the report left it and
     * where it now stands (a "Dissolved" retirement, as for an incident an ordinary correction empties: the replay's
     * finals leave it out). Without it the old segment's incident stood for ever with the report's first version.
     * Nothing for a report placed in order, nor one remembered from state written before c22 (no segments known).
     */
    List<Assessment> withdrawnAlone(EngineState.Seen seen, IncidentReport r) {
        if (seen == null || seen.segments() == null || seen.revision() >= r.revision()) {
            return List.of();
        }
        boolean apart = seen.apart() == null || seen.apart();
        List<BorderSegment> now = segmentsAlone(r);
        List<Assessment> out = new ArrayList<>();
        for (BorderSegment segment : seen.segments()) {
            if (now.contains(segment)) {
                continue;
            }
            Verdict verdict = VerdictRules.decide(segment, List.of(r), s -> reliability.of(s, state.source(s.id())));
            List<String> rationale = new ArrayList<>();
            rationale.add(Sentences.describe(r));
            rationale.add(Correlator.DISSOLVED + "its report left it (corrected by revision " + r.revision()
                    + ", which places it in " + now.stream().map(BorderSegment::name)
                    .collect(java.util.stream.Collectors.joining(", ")) + "; assessed alone there); this incident "
                    + "no longer holds anything.");
            Map<Stance, List<UUID>> byStance = new EnumMap<>(Stance.class);
            byStance.put(r.stance(), List.of(r.reportId()));
            out.add(new Assessment(Assessment.SCHEMA_VERSION, aloneIncidentId(segment, r.reportId(), apart),
                    aloneVersion(r), segment, new TimeWindow(r.occurredAt(), r.occurredUntil()), verdict.occurrence(),
                    verdict.attribution(), verdict.confidence(), verdict.actingParty(), r.eventTypes(), byStance,
                    List.of(), Severity.INFO, List.of(), true, rationale, state.streamTime,
                    List.of(r.source().id()), List.of(evidenceOf(r)), Closure.DISSOLVED));
        }
        return out;
    }

    /**
     * The version of a report assessed alone: its revision. The incident is the report's own (id from its segment and
     * report id), so its versions are the report's revisions: a correction (higher revision) is the next version of the
     * same incident, which alert-service stores and notifies (it ignores a version not newer than the latest, so a
     * correction published as version 1 again was lost); a redelivery gives the same version, a no-op downstream even
     * when the engine no longer remembers having seen it. No state is needed, and live and replay agree whatever the
     * order the revisions arrive in (a lower revision after a higher one is a duplicate).
     */
    static long aloneVersion(IncidentReport r) {
        return r.revision();
    }

    /**
     * c25: the version of a late answer assessed alone under {@code id}. When {@code id} is an evicted incident's (the
     * statement had opened it, waiting for its claim, and is now a correction matched again as a late answer), its
     * versions may not be newer than that incident's, and alert-service would drop them: the version is then the
     * incident's last plus the revision (a further correction stays the next version), with a sentence saying so.
     * Otherwise the revision ({@link #aloneVersion}).
     */
    long continuing(UUID id, IncidentReport r, List<String> rationale) {
        EngineState.Evicted evicted = state.evicted.get(id);
        if (evicted == null) {
            return aloneVersion(r);
        }
        long version = evicted.version() + r.revision();
        rationale.add("This statement had opened this incident, which closed and was evicted at version "
                + evicted.version() + ": its correction (revision " + r.revision() + ") is assessed alone as version "
                + version + ", newer than any the incident had.");
        return version;
    }

    /** Whether {@code id} is the id of an incident evicted within the horizon of the remembered claims (c25). */
    boolean wasEvicted(UUID id) {
        return state.evicted.containsKey(id);
    }

    /**
     * The verdict sentence of a claim assessed alone, in place of "no one has answered the claim yet": that reads as if
     * the claim were waiting for answers in an open incident, while a report assessed alone is closed at once and
     * compared with nothing (c19).
     */
    static final String ALONE_UNANSWERED = "Occurrence UNVERIFIED: the claim is assessed alone and closed, so no "
            + "answer to it is weighed; nothing in this assessment confirms or denies it.";

    /**
     * c20, task 3: whether a report assessed alone is put in the incident apart ({@link #aloneIncidentId}) rather than
     * the report's own in its segment. Its own id (segment + report id) is also the id of the ordinary incident an
     * earlier revision placed in order opened, whose versions 1..n may be newer than the correction's revision: sent
     * under that id, the correction was ignored by alert-service (it ignores a version not newer than its latest), and
     * a closed version of a still open incident would have resolved it. So: a report remembered as assessed alone keeps
     * the incident it was given (its corrections are its next versions); a correction of a report remembered as placed
     * in order, or a correction (revision above 1) the engine no longer remembers — it may correct an evicted ordinary
     * incident — is put apart; a first revision not remembered keeps its own id (every late report so far). Decided by
     * the input alone, so live and replay agree.
     */
    static final String APART = "A correction of a report that was placed in an incident in order, or that is no "
            + "longer remembered: assessed alone as an incident apart, so that incident's versions are left as they were.";

    static boolean apart(EngineState.Seen seen, IncidentReport r) {
        if (seen == null) {
            return r.revision() > 1;
        }
        return seen.apart() == null || seen.apart();
    }

    /**
     * The incident of a report assessed alone: the report's own in its segment (segment + report id, as an ordinary
     * incident it would have opened), or, {@code apart}, one of its own that no ordinary incident can have (the name
     * "segment alone" + report id). Deterministic: every revision of the report put apart finds the same incident.
     */
    static UUID aloneIncidentId(BorderSegment segment, UUID reportId, boolean apart) {
        return Uuids.incidentId(apart ? segment.name() + " alone" : segment.name(), reportId);
    }

    private Assessment assessAlone(IncidentReport r, BorderSegment segment, Optional<ClaimRecord> earlier,
                                   String why, boolean apart) {
        Verdict decided = VerdictRules.decide(segment, List.of(r), s -> reliability.of(s, state.source(s.id())));
        Verdict verdict = earlier.map(e -> VerdictRules.carryForward(decided, e)).orElse(decided);
        CasualtyRules.Tally tally = CasualtyRules.tally(List.of(r));
        List<String> rationale = new ArrayList<>();
        rationale.add(Sentences.describe(r));
        rationale.addAll(tally.sentences());
        verdict.reasons().stream().map(x -> x.equals(VerdictRules.UNANSWERED_CLAIM) ? ALONE_UNANSWERED : x)
                .forEach(rationale::add);
        rationale.add(why);
        if (apart) {
            rationale.add(APART);
        }
        UUID id = aloneIncidentId(segment, r.reportId(), apart);
        List<Signal> signals = signalsAlone(new IncidentFacts(id, segment, r.occurredAt(), r.occurredUntil(),
                verdict.occurrence(), List.of(r), tally.casualties(), r.occurredAt(), List.of()));
        Map<Stance, List<UUID>> byStance = new EnumMap<>(Stance.class);
        byStance.put(r.stance(), List.of(r.reportId()));
        Severity computed = SeverityRules.severity(verdict.occurrence(), tally.casualties(), signals,
                settings.severity(), settings.signals().fatalitiesCritical());
        Severity severity = capUnregistered(computed, List.of(r));
        rationale.addAll(severitySentences(computed, severity, signals));
        return new Assessment(Assessment.SCHEMA_VERSION, id, aloneVersion(r), segment,
                new TimeWindow(r.occurredAt(), r.occurredUntil()), verdict.occurrence(), verdict.attribution(),
                verdict.confidence(), verdict.actingParty(), r.eventTypes(), byStance, tally.casualties(), severity,
                signals, true, rationale, state.streamTime, List.of(r.source().id()), List.of(evidenceOf(r)),
                Closure.ASSESSED_ALONE);
    }

    /**
     * Audit 4-5, gap 2: the signals of a report assessed alone, from the detectors that need nothing beyond the report
     * (FATALITIES, HEAVY_WEAPONS, RETALIATION_CYCLE on its framing). Their context holds no other incident and no
     * remembered claim, and no milestone is quoted: the report is compared with nothing. A casualty-based CRITICAL then
     * carries FATALITIES, so a subscription filtering on that signal hears of it.
     */
    private List<Signal> signalsAlone(IncidentFacts facts) {
        SignalContext alone = new SignalContext(settings.signals(), neighbours, List.of(facts), Map.of(),
                settings.maxJoiningSpan());
        List<Signal> signals = new ArrayList<>();
        for (SignalDetector d : detectors) {
            d.detectAlone(facts, alone).ifPresent(signals::add);
        }
        return signals;
    }

    /**
     * The incident's next version: its last one, closed, with the sentence that says why. Its evidence is the last
     * version's (the statements that verdict read — a dissolved incident's report has already left the state); a last
     * version written by a release before evidence existed has none, and then the incident's statements still held
     * give it. The closure says why, for machines, what the sentence says for people.
     */
    Assessment closedVersion(IncidentState inc, String sentence, Closure closure) {
        List<String> rationale = new ArrayList<>(inc.last.rationale());
        rationale.add(sentence);
        inc.version++;
        Assessment last = inc.last;
        List<Evidence> evidence = last.evidence().isEmpty() ? evidence(statements(inc)) : last.evidence();
        Assessment closed = new Assessment(last.schemaVersion(), last.incidentId(), inc.version, last.segment(),
                last.window(), last.occurrence(), last.attribution(), last.confidence(), last.actingParty(),
                last.eventTypes(), last.reportIds(), last.casualties(), last.severity(), last.signals(),
                true, rationale, state.streamTime, last.sources(), evidence, closure);
        inc.last = closed;
        return closed;
    }

    /**
     * Whether a new assessment says nothing its incident's last version did not (version and stream time aside). The
     * evidence is content — a correction that changes only a report's revision or URL gives a new version showing it —
     * except against a last version written before evidence existed (state of the previous release): the first
     * reassessment after an upgrade would otherwise give every open incident a version that differs only by its
     * evidence. Such an incident shows its evidence with its next real change, or its closing version. Likewise a
     * closed last version written before the closure existed is compared without it (a late report that changes
     * nothing gives no version that differs only by its closure).
     */
    static boolean sameContent(Assessment a, Assessment b) {
        Assessment compared = withVersionAndAsOf(b, a.asOf());
        if (a.evidence().isEmpty()) {
            compared = withEvidence(compared, List.of());
        }
        if (a.closure() == null && compared.closure() != null) {
            compared = compared.withClosure(null);
        }
        return withVersion(a, 1, a.closed(), a.rationale()).equals(compared);
    }

    private static Assessment withEvidence(Assessment b, List<Evidence> evidence) {
        return new Assessment(b.schemaVersion(), b.incidentId(), b.version(), b.segment(), b.window(), b.occurrence(),
                b.attribution(), b.confidence(), b.actingParty(), b.eventTypes(), b.reportIds(), b.casualties(),
                b.severity(), b.signals(), b.closed(), b.rationale(), b.asOf(), b.sources(), evidence, b.closure());
    }

    private static Assessment withVersionAndAsOf(Assessment b, OffsetDateTime asOf) {
        return new Assessment(b.schemaVersion(), b.incidentId(), 1, b.segment(), b.window(), b.occurrence(),
                b.attribution(), b.confidence(), b.actingParty(), b.eventTypes(), b.reportIds(), b.casualties(),
                b.severity(), b.signals(), b.closed(), b.rationale(), asOf, b.sources(), b.evidence(), b.closure());
    }

    private static Assessment withVersion(Assessment a, long version, boolean closed, List<String> rationale) {
        return new Assessment(a.schemaVersion(), a.incidentId(), version, a.segment(), a.window(), a.occurrence(),
                a.attribution(), a.confidence(), a.actingParty(), a.eventTypes(), a.reportIds(), a.casualties(),
                a.severity(), a.signals(), closed, rationale, a.asOf(), a.sources(), a.evidence(),
                closed ? a.closure() : null);
    }
}
