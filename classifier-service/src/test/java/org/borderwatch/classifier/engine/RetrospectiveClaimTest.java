package org.borderwatch.classifier.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.classifier.TestReports.AM_MFA;
import static org.borderwatch.classifier.TestReports.AM_MOD;
import static org.borderwatch.classifier.TestReports.AZ_MOD;
import static org.borderwatch.classifier.TestReports.AZ_SBS;
import static org.borderwatch.classifier.TestReports.claim;
import static org.borderwatch.classifier.TestReports.denial;
import static org.borderwatch.classifier.TestReports.killed;
import static org.borderwatch.classifier.TestReports.t;
import static org.borderwatch.common.model.BorderSegment.GEGHARKUNIK;
import static org.borderwatch.common.model.BorderSegment.SYUNIK_EAST;
import static org.borderwatch.common.model.BorderSegment.TAVUSH;
import static org.borderwatch.common.model.BorderSegment.VAYOTS_DZOR_EAST;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.borderwatch.classifier.replay.Replayer;
import org.borderwatch.classifier.signal.Neighbours;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.Attribution;
import org.borderwatch.common.model.EventType;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.SignalType;
import org.borderwatch.common.model.TimePrecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Replay audit C5: a claim published more than grace + quiet period after the event it tells ended — an anniversary
 * statement re-telling an offensive of a year before — is a retrospective account. When it joins no incident still held
 * it is assessed alone and closed (as a report beyond the grace), counted as late, and counts toward no other incident's
 * signals. Claims a few days late, claims at the threshold, answers published long after and a retrospective claim that
 * re-tells an incident still kept are placed as before.
 */
public class RetrospectiveClaimTest {

    /** Armenia's defence ministry on the night of the offensive: artillery on three segments, 49 killed. */
    static IncidentReport offensive() {
        return claim(AM_MOD, "offensive", Party.AZ, "2022-09-13T00:05", "2022-09-13T09:00", GEGHARKUNIK, SYUNIK_EAST,
                VAYOTS_DZOR_EAST).occurredUntil(t("2022-09-13T08:00")).timePrecision(TimePrecision.MINUTE)
                .eventTypes(EventType.MORTAR_ARTILLERY).casualties(killed(49, 0, Party.AM)).build();
    }

    /** A mortar attack in Gegharkunik the evening after: a second hostile incident there. */
    static IncidentReport mortar() {
        return claim(AM_MOD, "mortar", Party.AZ, "2022-09-14T20:45", "2022-09-15T10:00", GEGHARKUNIK)
                .timePrecision(TimePrecision.MINUTE).eventTypes(EventType.MORTAR_ARTILLERY).build();
    }

    /** A claim in Tavush a month later: it closes the September incidents on stream time. */
    static IncidentReport october() {
        return claim(AZ_MOD, "october", Party.AM, "2022-10-20T23:10", "2022-10-21T09:00", TAVUSH)
                .timePrecision(TimePrecision.MINUTE).build();
    }

    /**
     * The foreign ministry a year on: "a year ago Azerbaijan attacked Armenia's sovereign territory along three
     * directions with artillery and drones; 207 servicemen were killed" — published in order, about the night of 12–13
     * September 2022.
     */
    static IncidentReport anniversary() {
        return anniversaryBuilder().build();
    }

    static IncidentReport.Builder anniversaryBuilder() {
        return claim(AM_MFA, "anniversary", Party.AZ, "2022-09-12T22:00", "2023-09-13T11:00", GEGHARKUNIK,
                SYUNIK_EAST, VAYOTS_DZOR_EAST).occurredUntil(t("2022-09-13T23:59")).timePrecision(TimePrecision.HOUR)
                .eventTypes(EventType.MORTAR_ARTILLERY, EventType.DRONE_STRIKE).casualties(killed(207, 0, Party.AM));
    }

    /** Azerbaijan's claim of fire in Gegharkunik in May 2024, after a long calm there. */
    static IncidentReport may() {
        return claim(AZ_MOD, "may", Party.AM, "2024-05-03T02:00", "2024-05-03T09:00", GEGHARKUNIK)
                .timePrecision(TimePrecision.MINUTE).build();
    }

    /** The anniversary scenario in publication order (also streamed in {@code ClassifierTopologyTest}). */
    public static List<IncidentReport> anniversaryScenario() {
        return List.of(offensive(), mortar(), october(), anniversary(), may());
    }

    private final ClassifierEngine engine = ClassifierEngine.withDefaults();

    private List<Assessment> feed(IncidentReport... reports) {
        return java.util.Arrays.stream(reports).flatMap(r -> engine.process(r).assessments().stream()).toList();
    }

    private static UUID incidentOf(IncidentReport r) {
        return org.borderwatch.common.Uuids.incidentId(r.location().primarySegment().name(), r.reportId());
    }

    /** One incident per segment the report names. */
    static List<UUID> incidentsOf(IncidentReport r) {
        return r.location().segments().stream()
                .map(s -> org.borderwatch.common.Uuids.incidentId(s.name(), r.reportId())).toList();
    }

    @Test
    void anAnniversaryStatementIsAssessedAloneAndClosedWithTheSignalsOfItsOwnWord() {
        feed(offensive(), mortar(), october());
        long open = engine.openIncidents();
        ClassifierEngine.Result result = engine.process(anniversary());

        assertThat(result.outcome()).isEqualTo(ClassifierEngine.Outcome.LATE);
        assertThat(engine.lateReports()).isEqualTo(1);
        // the October incident closes on the anniversary's stream time, then the anniversary's own closed assessment
        // in each of the three segments it names (c19: it used to be its first segment only)
        List<Assessment> own = result.assessments().subList(result.assessments().size() - 3,
                result.assessments().size());
        assertThat(own).extracting(Assessment::segment).containsExactly(GEGHARKUNIK, SYUNIK_EAST, VAYOTS_DZOR_EAST);
        assertThat(own).extracting(Assessment::incidentId).containsExactlyElementsOf(incidentsOf(anniversary()));
        assertThat(own).allSatisfy(a -> {
            assertThat(a.version()).isEqualTo(1);
            assertThat(a.closed()).as("a closed first version: alert-service resolves it at once").isTrue();
            assertThat(a.occurrence()).isEqualTo(Occurrence.UNVERIFIED);
            assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(a.signals()).extracting(s -> s.type())
                    .containsExactlyInAnyOrder(SignalType.FATALITIES, SignalType.HEAVY_WEAPONS);
            assertThat(a.rationale()).anySatisfy(s -> assertThat(s)
                    .contains("364 days after the end of the event it tells")
                    .contains("grace of 7 days and the quiet period of 7 days").contains("retrospective")
                    .contains("counts toward no other incident's signals"));
        });
        assertThat(result.assessments()).filteredOn(a -> !a.closed()).isEmpty();
        // no incident opened, no claim remembered for surges, spread, calm or cycles
        assertThat(engine.openIncidents()).isEqualTo(open - 1);
        assertThat(engine.state().claims.values().stream().flatMap(List::stream)
                .map(c -> c.reportId())).doesNotContain(anniversary().reportId());
        assertThat(engine.state().segmentStarts.values().stream().flatMap(List::stream))
                .doesNotContain(anniversary().occurredAt());
        // a redelivery of it is a duplicate, not a second assessment
        assertThat(engine.process(anniversary()).outcome()).isEqualTo(ClassifierEngine.Outcome.DUPLICATE);
    }

    /**
     * Every other version is the same with and without the anniversary statement (stream time moved to its
     * publication as the service's punctuator would): the May 2024 claim keeps no QUIET_BROKEN — two hostile incidents
     * before the calm, not three (it used to count the anniversary's Gegharkunik incident as the third).
     */
    @Test
    void theAnniversaryFeedsNoSignalOfAnotherIncident() {
        List<Assessment> with = new ArrayList<>();
        for (IncidentReport r : anniversaryScenario()) {
            with.addAll(engine.process(r).assessments());
        }
        ClassifierEngine without = ClassifierEngine.withDefaults();
        List<Assessment> withoutIt = new ArrayList<>();
        for (IncidentReport r : anniversaryScenario()) {
            withoutIt.addAll(r.sourceRef().equals("anniversary") ? without.advance(r.publishedAt())
                    : without.process(r).assessments());
        }
        List<UUID> retrospective = incidentsOf(anniversary());
        assertThat(with.stream().filter(a -> !retrospective.contains(a.incidentId())).map(Replayer::json).toList())
                .isEqualTo(withoutIt.stream().map(Replayer::json).toList());
        Assessment may = with.stream().filter(a -> a.incidentId().equals(incidentOf(may()))).reduce((a, b) -> b)
                .orElseThrow();
        assertThat(may.signals()).extracting(s -> s.type()).doesNotContain(SignalType.QUIET_BROKEN);
    }

    /** Guard for the row above: a third hostile incident told in time does break the calm — the scenario can. */
    @Test
    void aThirdIncidentToldInTimeBreaksTheCalm() {
        IncidentReport third = claim(AM_MOD, "third", Party.AZ, "2022-09-16T05:00", "2022-09-16T09:00", GEGHARKUNIK)
                .timePrecision(TimePrecision.MINUTE).eventTypes(EventType.MORTAR_ARTILLERY).build();
        List<Assessment> out = feed(offensive(), mortar(), third, october(), may());
        Assessment may = out.stream().filter(a -> a.incidentId().equals(incidentOf(may()))).reduce((a, b) -> b)
                .orElseThrow();
        assertThat(may.signals()).extracting(s -> s.type()).contains(SignalType.QUIET_BROKEN);
    }

    /**
     * Claims published some days after their event: a few days late it joins its open incident; later than the quiet
     * period (but not beyond grace + quiet period) with no incident of it held it opens one as before.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "five days late, its incident open       | 2025-03-06T12:00 | true",
            "ten days late, nothing of it held       | 2025-03-11T12:00 | false"})
    void aClaimSomeDaysLateIsPlacedAsBefore(String name, String published, boolean joins) {
        List<Assessment> firstOut = joins ? feed(claim(AZ_MOD, "first", Party.AM, "2025-03-01T06:00",
                "2025-03-01T09:00", SYUNIK_EAST).occurredUntil(t("2025-03-01T07:00"))
                .timePrecision(TimePrecision.MINUTE).build()) : List.of();
        IncidentReport late = claim(AZ_SBS, "late", Party.AM, "2025-03-01T06:30", published, SYUNIK_EAST)
                .occurredUntil(t("2025-03-01T07:00")).timePrecision(TimePrecision.MINUTE).build();
        ClassifierEngine.Result result = engine.process(late);
        assertThat(result.outcome()).as(name).isEqualTo(ClassifierEngine.Outcome.ACCEPTED);
        assertThat(engine.lateReports()).as(name).isZero();
        assertThat(result.assessments()).as(name).last().satisfies(a -> {
            assertThat(a.rationale()).noneMatch(s -> s.contains("retrospective"));
            assertThat(a.reportIds().values().stream().flatMap(List::stream)).contains(late.reportId());
            assertThat(a.closed()).isFalse();
            if (joins) {
                assertThat(a.incidentId()).isEqualTo(firstOut.get(0).incidentId());
            }
        });
    }

    /**
     * The threshold is grace + quiet period from the end of the claim's event to its publication, read from the
     * settings: at exactly the threshold a claim is placed as usual; a minute past it, it is retrospective.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "defaults, exactly 14 days after          | P7D | P7D | 2025-03-15T07:00 | false",
            "defaults, 14 days and a minute after     | P7D | P7D | 2025-03-15T07:01 | true",
            "defaults, 12 days after                  | P7D | P7D | 2025-03-13T07:00 | false",
            "grace of 3 days, 12 days after           | P3D | P7D | 2025-03-13T07:00 | true",
            "quiet period of 10 days, 15 days after   | P7D | P10D | 2025-03-16T07:00 | false",
            "quiet period of 10 days, 18 days after   | P7D | P10D | 2025-03-19T07:00 | true"})
    void aClaimIsRetrospectiveOnlyBeyondGracePlusQuietPeriod(String name, Duration grace, Duration quiet,
                                                             String published, boolean retrospective) {
        ClassifierEngine configured = new ClassifierEngine(ClassifierSettings.defaults().withGrace(grace)
                .withQuietPeriod(quiet), Neighbours.fromClasspath());
        IncidentReport r = claim(AZ_MOD, "edge", Party.AM, "2025-03-01T06:00", published, SYUNIK_EAST)
                .occurredUntil(t("2025-03-01T07:00")).timePrecision(TimePrecision.MINUTE)
                .casualties(killed(2, 0, Party.AZ)).build();
        ClassifierEngine.Result result = configured.process(r);
        assertThat(result.outcome()).as(name)
                .isEqualTo(retrospective ? ClassifierEngine.Outcome.LATE : ClassifierEngine.Outcome.ACCEPTED);
        assertThat(result.assessments()).as(name).singleElement().satisfies(a -> {
            assertThat(a.closed()).isEqualTo(retrospective);
            assertThat(a.rationale().stream().anyMatch(s -> s.contains("retrospective"))).isEqualTo(retrospective);
            assertThat(a.signals()).extracting(s -> s.type()).contains(SignalType.FATALITIES);
        });
        assertThat(configured.openIncidents()).as(name).isEqualTo(retrospective ? 0 : 1);
        assertThat(configured.lateReports()).as(name).isEqualTo(retrospective ? 1 : 0);
    }

    /**
     * A denial published a month after the claim it answers (its incident evicted) keeps the late-answer path: its own
     * closed assessment naming the claim, DISPUTED, not a retrospective and not counted as late.
     */
    @Test
    void aDenialAMonthLaterKeepsTheLateAnswerPath() {
        feed(claim(AZ_MOD, "claim", Party.AM, "2025-10-06T04:10", "2025-10-06T09:00", GEGHARKUNIK)
                        .timePrecision(TimePrecision.MINUTE).build(),
                claim(AZ_MOD, "closes", Party.AM, "2025-10-15T04:10", "2025-10-15T09:00", TAVUSH)
                        .timePrecision(TimePrecision.MINUTE).build(),
                claim(AZ_MOD, "evicts", Party.AM, "2025-10-30T04:10", "2025-10-30T09:00", TAVUSH)
                        .timePrecision(TimePrecision.MINUTE).build());
        assertThat(engine.state().closed).noneMatch(i -> i.segment == GEGHARKUNIK);
        ClassifierEngine.Result result = engine.process(denial(AM_MOD, "denial", "2025-11-06T12:00", Party.AZ,
                "2025-10-06", "2025-10-06", GEGHARKUNIK).build());
        assertThat(result.outcome()).isEqualTo(ClassifierEngine.Outcome.ACCEPTED);
        assertThat(engine.lateReports()).isZero();
        assertThat(result.assessments()).last().satisfies(a -> {
            assertThat(a.closed()).isTrue();
            assertThat(a.occurrence()).isEqualTo(Occurrence.DISPUTED);
            assertThat(a.rationale()).anyMatch(s -> s.contains("whose incident had already closed"))
                    .noneMatch(s -> s.contains("retrospective"));
        });
    }

    /**
     * Decision: a retrospective claim that re-tells an incident still kept after its closure joins it (a corrected
     * final version, same id, still closed) rather than standing apart; once that incident is evicted, the same claim
     * is assessed alone, with the remembered verdict of the claim it re-tells carried over.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "its incident closed and still kept | 2025-10-17T12:00 | true",
            "its incident evicted               | 2025-10-27T12:00 | false"})
    void aRetrospectiveClaimOfAnIncidentStillKeptJoinsIt(String name, String published, boolean kept) {
        List<Assessment> first = feed(claim(AZ_MOD, "first", Party.AM, "2025-10-01T06:00", "2025-10-01T09:00",
                GEGHARKUNIK).timePrecision(TimePrecision.MINUTE).build());
        feed(denial(AM_MOD, "denied", "2025-10-01T15:00", Party.AZ, "2025-10-01", "2025-10-01", GEGHARKUNIK).build(),
                // a later account of the same morning keeps the incident open until 13 October
                claim(AZ_SBS, "account", Party.AM, "2025-10-01T06:20", "2025-10-06T09:00", GEGHARKUNIK)
                        .timePrecision(TimePrecision.MINUTE).build(),
                // closes it on 14 October; it is kept until the 21st
                claim(AZ_MOD, "closes", Party.AM, "2025-10-14T04:10", "2025-10-14T09:00", TAVUSH)
                        .timePrecision(TimePrecision.MINUTE).build());
        if (!kept) {
            feed(claim(AZ_MOD, "evicts", Party.AM, "2025-10-25T04:10", "2025-10-25T09:00", TAVUSH)
                    .timePrecision(TimePrecision.MINUTE).build());
        }
        assertThat(engine.state().closed.stream().anyMatch(i -> i.segment == GEGHARKUNIK)).as(name).isEqualTo(kept);
        IncidentReport retold = claim(AZ_MOD, "retold", Party.AM, "2025-10-01T06:00", published, GEGHARKUNIK)
                .occurredUntil(t("2025-10-01T06:30")).timePrecision(TimePrecision.MINUTE).build();
        ClassifierEngine.Result result = engine.process(retold);
        assertThat(result.outcome()).as(name)
                .isEqualTo(kept ? ClassifierEngine.Outcome.ACCEPTED : ClassifierEngine.Outcome.LATE);
        assertThat(result.assessments()).as(name).last().satisfies(a -> {
            assertThat(a.closed()).isTrue();
            assertThat(a.occurrence()).isEqualTo(Occurrence.DISPUTED);
            assertThat(a.attribution()).isEqualTo(Attribution.CONTESTED);
            if (kept) {
                assertThat(a.incidentId()).isEqualTo(first.get(0).incidentId());
                assertThat(a.version()).isGreaterThan(2);
                assertThat(a.reportIds().get(org.borderwatch.common.model.Stance.CLAIM)).contains(retold.reportId());
            } else {
                assertThat(a.incidentId()).isEqualTo(incidentOf(retold));
                assertThat(a.version()).isEqualTo(1);
                assertThat(a.rationale()).anyMatch(s -> s.contains("carried over"))
                        .anyMatch(s -> s.contains("retrospective"));
            }
        });
    }

    /** Replay of shuffled input gives the same versions as the engine fed in publication order. */
    @Test
    void theReplayGivesTheSameVersionsAsTheEngineInPublicationOrder() {
        List<Assessment> live = feed(anniversaryScenario().toArray(IncidentReport[]::new));
        List<IncidentReport> shuffled = new ArrayList<>(anniversaryScenario());
        Collections.reverse(shuffled);
        Replayer.Outcome replayed = new Replayer(ClassifierEngine.withDefaults()).replay(shuffled);
        assertThat(replayed.versions().stream().map(Replayer::json).toList())
                .isEqualTo(live.stream().map(Replayer::json).toList());
        assertThat(replayed.late()).isEqualTo(1);
    }

    /**
     * c19: one incident per segment (the design's rule) also for a retrospective claim assessed alone: an incident in
     * each segment it names, each its own id from the segment and the report id, with the same verdict, casualties,
     * signals and severity. A claim naming no segment, or an ambiguous place, stands in UNRESOLVED alone.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "three segments                  | GEGHARKUNIK SYUNIK_EAST VAYOTS_DZOR_EAST | false | GEGHARKUNIK SYUNIK_EAST VAYOTS_DZOR_EAST",
        "two segments                    | SYUNIK_EAST TAVUSH                        | false | SYUNIK_EAST TAVUSH",
        "one segment                     | TAVUSH                                    | false | TAVUSH",
        "no segment named                | UNRESOLVED                                | false | UNRESOLVED",
        "an ambiguous place of two       | GEGHARKUNIK TAVUSH                        | true  | UNRESOLVED",
    })
    void aRetrospectiveClaimIsAssessedAloneInEachSegmentItNames(String name, String named, boolean ambiguous,
                                                                 String expected) {
        feed(offensive(), mortar(), october());
        List<org.borderwatch.common.model.BorderSegment> segments = java.util.Arrays.stream(named.trim()
                .split("\\s+")).map(org.borderwatch.common.model.BorderSegment::valueOf).toList();
        IncidentReport told = anniversaryBuilder().location(new org.borderwatch.common.model.Location(segments,
                ambiguous, null, null, null, null)).build();
        ClassifierEngine.Result result = engine.process(told);
        assertThat(result.outcome()).isEqualTo(ClassifierEngine.Outcome.LATE);
        List<Assessment> own = result.assessments().stream().filter(a -> a.reportIds().values().stream()
                .flatMap(List::stream).anyMatch(told.reportId()::equals)).toList();
        List<org.borderwatch.common.model.BorderSegment> want = java.util.Arrays.stream(expected.trim()
                .split("\\s+")).map(org.borderwatch.common.model.BorderSegment::valueOf).toList();
        assertThat(own).extracting(Assessment::segment).containsExactlyElementsOf(want);
        assertThat(own).extracting(Assessment::incidentId).containsExactlyElementsOf(want.stream()
                .map(s -> org.borderwatch.common.Uuids.incidentId(s.name(), told.reportId())).toList());
        Assessment first = own.get(0);
        assertThat(own).allSatisfy(a -> {
            assertThat(a.closed()).isTrue();
            assertThat(a.version()).isEqualTo(1);
            assertThat(a.occurrence()).isEqualTo(first.occurrence());
            assertThat(a.attribution()).isEqualTo(first.attribution());
            assertThat(a.casualties()).isEqualTo(first.casualties()).containsExactly(killed(207, 0, Party.AM));
            assertThat(a.signals()).isEqualTo(first.signals());
            assertThat(a.severity()).isEqualTo(first.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(a.rationale()).anyMatch(x -> x.contains("retrospective account"));
        });
        assertThat(first.signals()).extracting(x -> x.type())
                .containsExactlyInAnyOrder(SignalType.FATALITIES, SignalType.HEAVY_WEAPONS);
        assertThat(engine.lateReports()).as("one late report, however many segments").isEqualTo(1);
        // nothing of it is held: no incident, no remembered claim
        assertThat(engine.heldIncidentIds()).doesNotContainAnyElementsOf(own.stream().map(Assessment::incidentId)
                .toList());
    }
}
