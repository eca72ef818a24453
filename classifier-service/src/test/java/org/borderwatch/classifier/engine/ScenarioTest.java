package org.borderwatch.classifier.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.common.model.SignalType.CLAIM_SURGE;
import static org.borderwatch.common.model.SignalType.FATALITIES;
import static org.borderwatch.common.model.SignalType.HEAVY_WEAPONS;
import static org.borderwatch.common.model.SignalType.QUIET_BROKEN;
import static org.borderwatch.common.model.SignalType.RETALIATION_CYCLE;
import static org.borderwatch.common.model.SignalType.SPREAD;
import static org.borderwatch.common.model.SignalType.UNCORROBORATED_SURGE;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.borderwatch.classifier.ScenarioIncidents;
import org.borderwatch.classifier.TestReports;
import org.borderwatch.classifier.replay.Replayer;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.Attribution;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.SignalType;
import org.borderwatch.common.model.Stance;
import org.junit.jupiter.api.Test;

/** The development scenarios, on the project's own fixtures (src/test/resources/fixtures). */
class ScenarioTest {

    static Replayer.Outcome run(String fixture) {
        return new Replayer(ClassifierEngine.withDefaults()).replay(TestReports.fixture(fixture));
    }

    static Assessment at(List<Assessment> finals, BorderSegment segment, String fromPrefix) {
        return finals.stream().filter(a -> a.segment() == segment
                        && a.window().from().toString().startsWith(fromPrefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no incident in " + segment + " from " + fromPrefix + ": "
                        + Replayer.summary(finals)));
    }

    static IncidentReport published(IncidentReport r, java.time.OffsetDateTime at) {
        return new IncidentReport(r.schemaVersion(), r.reportId(), r.sourceRef(), r.revision(), r.source(),
                r.stance(), r.actingParty(), r.eventTypes(), r.location(), r.occurredAt(), r.occurredUntil(),
                r.timePrecision(), at, at, r.casualties(), r.answers(), r.coverage(), r.retaliation(), r.text(),
                r.language(), r.url());
    }

    static Set<SignalType> signals(Assessment a) {
        return a.signals().stream().map(s -> s.type()).collect(Collectors.toSet());
    }

    @Test
    void march2025SurgeIsSplitByEumasCoverage() {
        Replayer.Outcome outcome = run("march-2025-surge.jsonl");
        List<Assessment> finals = outcome.finals();
        assertThat(finals).hasSize(5);
        Assessment tegh = at(finals, BorderSegment.SYUNIK_EAST, "2025-03-16");
        Assessment vardenis = at(finals, BorderSegment.GEGHARKUNIK, "2025-03-16T23:30");
        Assessment khnatsakh = at(finals, BorderSegment.SYUNIK_EAST, "2025-03-17");
        Assessment sotk = at(finals, BorderSegment.GEGHARKUNIK, "2025-03-18");
        Assessment khoznavar = at(finals, BorderSegment.SYUNIK_EAST, "2025-03-19");

        assertThat(tegh.occurrence()).isEqualTo(Occurrence.REFUTED);
        assertThat(tegh.attribution()).isEqualTo(Attribution.CONTESTED);
        assertThat(vardenis.occurrence()).isEqualTo(Occurrence.REFUTED);
        assertThat(khnatsakh.occurrence()).isEqualTo(Occurrence.REFUTED);
        assertThat(khnatsakh.attribution()).isEqualTo(Attribution.CONTESTED);
        assertThat(sotk.occurrence()).isEqualTo(Occurrence.UNVERIFIED);
        assertThat(khoznavar.occurrence()).isEqualTo(Occurrence.DISPUTED);
        assertThat(khoznavar.attribution()).isEqualTo(Attribution.CONTESTED);
        assertThat(khoznavar.severity()).isEqualTo(Severity.HIGH);
        for (Assessment a : finals) {
            assertThat(signals(a)).as(a.segment() + " " + a.window()).containsExactlyInAnyOrder(CLAIM_SURGE,
                    UNCORROBORATED_SURGE);
        }
        // rationale names sources, times and places; the milestone precedes the surge
        assertThat(tegh.rationale()).anyMatch(s -> s.contains("Ministry of Defence of Azerbaijan")
                && s.contains("2025-03-16 09:35") && s.contains("Tegh"));
        assertThat(tegh.rationale()).anyMatch(s -> s.contains("EU Mission in Armenia") && s.contains("2025-03-17"));
        assertThat(tegh.signals().get(0).rationale()).contains("diplomatic milestone", "2025-03-13");
        assertThat(tegh.reportIds()).containsKeys(Stance.CLAIM, Stance.DENIAL, Stance.REFUTATION);
    }

    @Test
    void march2025SurgeFiresAtTheThirdClaimAndEveryIncidentGetsANewVersion() {
        List<IncidentReport> reports = TestReports.fixture("march-2025-surge.jsonl");
        ClassifierEngine engine = ClassifierEngine.withDefaults();
        List<List<Assessment>> perReport = new ArrayList<>();
        reports.stream().sorted(java.util.Comparator.comparing(IncidentReport::publishedAt))
                .forEach(r -> perReport.add(engine.process(r).assessments()));
        // index 4 = the third claim (17 March 16:05): all three incidents get a version carrying CLAIM_SURGE
        List<Assessment> third = perReport.get(4);
        assertThat(third).hasSize(3).allMatch(a -> a.hasSignal(CLAIM_SURGE) && !a.hasSignal(UNCORROBORATED_SURGE));
        // index 5 = EUMA's refutation: the three become REFUTED and UNCORROBORATED_SURGE fires for all
        List<Assessment> euma = perReport.get(5);
        assertThat(euma).hasSize(3).allMatch(a -> a.occurrence() == Occurrence.REFUTED
                && a.hasSignal(UNCORROBORATED_SURGE));
    }

    @Test
    void february2024FatalitiesAndRevenge() {
        List<Assessment> finals = run("february-2024-revenge.jsonl").finals();
        assertThat(finals).hasSize(2);
        Assessment wounded = at(finals, BorderSegment.SYUNIK_EAST, "2024-02-12");
        Assessment nerkinHand = at(finals, BorderSegment.SYUNIK_EAST, "2024-02-13");

        assertThat(wounded.occurrence()).isEqualTo(Occurrence.DISPUTED);
        assertThat(wounded.attribution()).isEqualTo(Attribution.CONTESTED);
        assertThat(wounded.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(wounded.signals()).isEmpty();
        assertThat(wounded.killed()).as("the denial's mention of the 13 February deaths does not count").isZero();

        assertThat(nerkinHand.occurrence()).isEqualTo(Occurrence.CONFIRMED);
        assertThat(nerkinHand.attribution()).isEqualTo(Attribution.UNCONTESTED);
        assertThat(signals(nerkinHand)).containsExactlyInAnyOrder(FATALITIES, RETALIATION_CYCLE);
        assertThat(nerkinHand.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(nerkinHand.killed()).isEqualTo(4);
        assertThat(nerkinHand.actingParty()).isEqualTo(Party.AZ);
        assertThat(nerkinHand.reportIds().get(Stance.CLAIM)).hasSize(2);
        assertThat(nerkinHand.rationale()).anyMatch(s -> s.contains("placed in SYUNIK_EAST through the claim"));
    }

    @Test
    void september2022HeavyWeaponsAndSpread() {
        List<Assessment> finals = run("september-2022-offensive.jsonl").finals();
        assertThat(finals).hasSize(3);
        Assessment syunik = finals.stream().filter(a -> a.segment() == BorderSegment.SYUNIK_EAST).findFirst()
                .orElseThrow();
        Assessment gegharkunik = finals.stream().filter(a -> a.segment() == BorderSegment.GEGHARKUNIK).findFirst()
                .orElseThrow();
        Assessment jermuk = finals.stream().filter(a -> a.segment() == BorderSegment.VAYOTS_DZOR_EAST).findFirst()
                .orElseThrow();
        for (Assessment a : List.of(syunik, gegharkunik)) {
            assertThat(a.occurrence()).isEqualTo(Occurrence.CONFIRMED);
            assertThat(a.attribution()).isEqualTo(Attribution.CONTESTED);
            assertThat(signals(a)).containsExactlyInAnyOrder(HEAVY_WEAPONS, SPREAD, RETALIATION_CYCLE);
            // three heavy signals (critical-heavy-signals defaults to 3): the rules give CRITICAL, nothing less
            assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
        }
        assertThat(jermuk.occurrence()).isEqualTo(Occurrence.UNVERIFIED);
        assertThat(signals(jermuk)).containsExactlyInAnyOrder(HEAVY_WEAPONS, SPREAD);
    }

    @Test
    void june2024AmbiguousDenialIsPlacedThroughTheClaimItAnswers() {
        List<Assessment> finals = run("june-2024-nakhchivan.jsonl").finals();
        assertThat(finals).hasSize(2);
        Assessment ararat = at(finals, BorderSegment.ARARAT, "2024-06-11");
        Assessment vardenis = at(finals, BorderSegment.GEGHARKUNIK, "2024-06-21");
        for (Assessment a : List.of(ararat, vardenis)) {
            assertThat(a.occurrence()).isEqualTo(Occurrence.DISPUTED);
            assertThat(a.attribution()).isEqualTo(Attribution.CONTESTED);
            assertThat(a.signals()).isEmpty();
            assertThat(a.severity()).isEqualTo(Severity.LOW);
            assertThat(a.reportIds().get(Stance.DENIAL)).hasSize(1);
        }
    }

    @Test
    void july2023LachinDetentionIsASelfReport() {
        Assessment a = run("july-2023-lachin.jsonl").finals().get(0);
        assertThat(a.segment()).isEqualTo(BorderSegment.LACHIN_CORRIDOR);
        assertThat(a.occurrence()).isEqualTo(Occurrence.CONFIRMED);
        assertThat(a.attribution()).isEqualTo(Attribution.UNCONTESTED);
        assertThat(a.signals()).isEmpty();
        assertThat(a.severity()).isEqualTo(Severity.LOW);
    }

    @Test
    void theWholeTimelineGivesTheSameOutcomesAndNoQuietBrokenOrMarchSpread() {
        // the whole timeline is the first scenarios together; it gives each one's incidents, no more, no fewer
        ScenarioIncidents.assertAllIsTheFirstScenarios();
        List<Assessment> finals = run(ScenarioIncidents.ALL).finals();
        ScenarioIncidents.assertIncidents(finals, ScenarioIncidents.all());
        assertThat(finals).noneMatch(a -> a.hasSignal(QUIET_BROKEN));
        assertThat(finals).filteredOn(a -> a.window().from().getYear() == 2025).noneMatch(a -> a.hasSignal(SPREAD));
    }

    /** Further public events of 2021-2024 in our own words; each row is the outcome common/README.md's rules require. */
    record Expected(String fixture, BorderSegment segment, String from, Occurrence occurrence,
                    Attribution attribution, Set<SignalType> signals, Severity severity, Integer killed) {
        @Override
        public String toString() {
            return fixture + " " + segment + " " + from;
        }
    }

    static final Map<String, Integer> INCIDENTS = Map.of("may-2021-incursion.jsonl", 3,
            "november-2021-clashes.jsonl", 2, "sotk-kut-2023-euma.jsonl", 2, "tavush-2024-quiet-broken.jsonl", 4,
            "july-2021-yeraskh-retaliation.jsonl", 2, "may-2023-spread.jsonl", 4);

    static List<Expected> moreEvents() {
        return List.of(
                // May 2021: incursion near Sev Lich (claim + denial), a claim nobody answers, and the 27 May
                // detention that both sides report, each blaming the other (the second follows the first: a cycle)
                new Expected("may-2021-incursion.jsonl", BorderSegment.SYUNIK_EAST, "2021-05-12",
                        Occurrence.DISPUTED, Attribution.CONTESTED, Set.of(), Severity.LOW, 0),
                new Expected("may-2021-incursion.jsonl", BorderSegment.GEGHARKUNIK, "2021-05-13",
                        Occurrence.UNVERIFIED, Attribution.UNCONTESTED, Set.of(), Severity.LOW, 0),
                new Expected("may-2021-incursion.jsonl", BorderSegment.GEGHARKUNIK, "2021-05-27T03:00",
                        Occurrence.CONFIRMED, Attribution.CONTESTED, Set.of(RETALIATION_CYCLE), Severity.MEDIUM, 0),
                // 16 November 2021: a third party confirms; AM's own latest figure (6) replaces its first (1); AZ's
                // "response measures"; three AM statements about one clash are no claim surge
                new Expected("november-2021-clashes.jsonl", BorderSegment.SYUNIK_EAST, "2021-11-16",
                        Occurrence.CONFIRMED, Attribution.CONTESTED, Set.of(FATALITIES, RETALIATION_CYCLE,
                        HEAVY_WEAPONS), Severity.CRITICAL, 13),
                new Expected("november-2021-clashes.jsonl", BorderSegment.GEGHARKUNIK, "2021-11-16T12:30",
                        Occurrence.UNVERIFIED, Attribution.UNCONTESTED, Set.of(RETALIATION_CYCLE, HEAVY_WEAPONS),
                        Severity.HIGH, 0),
                // 2023 with EUMA present: a denial published before its claim, then EUMA confirms (Sotk); EUMA first
                // refutes and then corrects itself (Kut)
                new Expected("sotk-kut-2023-euma.jsonl", BorderSegment.GEGHARKUNIK, "2023-09-01T00:20",
                        Occurrence.CONFIRMED, Attribution.CONTESTED, Set.of(FATALITIES, HEAVY_WEAPONS),
                        Severity.CRITICAL, 4),
                new Expected("sotk-kut-2023-euma.jsonl", BorderSegment.GEGHARKUNIK, "2023-11-10T21:15",
                        Occurrence.CONFIRMED, Attribution.CONTESTED, Set.of(), Severity.LOW, 0),
                // Tavush/Gazakh 2024: three incidents in five weeks, 80 days of calm, then a claim
                new Expected("tavush-2024-quiet-broken.jsonl", BorderSegment.TAVUSH, "2024-01-05",
                        Occurrence.DISPUTED, Attribution.CONTESTED, Set.of(), Severity.LOW, 0),
                new Expected("tavush-2024-quiet-broken.jsonl", BorderSegment.TAVUSH, "2024-01-22",
                        Occurrence.DISPUTED, Attribution.CONTESTED, Set.of(), Severity.LOW, 0),
                new Expected("tavush-2024-quiet-broken.jsonl", BorderSegment.TAVUSH, "2024-02-08",
                        Occurrence.UNVERIFIED, Attribution.UNCONTESTED, Set.of(), Severity.LOW, 0),
                new Expected("tavush-2024-quiet-broken.jsonl", BorderSegment.TAVUSH, "2024-04-28",
                        Occurrence.UNVERIFIED, Attribution.UNCONTESTED, Set.of(QUIET_BROKEN), Severity.MEDIUM, 0),
                // 28 July 2021: three killed near Yeraskh; AZ's self-reported "retaliation" in the neighbouring
                // segment
                new Expected("july-2021-yeraskh-retaliation.jsonl", BorderSegment.ARARAT, "2021-07-28",
                        Occurrence.UNVERIFIED, Attribution.UNCONTESTED, Set.of(FATALITIES), Severity.CRITICAL, 3),
                new Expected("july-2021-yeraskh-retaliation.jsonl", BorderSegment.VAYOTS_DZOR_WEST, "2021-07-28",
                        Occurrence.CONFIRMED, Attribution.UNCONTESTED, Set.of(RETALIATION_CYCLE, HEAVY_WEAPONS),
                        Severity.HIGH, 0),
                // May 2023: one source's claims in three segments within a day, one blanket denial, a fourth claim
                // days later: surge, uncorroborated, spread (not for the fourth: nothing else within 24 hours)
                new Expected("may-2023-spread.jsonl", BorderSegment.GEGHARKUNIK, "2023-05-11",
                        Occurrence.DISPUTED, Attribution.CONTESTED, Set.of(CLAIM_SURGE, UNCORROBORATED_SURGE, SPREAD),
                        Severity.HIGH, 0),
                new Expected("may-2023-spread.jsonl", BorderSegment.SYUNIK_EAST, "2023-05-12",
                        Occurrence.DISPUTED, Attribution.CONTESTED, Set.of(CLAIM_SURGE, UNCORROBORATED_SURGE, SPREAD),
                        Severity.HIGH, 0),
                new Expected("may-2023-spread.jsonl", BorderSegment.TAVUSH, "2023-05-12",
                        Occurrence.DISPUTED, Attribution.CONTESTED, Set.of(CLAIM_SURGE, UNCORROBORATED_SURGE, SPREAD),
                        Severity.HIGH, 0),
                new Expected("may-2023-spread.jsonl", BorderSegment.ARARAT, "2023-05-16",
                        Occurrence.UNVERIFIED, Attribution.UNCONTESTED, Set.of(CLAIM_SURGE, UNCORROBORATED_SURGE),
                        Severity.HIGH, 0));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("moreEvents")
    void moreEventsGiveTheOutcomesTheRulesRequire(Expected e) {
        List<Assessment> finals = run(e.fixture()).finals();
        assertThat(finals).as(Replayer.summary(finals)).hasSize(INCIDENTS.get(e.fixture()));
        Assessment a = at(finals, e.segment(), e.from());
        assertThat(a.occurrence()).as("occurrence").isEqualTo(e.occurrence());
        assertThat(a.attribution()).as("attribution").isEqualTo(e.attribution());
        assertThat(signals(a)).as("signals").containsExactlyInAnyOrderElementsOf(e.signals());
        assertThat(a.severity()).as("severity").isEqualTo(e.severity());
        assertThat(a.killed()).as("killed").isEqualTo(e.killed());
    }

    @Test
    void theDetailsOfTheFurtherEvents() {
        Assessment kut = at(run("sotk-kut-2023-euma.jsonl").finals(), BorderSegment.GEGHARKUNIK, "2023-11-10");
        assertThat(kut.rationale()).anyMatch(s -> s.contains("EU Mission in Armenia's statement of 2023-11-13 12:00")
                && s.contains("supersedes its earlier one of 2023-11-11 15:00"));
        Assessment quiet = at(run("tavush-2024-quiet-broken.jsonl").finals(), BorderSegment.TAVUSH, "2024-04-28");
        assertThat(quiet.signals().get(0).rationale()).contains("3 incidents", "diplomatic milestone", "2024-04-19");
        Assessment gadabay = at(run("tavush-2024-quiet-broken.jsonl").finals(), BorderSegment.TAVUSH, "2024-01-22");
        assertThat(gadabay.reportIds().get(Stance.DENIAL)).as("the 'Gadabay direction' denial, placed through its "
                + "claim").hasSize(1);
        Assessment clash = at(run("november-2021-clashes.jsonl").finals(), BorderSegment.SYUNIK_EAST, "2021-11-16");
        assertThat(clash.casualties()).extracting(c -> c.party() + ":" + c.killed())
                .containsExactlyInAnyOrder("AM:6", "AZ:7");
        Assessment spread = at(run("may-2023-spread.jsonl").finals(), BorderSegment.ARARAT, "2023-05-16");
        assertThat(spread.signals().stream().filter(s -> s.type() == CLAIM_SURGE).findFirst().orElseThrow()
                .rationale()).contains("claimed 4 events");
    }

    /**
     * Second round: further events and patterns in our own words, each row the outcome common/README.md's rules require
     * (written down before the engine ran on them).
     */
    static final Map<String, Integer> SECOND_ROUND = Map.of("september-2022-death-tolls.jsonl", 3,
            "april-2023-tegh-crossfire.jsonl", 1, "june-2023-tavush-corrections.jsonl", 5,
            "august-2023-retaliation-reach.jsonl", 5, "april-2025-unanswered-week.jsonl", 12,
            "autumn-2021-quiet-edges.jsonl", 8);

    static List<Expected> secondRound() {
        String tolls = "september-2022-death-tolls.jsonl";
        String tegh = "april-2023-tegh-crossfire.jsonl";
        String tavush = "june-2023-tavush-corrections.jsonl";
        String reach = "august-2023-retaliation-reach.jsonl";
        String week = "april-2025-unanswered-week.jsonl";
        String quiet = "autumn-2021-quiet-edges.jsonl";
        List<Expected> rows = new ArrayList<>(List.of(
                // 12-15 September 2022 with the death tolls rising: both sides blame each other and the ICRC (a third
                // party) confirms the shelling; AM's latest official figure (105) replaces its first (49); AZ's own
                // 71 against an agency's 80: the most conservative, 71; AZ's "response measures" are retaliation;
                // Jermuk only AM names (nothing contests it there), and AM told of it before AZ's claim was out
                new Expected(tolls, BorderSegment.SYUNIK_EAST, "2022-09-12T23:00", Occurrence.CONFIRMED,
                        Attribution.CONTESTED, Set.of(FATALITIES, HEAVY_WEAPONS, RETALIATION_CYCLE, SPREAD),
                        Severity.CRITICAL, 176),
                new Expected(tolls, BorderSegment.GEGHARKUNIK, "2022-09-12T23:00", Occurrence.CONFIRMED,
                        Attribution.CONTESTED, Set.of(FATALITIES, HEAVY_WEAPONS, RETALIATION_CYCLE, SPREAD),
                        Severity.CRITICAL, 176),
                new Expected(tolls, BorderSegment.VAYOTS_DZOR_EAST, "2022-09-13T00:05", Occurrence.CONFIRMED,
                        Attribution.UNCONTESTED, Set.of(FATALITIES, HEAVY_WEAPONS, SPREAD), Severity.CRITICAL, 105),
                // 11 April 2023 near Tegh: each side blames the other for the same exchange at the same hour; EUMA
                // confirms the fire, not who fired; same event time is no retaliation "following" a claim
                new Expected(tegh, BorderSegment.SYUNIK_EAST, "2023-04-11T16:00", Occurrence.CONFIRMED,
                        Attribution.CONTESTED, Set.of(FATALITIES), Severity.CRITICAL, 7),
                // June 2023 Tavush: a denial of "1 June" answers nothing known (it stays alone, its claim unseen);
                // the 3 June claim stays unanswered; a second claim three days later is a new incident (duplicate
                // ignored, denied); a claim corrected from Gadabay to Kalbajar moves to GEGHARKUNIK; three claimed
                // events in a week against no baseline are a surge (one of three disputed: not uncorroborated);
                // after the quiet period a new claim opens a new incident outside the surge
                new Expected(tavush, BorderSegment.TAVUSH, "2023-06-01", Occurrence.UNVERIFIED,
                        Attribution.CONTESTED, Set.of(), Severity.LOW, 0),
                new Expected(tavush, BorderSegment.TAVUSH, "2023-06-03T21:10", Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED, Set.of(CLAIM_SURGE), Severity.MEDIUM, 0),
                new Expected(tavush, BorderSegment.TAVUSH, "2023-06-06T02:30", Occurrence.DISPUTED,
                        Attribution.CONTESTED, Set.of(CLAIM_SURGE), Severity.MEDIUM, 0),
                new Expected(tavush, BorderSegment.GEGHARKUNIK, "2023-06-08T23:40", Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED, Set.of(CLAIM_SURGE), Severity.MEDIUM, 0),
                new Expected(tavush, BorderSegment.TAVUSH, "2023-06-20T22:15", Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED, Set.of(), Severity.LOW, 0),
                // August 2023: one AZ serviceman killed in Gegharkunik (denied); AM's claims 16 h later in the same
                // segment (a cycle) and near Yeraskh (far away: none); AZ's claim in neighbouring Vayots Dzor 31 h
                // after AM's (a cycle); AZ border guards' claim 48.5 h after AM's in the same segment (none)
                new Expected(reach, BorderSegment.GEGHARKUNIK, "2023-08-15T11:00", Occurrence.DISPUTED,
                        Attribution.CONTESTED, Set.of(FATALITIES), Severity.HIGH, 1),
                new Expected(reach, BorderSegment.GEGHARKUNIK, "2023-08-16T03:00", Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED, Set.of(RETALIATION_CYCLE), Severity.MEDIUM, 0),
                new Expected(reach, BorderSegment.ARARAT, "2023-08-16T05:00", Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED, Set.of(), Severity.LOW, 0),
                new Expected(reach, BorderSegment.VAYOTS_DZOR_EAST, "2023-08-17T10:00", Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED, Set.of(RETALIATION_CYCLE), Severity.MEDIUM, 0),
                new Expected(reach, BorderSegment.GEGHARKUNIK, "2023-08-18T03:30", Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED, Set.of(), Severity.LOW, 0),
                // autumn 2021: Yeraskh active, then calm of exactly 30 days: QUIET_BROKEN; Sharur equally active,
                // calm an hour short of 30 days: none
                new Expected(quiet, BorderSegment.ARARAT, "2021-10-10T12:00", Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED, Set.of(QUIET_BROKEN), Severity.MEDIUM, 0),
                new Expected(quiet, BorderSegment.VAYOTS_DZOR_WEST, "2021-10-13T08:00", Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED, Set.of(), Severity.LOW, 0),
                new Expected(quiet, BorderSegment.ARARAT, "2021-09-10T12:00", Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED, Set.of(), Severity.LOW, 0)));
        // a week of twelve claims by one side that nobody answers: a claim surge, never an uncorroborated one (no
        // claim is refuted or disputed), no spread (two segments)
        List<String> claimed = List.of("2025-04-07T01:20", "2025-04-07T22:45", "2025-04-08T13:10",
                "2025-04-09T02:30", "2025-04-09T19:55", "2025-04-10T04:05", "2025-04-10T21:40", "2025-04-11T11:15",
                "2025-04-11T23:50", "2025-04-12T14:25", "2025-04-13T03:35", "2025-04-13T12:00");
        for (int i = 0; i < claimed.size(); i++) {
            rows.add(new Expected(week, i % 2 == 0 ? BorderSegment.SYUNIK_EAST : BorderSegment.GEGHARKUNIK,
                    claimed.get(i), Occurrence.UNVERIFIED, Attribution.UNCONTESTED, Set.of(CLAIM_SURGE),
                    Severity.MEDIUM, 0));
        }
        return rows;
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("secondRound")
    void secondRoundGivesTheOutcomesTheRulesRequire(Expected e) {
        List<Assessment> finals = run(e.fixture()).finals();
        assertThat(finals).as(Replayer.summary(finals)).hasSize(SECOND_ROUND.get(e.fixture()));
        Assessment a = at(finals, e.segment(), e.from());
        assertThat(a.occurrence()).as("occurrence").isEqualTo(e.occurrence());
        assertThat(a.attribution()).as("attribution").isEqualTo(e.attribution());
        assertThat(signals(a)).as("signals").containsExactlyInAnyOrderElementsOf(e.signals());
        assertThat(a.severity()).as("severity").isEqualTo(e.severity());
        assertThat(a.killed()).as("killed").isEqualTo(e.killed());
    }

    static final Map<String, Integer> THIRD_ROUND = Map.of("october-2023-nakhchivan-week.jsonl", 4,
            "september-2022-kut-sotk.jsonl", 3, "lachin-road-2023.jsonl", 3, "tavush-2024-delimitation.jsonl", 4,
            "november-2023-nakhchivan-front.jsonl", 3, "may-2023-sotk-drone.jsonl", 3,
            "march-2023-khankendi-road.jsonl", 1, "winter-2024-quiet-spread.jsonl", 6,
            "summer-2021-mine-and-weekly-summary.jsonl", 9);

    /**
     * A third round: statements written in our own words about further public events, run through ingest, outcomes
     * written from common/README.md before the engine ran. The Lachin fixture carries the canonical form its text requires
     * (ingest's reading of the checkpoint statements and the ICRC's confirmation differed; reported to the lead).
     */
    static List<Expected> thirdRound() {
        String week = "october-2023-nakhchivan-week.jsonl";
        String kut = "september-2022-kut-sotk.jsonl";
        String lachin = "lachin-road-2023.jsonl";
        String tavush = "tavush-2024-delimitation.jsonl";
        Set<SignalType> surge = Set.of(CLAIM_SURGE, UNCORROBORATED_SURGE);
        return List.of(
                // a week of Nakhchivan-front claims: three in a week against no baseline is a surge; EUMA's patrols
                // of 5-6 October in Ararat and Vayots Dzor refute the Sharur one only; three of four refuted or
                // disputed, none confirmed; no SPREAD (the three segments are more than 24 hours apart)
                new Expected(week, BorderSegment.ARARAT, "2023-10-04", Occurrence.DISPUTED, Attribution.CONTESTED,
                        surge, Severity.HIGH, 0),
                new Expected(week, BorderSegment.VAYOTS_DZOR_WEST, "2023-10-05", Occurrence.REFUTED,
                        Attribution.UNCONTESTED, surge, Severity.MEDIUM, 0),
                new Expected(week, BorderSegment.SYUNIK_WEST, "2023-10-06", Occurrence.DISPUTED,
                        Attribution.CONTESTED, surge, Severity.HIGH, 0),
                new Expected(week, BorderSegment.ARARAT, "2023-10-08", Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED, surge, Severity.HIGH, 0),
                // 28 September 2022 at Kut/Sotk/Norabak, no observer on the ground yet: both sides blame each other,
                // three killed, mortars, "response measures"; Armenia's three claimed events in a week are a surge,
                // but one of them is confirmed, so not an uncorroborated one; the Verin Shorzha claim follows
                // Azerbaijan's claim within 48 hours
                new Expected(kut, BorderSegment.GEGHARKUNIK, "2022-09-28T08:00", Occurrence.CONFIRMED,
                        Attribution.CONTESTED, Set.of(CLAIM_SURGE, FATALITIES, RETALIATION_CYCLE, HEAVY_WEAPONS),
                        Severity.CRITICAL, 3),
                new Expected(kut, BorderSegment.GEGHARKUNIK, "2022-09-28T23:20", Occurrence.DISPUTED,
                        Attribution.CONTESTED, Set.of(CLAIM_SURGE, RETALIATION_CYCLE), Severity.HIGH, 0),
                new Expected(kut, BorderSegment.GEGHARKUNIK, "2022-10-02", Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED, Set.of(CLAIM_SURGE), Severity.MEDIUM, 0),
                // the Lachin road in 2023: the checkpoint reported by the side that set it up; the Hakari bridge
                // shooting, denied, confirmed by the ICRC; the suspension of traffic, again a self-report
                new Expected(lachin, BorderSegment.LACHIN_CORRIDOR, "2023-04-23", Occurrence.CONFIRMED,
                        Attribution.UNCONTESTED, Set.of(), Severity.LOW, 0),
                new Expected(lachin, BorderSegment.LACHIN_CORRIDOR, "2023-06-15", Occurrence.CONFIRMED,
                        Attribution.CONTESTED, Set.of(), Severity.MEDIUM, 0),
                new Expected(lachin, BorderSegment.LACHIN_CORRIDOR, "2023-06-17", Occurrence.CONFIRMED,
                        Attribution.UNCONTESTED, Set.of(), Severity.LOW, 0),
                // Tavush in spring 2024 around the delimitation agreement (a milestone, never an incident): two
                // denied claims, Azerbaijan's claim 11 hours after Armenia's (a cycle), a wounded serviceman
                new Expected(tavush, BorderSegment.TAVUSH, "2024-03-30", Occurrence.DISPUTED, Attribution.CONTESTED,
                        Set.of(), Severity.LOW, 0),
                new Expected(tavush, BorderSegment.TAVUSH, "2024-05-12", Occurrence.DISPUTED, Attribution.CONTESTED,
                        Set.of(), Severity.LOW, 0),
                new Expected(tavush, BorderSegment.TAVUSH, "2024-05-13", Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED, Set.of(RETALIATION_CYCLE), Severity.MEDIUM, 0),
                new Expected(tavush, BorderSegment.TAVUSH, "2024-05-19", Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED, Set.of(), Severity.MEDIUM, 0),
                // the Nakhchivan front in November 2023: a claim naming only "the Nakhchivan direction" stays alone
                // and its denial in the same words joins it; EUMA's patrols "along the border" (no place named)
                // refute the Sharur claim, whose correction adds a wounded serviceman; a statement in Russian that
                // ingest cannot read joins the Yeraskh incident and changes nothing
                new Expected("november-2023-nakhchivan-front.jsonl", BorderSegment.UNRESOLVED, "2023-11-01",
                        Occurrence.DISPUTED, Attribution.CONTESTED, surge, Severity.HIGH, 0),
                new Expected("november-2023-nakhchivan-front.jsonl", BorderSegment.VAYOTS_DZOR_WEST, "2023-11-03",
                        Occurrence.REFUTED, Attribution.UNCONTESTED, surge, Severity.MEDIUM, 0),
                new Expected("november-2023-nakhchivan-front.jsonl", BorderSegment.ARARAT, "2023-11-05",
                        Occurrence.UNVERIFIED, Attribution.UNCONTESTED, surge, Severity.HIGH, 0),
                // Sotk, 11 May 2023: both sides blame each other, EUMA confirms the shelling, Armenia's own losses
                // rise to two (a casualty update, not an action of its own forces); a denial of the next night's
                // drone strike published before Azerbaijan's claim waits for it instead of stretching the shelling
                // incident; Armenia's Kut claim 34 hours after that claim is a cycle
                new Expected("may-2023-sotk-drone.jsonl", BorderSegment.GEGHARKUNIK, "2023-05-11",
                        Occurrence.CONFIRMED, Attribution.CONTESTED, Set.of(FATALITIES, RETALIATION_CYCLE,
                        HEAVY_WEAPONS), Severity.CRITICAL, 2),
                new Expected("may-2023-sotk-drone.jsonl", BorderSegment.GEGHARKUNIK, "2023-05-12T21:10",
                        Occurrence.DISPUTED, Attribution.CONTESTED, Set.of(RETALIATION_CYCLE, HEAVY_WEAPONS),
                        Severity.HIGH, 0),
                new Expected("may-2023-sotk-drone.jsonl", BorderSegment.GEGHARKUNIK, "2023-05-14",
                        Occurrence.UNVERIFIED, Attribution.UNCONTESTED, Set.of(RETALIATION_CYCLE), Severity.MEDIUM,
                        0),
                // 5 March 2023 on the Khankendi road: each side blames the other for the exchange, the Russian
                // Defence Ministry (a third party) reports it without naming who fired; 2 + 3 killed; no cycle (one
                // event time)
                new Expected("march-2023-khankendi-road.jsonl", BorderSegment.KARABAKH, "2023-03-05",
                        Occurrence.CONFIRMED, Attribution.CONTESTED, Set.of(FATALITIES), Severity.CRITICAL, 5),
                // winter 2023/24: three Gegharkunik claims in five weeks, 44 days of calm, then Armenia's claims in
                // three segments within 14 hours: the calm broken, a spread, a surge of one side's claims (none
                // answered: no uncorroborated surge)
                new Expected("winter-2024-quiet-spread.jsonl", BorderSegment.GEGHARKUNIK, "2023-12-02",
                        Occurrence.UNVERIFIED, Attribution.UNCONTESTED, Set.of(), Severity.LOW, 0),
                new Expected("winter-2024-quiet-spread.jsonl", BorderSegment.GEGHARKUNIK, "2023-12-19",
                        Occurrence.UNVERIFIED, Attribution.UNCONTESTED, Set.of(), Severity.LOW, 0),
                new Expected("winter-2024-quiet-spread.jsonl", BorderSegment.GEGHARKUNIK, "2024-01-06",
                        Occurrence.UNVERIFIED, Attribution.UNCONTESTED, Set.of(), Severity.LOW, 0),
                new Expected("winter-2024-quiet-spread.jsonl", BorderSegment.GEGHARKUNIK, "2024-02-20",
                        Occurrence.UNVERIFIED, Attribution.UNCONTESTED, Set.of(CLAIM_SURGE, SPREAD, QUIET_BROKEN),
                        Severity.HIGH, 0),
                new Expected("winter-2024-quiet-spread.jsonl", BorderSegment.SYUNIK_EAST, "2024-02-20",
                        Occurrence.UNVERIFIED, Attribution.UNCONTESTED, Set.of(CLAIM_SURGE, SPREAD), Severity.HIGH, 0),
                new Expected("winter-2024-quiet-spread.jsonl", BorderSegment.ARARAT, "2024-02-20",
                        Occurrence.UNVERIFIED, Attribution.UNCONTESTED, Set.of(CLAIM_SURGE, SPREAD), Severity.HIGH, 0),
                // summer 2021: a mine kills three in the Kalbajar district (ingest names Azerbaijan itself as acting: a
                // mine going off is not its own action, so not a self-report); a weekly summary of violations "along
                // the entire border" is one membership per segment, denied "along the border" in every one of them;
                // a summary of a week says nothing of when within it anything happened, so it is no incident in a
                // 24-hour spread (it used to be: SPREAD, MEDIUM in all seven and in the Yeraskh claim the next night)
                new Expected("summer-2021-mine-and-weekly-summary.jsonl", BorderSegment.GEGHARKUNIK, "2021-06-04",
                        Occurrence.UNVERIFIED, Attribution.UNCONTESTED, Set.of(FATALITIES), Severity.CRITICAL, 3),
                new Expected("summer-2021-mine-and-weekly-summary.jsonl", BorderSegment.TAVUSH, "2021-07-12",
                        Occurrence.DISPUTED, Attribution.CONTESTED, Set.of(), Severity.LOW, 0),
                new Expected("summer-2021-mine-and-weekly-summary.jsonl", BorderSegment.ARARAT, "2021-07-12",
                        Occurrence.DISPUTED, Attribution.CONTESTED, Set.of(), Severity.LOW, 0),
                new Expected("summer-2021-mine-and-weekly-summary.jsonl", BorderSegment.ARARAT, "2021-07-19",
                        Occurrence.UNVERIFIED, Attribution.UNCONTESTED, Set.of(), Severity.LOW, 0));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("thirdRound")
    void thirdRoundGivesTheOutcomesTheRulesRequire(Expected e) {
        List<Assessment> finals = run(e.fixture()).finals();
        assertThat(finals).as(Replayer.summary(finals)).hasSize(THIRD_ROUND.get(e.fixture()));
        Assessment a = at(finals, e.segment(), e.from());
        assertThat(a.occurrence()).as("occurrence").isEqualTo(e.occurrence());
        assertThat(a.attribution()).as("attribution").isEqualTo(e.attribution());
        assertThat(signals(a)).as("signals").containsExactlyInAnyOrderElementsOf(e.signals());
        assertThat(a.severity()).as("severity").isEqualTo(e.severity());
        assertThat(a.killed()).as("killed").isEqualTo(e.killed());
    }

    static final Map<String, Integer> FOURTH_ROUND = Map.of("august-2022-karabakh-revenge.jsonl", 2,
            "january-2023-tegh-sniper.jsonl", 3, "spring-2023-euma-first-months.jsonl", 3,
            "july-2021-verin-shorzha.jsonl", 4);

    /**
     * A fourth round, written the same way: Karabakh in August 2022 ("Revenge"), the Tegh sniper in January 2023,
     * the first months of EUMA in spring 2023, late July 2021 at Yeraskh and Verin Shorzha. Each fixture is ingest's
     * reading of our own statements.
     */
    static List<Expected> fourthRound() {
        String revenge = "august-2022-karabakh-revenge.jsonl";
        String tegh = "january-2023-tegh-sniper.jsonl";
        String euma = "spring-2023-euma-first-months.jsonl";
        String shorzha = "july-2021-verin-shorzha.jsonl";
        return List.of(
                // 3 August 2022 in Karabakh: Azerbaijan's claim (one killed) denied, its own "Revenge" operation
                // with drones, Armenia's claim of two killed; a Russian notice of the ceasefire violation (a
                // milestone in ingest's reading) changes nothing
                new Expected(revenge, BorderSegment.KARABAKH, "2022-08-03", Occurrence.CONFIRMED,
                        Attribution.CONTESTED, Set.of(FATALITIES, RETALIATION_CYCLE, HEAVY_WEAPONS),
                        Severity.CRITICAL, 3),
                new Expected(revenge, BorderSegment.GEGHARKUNIK, "2022-08-11", Occurrence.DISPUTED,
                        Attribution.CONTESTED, Set.of(), Severity.LOW, 0),
                // Tegh, January 2023: the wounded serviceman dies (a casualty update joins his incident); the next
                // morning's counter-claim from Digh is a cycle; a lone claim at Khnatsakh eleven days later
                new Expected(tegh, BorderSegment.SYUNIK_EAST, "2023-01-09", Occurrence.DISPUTED,
                        Attribution.CONTESTED, Set.of(FATALITIES), Severity.HIGH, 1),
                new Expected(tegh, BorderSegment.SYUNIK_EAST, "2023-01-10", Occurrence.DISPUTED,
                        Attribution.CONTESTED, Set.of(RETALIATION_CYCLE), Severity.MEDIUM, 0),
                new Expected(tegh, BorderSegment.SYUNIK_EAST, "2023-01-21", Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED, Set.of(), Severity.LOW, 0),
                // spring 2023: EUMA's patrols refute the Norabak claim; the Khoznavar claim is only disputed; EUMA
                // confirms the Sotk exchange that each side blames on the other (mortars, one wounded)
                new Expected(euma, BorderSegment.GEGHARKUNIK, "2023-03-06", Occurrence.REFUTED,
                        Attribution.CONTESTED, Set.of(), Severity.INFO, 0),
                new Expected(euma, BorderSegment.SYUNIK_EAST, "2023-03-12", Occurrence.DISPUTED,
                        Attribution.CONTESTED, Set.of(), Severity.LOW, 0),
                new Expected(euma, BorderSegment.GEGHARKUNIK, "2023-03-28", Occurrence.CONFIRMED,
                        Attribution.CONTESTED, Set.of(RETALIATION_CYCLE, HEAVY_WEAPONS), Severity.HIGH, 0),
                // late July 2021: a serviceman killed near Yeraskh (denied with a counter-accusation); Azerbaijan's
                // Sadarak claim 58 hours later (no cycle); Verin Shorzha on 28 July, three Armenian dead and two
                // Azerbaijani wounded, each side blaming the other, then "again" shots near Sotk the next night with
                // no losses (15 h after the last precise report: an incident of its own since the analyst's review —
                // Azerbaijan's claim dated only to 28 July no longer stretches the session over the whole day);
                // Armenia's three claimed events in a week are a surge; a Russian-brokered ceasefire is a milestone
                new Expected(shorzha, BorderSegment.ARARAT, "2021-07-23", Occurrence.DISPUTED,
                        Attribution.CONTESTED, Set.of(CLAIM_SURGE, FATALITIES), Severity.HIGH, 1),
                new Expected(shorzha, BorderSegment.ARARAT, "2021-07-25", Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED, Set.of(), Severity.LOW, 0),
                new Expected(shorzha, BorderSegment.GEGHARKUNIK, "2021-07-28", Occurrence.CONFIRMED,
                        Attribution.CONTESTED, Set.of(CLAIM_SURGE, FATALITIES, RETALIATION_CYCLE, HEAVY_WEAPONS),
                        Severity.CRITICAL, 3),
                new Expected(shorzha, BorderSegment.GEGHARKUNIK, "2021-07-29", Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED, Set.of(CLAIM_SURGE, RETALIATION_CYCLE), Severity.HIGH, 0));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("fourthRound")
    void fourthRoundGivesTheOutcomesTheRulesRequire(Expected e) {
        List<Assessment> finals = run(e.fixture()).finals();
        assertThat(finals).as(Replayer.summary(finals)).hasSize(FOURTH_ROUND.get(e.fixture()));
        Assessment a = at(finals, e.segment(), e.from());
        assertThat(a.occurrence()).as("occurrence").isEqualTo(e.occurrence());
        assertThat(a.attribution()).as("attribution").isEqualTo(e.attribution());
        assertThat(signals(a)).as("signals").containsExactlyInAnyOrderElementsOf(e.signals());
        assertThat(a.severity()).as("severity").isEqualTo(e.severity());
        assertThat(a.killed()).as("killed").isEqualTo(e.killed());
    }

    /**
     * Incidents per fixture. Since closed incidents are kept for the grace after their closure, the re-telling of
     * the autumn fixture joins its closed incident (4 → 3) and the late denial of September corrects the two closed
     * incidents it answers instead of an assessment of its own (6 → 5).
     */
    static final Map<String, Integer> FIFTH_ROUND = Map.of("autumn-2025-coverage-before-claims.jsonl", 3,
            "november-2025-media-relays.jsonl", 3, "december-2025-front-and-retraction.jsonl", 2,
            "2025-ararat-quiet-and-surge-edge.jsonl", 14, "september-2025-late-answers.jsonl", 5);

    /**
     * A fifth, held-out round on whole timelines (canonical reports written directly, outcomes written down before the
     * first run; 10 of 29 incidents differed then): reports badly out of order, observer coverage published before the
     * claims it covers, media relays and a revised figure, a multi-segment claim denied for one segment, an observer
     * that confirms and retracts, months of calm broken by a claim learned late, a surge at the window's edge, late
     * answers to closed incidents. Rows for the two incidents that share a segment and start with another are in
     * {@link #fifthRoundDetails}.
     */
    static List<Expected> fifthRound() {
        String coverage = "autumn-2025-coverage-before-claims.jsonl";
        String media = "november-2025-media-relays.jsonl";
        String front = "december-2025-front-and-retraction.jsonl";
        String quiet = "2025-ararat-quiet-and-surge-edge.jsonl";
        String late = "september-2025-late-answers.jsonl";
        Set<SignalType> surge = Set.of(CLAIM_SURGE, UNCORROBORATED_SURGE);
        List<Expected> rows = new ArrayList<>(List.of(
                // EUMA's Syunik patrols of 1-3 October, published before the claims; AM's denial of 2-3 October
                // published before both claims answers both; the Tegh claim runs past the observed days
                new Expected(coverage, BorderSegment.SYUNIK_EAST, "2025-10-02T22:15", Occurrence.REFUTED,
                        Attribution.CONTESTED, surge, Severity.MEDIUM, 0),
                new Expected(coverage, BorderSegment.SYUNIK_EAST, "2025-10-03T23:30", Occurrence.DISPUTED,
                        Attribution.CONTESTED, surge, Severity.HIGH, 0),
                // a claim published four days after the event, EUMA's coverage three days before it
                new Expected(coverage, BorderSegment.GEGHARKUNIK, "2025-10-06T04:10", Occurrence.REFUTED,
                        Attribution.CONTESTED, surge, Severity.MEDIUM, 0),
                // media relays (APA, news.am), AM's denial, AZ's revision (died of wounds) and a copy under another
                // sourceRef: news.am relaying Baku's accusation is no Armenian admission
                new Expected(media, BorderSegment.TAVUSH, "2025-11-02T05:40", Occurrence.DISPUTED,
                        Attribution.CONTESTED, Set.of(FATALITIES), Severity.HIGH, 1),
                // both sides blame each other for one exchange (overlapping accounts): no retaliation cycle
                new Expected(media, BorderSegment.TAVUSH, "2025-11-05T21:00", Occurrence.CONFIRMED,
                        Attribution.CONTESTED, Set.of(HEAVY_WEAPONS), Severity.MEDIUM, 0),
                new Expected(media, BorderSegment.TAVUSH, "2025-11-09T03:00", Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED, Set.of(), Severity.LOW, 0),
                // a front claim denied for Gegharkunik only; EUMA confirms Syunik, then retracts
                new Expected(front, BorderSegment.GEGHARKUNIK, "2025-12-03T02:00", Occurrence.DISPUTED,
                        Attribution.CONTESTED, Set.of(), Severity.LOW, 0),
                new Expected(front, BorderSegment.SYUNIK_EAST, "2025-12-03T02:00", Occurrence.REFUTED,
                        Attribution.UNCONTESTED, Set.of(), Severity.INFO, 0),
                // months of calm at Yeraskh: the claim published on 2 July about 28 June is the first after it
                new Expected(quiet, BorderSegment.ARARAT, "2025-06-28T23:40", Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED, Set.of(QUIET_BROKEN), Severity.MEDIUM, 0),
                new Expected(quiet, BorderSegment.ARARAT, "2025-07-01T01:30", Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED, Set.of(), Severity.LOW, 0),
                // a surge whose third claim is exactly seven days after the first (half-open window), then one more
                new Expected(quiet, BorderSegment.VAYOTS_DZOR_WEST, "2025-08-01T10:00", Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED, Set.of(), Severity.LOW, 0),
                new Expected(quiet, BorderSegment.VAYOTS_DZOR_WEST, "2025-08-04T10:00", Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED, Set.of(CLAIM_SURGE), Severity.MEDIUM, 0),
                new Expected(quiet, BorderSegment.VAYOTS_DZOR_WEST, "2025-08-08T10:00", Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED, Set.of(CLAIM_SURGE), Severity.MEDIUM, 0),
                new Expected(quiet, BorderSegment.VAYOTS_DZOR_WEST, "2025-08-09T09:00", Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED, Set.of(CLAIM_SURGE), Severity.MEDIUM, 0),
                // five claims in a week; two denied in time, two after their incidents closed (within the grace of
                // the closure: the corrected final versions are DISPUTED), one unanswered
                new Expected(late, BorderSegment.SYUNIK_EAST, "2025-09-01T13:20", Occurrence.DISPUTED,
                        Attribution.CONTESTED, surge, Severity.HIGH, 0),
                new Expected(late, BorderSegment.SYUNIK_WEST, "2025-09-04T01:00", Occurrence.DISPUTED,
                        Attribution.CONTESTED, surge, Severity.HIGH, 0),
                new Expected(late, BorderSegment.SYUNIK_EAST, "2025-09-05T03:00", Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED, Set.of(CLAIM_SURGE), Severity.MEDIUM, 0),
                new Expected(late, BorderSegment.SYUNIK_WEST, "2025-09-06T22:00", Occurrence.DISPUTED,
                        Attribution.CONTESTED, surge, Severity.HIGH, 0)));
        for (String d : List.of("2025-01-10", "2025-01-25", "2025-02-12")) {
            rows.add(new Expected(quiet, BorderSegment.ARARAT, d, Occurrence.UNVERIFIED, Attribution.UNCONTESTED,
                    Set.of(), Severity.LOW, 0));
        }
        // Meghri every 27 days: never quiet for 30, so never QUIET_BROKEN
        for (String d : List.of("2025-03-01", "2025-03-28", "2025-04-24", "2025-05-21", "2025-06-17")) {
            rows.add(new Expected(quiet, BorderSegment.SYUNIK_WEST, d, Occurrence.UNVERIFIED, Attribution.UNCONTESTED,
                    Set.of(), Severity.LOW, 0));
        }
        return rows;
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("fifthRound")
    void fifthRoundGivesTheOutcomesAnAnalystExpects(Expected e) {
        List<Assessment> finals = run(e.fixture()).finals();
        assertThat(finals).as(Replayer.summary(finals)).hasSize(FIFTH_ROUND.get(e.fixture()));
        Assessment a = at(finals, e.segment(), e.from());
        assertThat(a.occurrence()).as("occurrence").isEqualTo(e.occurrence());
        assertThat(a.attribution()).as("attribution").isEqualTo(e.attribution());
        assertThat(signals(a)).as("signals").containsExactlyInAnyOrderElementsOf(e.signals());
        assertThat(a.severity()).as("severity").isEqualTo(e.severity());
        assertThat(a.killed()).as("killed").isEqualTo(e.killed());
    }

    @Test
    void fifthRoundDetails() {
        List<Assessment> coverage = run("autumn-2025-coverage-before-claims.jsonl").finals();
        Assessment tegh = at(coverage, BorderSegment.SYUNIK_EAST, "2025-10-03T23:30");
        assertThat(tegh.rationale()).anyMatch(s -> s.startsWith(
                "EU Mission in Armenia observed SYUNIK_EAST from 2025-10-01") && s.contains("does not cover")
                && s.contains("2025-10-03 23:30"));
        assertThat(tegh.rationale()).anyMatch(s -> s.startsWith("Ministry of Defence of Armenia denied it"));
        // the re-telling published on 20 October, within the grace of the 6 October incident's closure, joins it: a
        // corrected final version (still closed) with the wounded serviceman, Armenia's denial and EUMA's coverage
        List<Assessment> sotk = coverage.stream().filter(a -> a.segment() == BorderSegment.GEGHARKUNIK).toList();
        assertThat(sotk).singleElement().satisfies(a -> {
            assertThat(a.closed()).isTrue();
            assertThat(a.occurrence()).isEqualTo(Occurrence.REFUTED);
            assertThat(a.attribution()).isEqualTo(Attribution.CONTESTED);
            assertThat(a.reportIds().get(Stance.CLAIM)).hasSize(2);
            assertThat(a.rationale()).noneMatch(r -> r.contains("carried over"));
            assertThat(a.rationale().get(a.rationale().size() - 1)).contains("corrected after the closure");
            assertThat(a.casualties()).anySatisfy(c -> assertThat(c.woundedOrZero()).isEqualTo(1));
            assertThat(signals(a)).containsExactlyInAnyOrder(CLAIM_SURGE, UNCORROBORATED_SURGE);
        });

        List<Assessment> media = run("november-2025-media-relays.jsonl").finals();
        Assessment kokhanabi = at(media, BorderSegment.TAVUSH, "2025-11-02");
        assertThat(kokhanabi.rationale()).anyMatch(s -> s.startsWith("news.am claimed small-arms fire by Armenian"));
        assertThat(kokhanabi.rationale()).noneMatch(s -> s.contains("by its own forces"));
        assertThat(kokhanabi.rationale()).anyMatch(s -> s.contains("revision 2"));
        assertThat(kokhanabi.rationale()).as("relays of the first count do not disagree with its revision")
                .noneMatch(s -> s.startsWith("Sources differ"));
        assertThat(signals(kokhanabi)).doesNotContain(CLAIM_SURGE);

        List<Assessment> front = run("december-2025-front-and-retraction.jsonl").finals();
        assertThat(at(front, BorderSegment.SYUNIK_EAST, "2025-12-03").rationale())
                .anyMatch(s -> s.contains("supersedes its earlier one"));
        assertThat(at(front, BorderSegment.SYUNIK_EAST, "2025-12-03").reportIds()).doesNotContainKey(Stance.DENIAL);

        List<Assessment> late = run("september-2025-late-answers.jsonl").finals();
        List<Assessment> khoznavar = late.stream().filter(a -> a.segment() == BorderSegment.SYUNIK_EAST
                && a.window().from().toString().startsWith("2025-09-03")).toList();
        // the late denial (within the grace of the closure) corrects the closed incident's final version
        assertThat(khoznavar).singleElement().satisfies(a -> {
            assertThat(a.closed()).isTrue();
            assertThat(a.occurrence()).isEqualTo(Occurrence.DISPUTED);
            assertThat(a.attribution()).isEqualTo(Attribution.CONTESTED);
            assertThat(a.reportIds()).containsKeys(Stance.CLAIM, Stance.DENIAL);
            assertThat(signals(a)).containsExactlyInAnyOrder(CLAIM_SURGE, UNCORROBORATED_SURGE);
            assertThat(a.rationale().get(a.rationale().size() - 1)).contains("corrected after the closure");
        });
        assertThat(late).noneMatch(a -> a.rationale().stream().anyMatch(s -> s.contains("already closed")));
    }

    /**
     * A check of the fifth round's fixes on a timeline written after them (expectations first): 2 of 12 incidents
     * differed — one expectation that overlooked EUMA's border-wide coverage (the late Tavush claim is REFUTED, rightly),
     * and a re-telling of a claim denied only after its incident closed, which carried DISPUTED but not CONTESTED (fixed:
     * a late denial contests the remembered claim's attribution).
     */
    static List<Expected> postFixCheck() {
        String f = "january-2026-variations.jsonl";
        return List.of(
                new Expected(f, BorderSegment.VAYOTS_DZOR_EAST, "2026-01-05T02:00", Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED, Set.of(), Severity.LOW, 0),
                new Expected(f, BorderSegment.SYUNIK_WEST, "2026-01-07T14:00", Occurrence.REFUTED,
                        Attribution.CONTESTED, Set.of(), Severity.INFO, 0),
                new Expected(f, BorderSegment.SYUNIK_WEST, "2026-01-08T23:00", Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED, Set.of(), Severity.LOW, 0),
                new Expected(f, BorderSegment.TAVUSH, "2025-09-01", Occurrence.UNVERIFIED, Attribution.UNCONTESTED,
                        Set.of(), Severity.LOW, 0),
                new Expected(f, BorderSegment.TAVUSH, "2025-09-20", Occurrence.UNVERIFIED, Attribution.UNCONTESTED,
                        Set.of(), Severity.LOW, 0),
                new Expected(f, BorderSegment.TAVUSH, "2026-01-10", Occurrence.UNVERIFIED, Attribution.UNCONTESTED,
                        Set.of(), Severity.LOW, 0),
                new Expected(f, BorderSegment.TAVUSH, "2026-01-08", Occurrence.REFUTED, Attribution.UNCONTESTED,
                        Set.of(), Severity.INFO, 0),
                new Expected(f, BorderSegment.ARARAT, "2026-01-15T10:00", Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED, Set.of(), Severity.LOW, 0),
                new Expected(f, BorderSegment.ARARAT, "2026-01-15T22:00", Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED, Set.of(RETALIATION_CYCLE), Severity.MEDIUM, 0));
    }

    /** The start of the Sadarak claim's incident in the post-fix timeline (a row of its own below). */
    static final String SADARAK = "2026-01-12T05:00";

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("postFixCheck")
    void thePostFixCheckGivesTheOutcomesAnAnalystExpects(Expected e) {
        List<Assessment> finals = run(e.fixture()).finals();
        // the table's incidents and the Sadarak claim's (thePostFixCheckSadarakRows), and nothing else: the late denial
        // and the re-telling of the Sadarak claim correct its closed incident instead of making two beside it
        List<ScenarioIncidents.Key> expected = new ArrayList<>(postFixCheck().stream()
                .map(x -> ScenarioIncidents.key(x.segment(), x.from())).toList());
        expected.add(ScenarioIncidents.key(BorderSegment.ARARAT, SADARAK));
        ScenarioIncidents.assertIncidents(finals, expected);
        Assessment a = at(finals, e.segment(), e.from());
        assertThat(a.occurrence()).as("occurrence").isEqualTo(e.occurrence());
        assertThat(a.attribution()).as("attribution").isEqualTo(e.attribution());
        assertThat(signals(a)).as("signals").containsExactlyInAnyOrderElementsOf(e.signals());
        assertThat(a.severity()).as("severity").isEqualTo(e.severity());
    }

    @Test
    void thePostFixCheckSadarakRows() {
        List<Assessment> sadarak = run("january-2026-variations.jsonl").finals().stream()
                .filter(a -> a.segment() == BorderSegment.ARARAT
                        && a.window().from().toString().startsWith(SADARAK)).toList();
        // the claim's incident closed unanswered; the late denial and the re-telling, both within the grace of the
        // closure, correct its final version (it stays closed): one row, disputed and contested
        assertThat(sadarak).singleElement().satisfies(a -> {
            assertThat(a.closed()).isTrue();
            assertThat(a.reportIds().get(Stance.CLAIM)).hasSize(2);
            assertThat(a.reportIds()).containsKey(Stance.DENIAL);
            assertThat(a.occurrence()).isEqualTo(Occurrence.DISPUTED);
            assertThat(a.attribution()).isEqualTo(Attribution.CONTESTED);
            assertThat(a.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(a.rationale().get(a.rationale().size() - 1)).contains("corrected after the closure");
        });
    }

    @Test
    void aMilestoneDatedToTheDayOfTheFirstReportDoesNotPrecedeItsSignals() {
        // the Russian notice of 3 August (published the next morning, dated to the day) may come after the 12:50
        // claim: no signal says it follows it, and it makes no version of its own
        Replayer.Outcome outcome = new Replayer(ClassifierEngine.withDefaults())
                .replay(TestReports.fixture("august-2022-karabakh-revenge.jsonl"));
        List<Assessment> karabakh = outcome.versions().stream()
                .filter(a -> a.segment() == BorderSegment.KARABAKH).toList();
        List<IncidentReport> fixture = TestReports.fixture("august-2022-karabakh-revenge.jsonl");
        List<java.util.UUID> notices = fixture.stream().filter(r -> r.source().id().equals("ru-mod"))
                .map(IncidentReport::reportId).toList();
        assertThat(notices).hasSize(1);
        List<java.util.UUID> others = fixture.stream().filter(r -> !notices.contains(r.reportId())
                        && r.location().segments().contains(BorderSegment.KARABAKH))
                .sorted(Replayer.PUBLICATION_ORDER).map(IncidentReport::reportId).toList();
        // a version for each of the other Karabakh reports, made by it, in publication order, then the closure, which
        // adds none: no version is the notice's
        assertThat(karabakh).hasSize(others.size() + 1);
        Set<java.util.UUID> before = Set.of();
        for (int i = 0; i < karabakh.size(); i++) {
            Assessment v = karabakh.get(i);
            Set<java.util.UUID> members = v.reportIds().values().stream().flatMap(List::stream)
                    .collect(Collectors.toSet());
            Set<java.util.UUID> added = new java.util.HashSet<>(members);
            added.removeAll(before);
            assertThat(v.version()).isEqualTo(i + 1L);
            assertThat(added).as("reports version " + v.version() + " adds")
                    .isEqualTo(i < others.size() ? Set.of(others.get(i)) : Set.of());
            before = members;
        }
        assertThat(karabakh).allSatisfy(a -> assertThat(a.signals())
                .noneMatch(sig -> sig.rationale().contains("diplomatic milestone")));
        assertThat(karabakh.get(karabakh.size() - 1).closed()).isTrue();
    }

    @Test
    void aDenialNamingItsPlaceAnswersTheClaimAboutThatPlaceOnly() {
        // Azerbaijan denies fire "at Verin Shorzha on 28 September": Armenia made two claims about GEGHARKUNIK that
        // day (Kut in the morning, Verin Shorzha at night); the denial answers the second only
        List<Assessment> finals = run("september-2022-kut-sotk.jsonl").finals();
        Assessment morning = at(finals, BorderSegment.GEGHARKUNIK, "2022-09-28T08:00");
        Assessment night = at(finals, BorderSegment.GEGHARKUNIK, "2022-09-28T23:20");
        assertThat(morning.reportIds().get(Stance.DENIAL)).hasSize(1);
        assertThat(morning.rationale()).noneMatch(x -> x.startsWith("Ministry of Defence of Azerbaijan denied"));
        assertThat(night.rationale()).anyMatch(x -> x.startsWith("Ministry of Defence of Azerbaijan denied it on "
                + "2022-09-29 11:20 +04:00"));
        // a denial published before the claim it answers waits at the answered day, not inside the previous day's
        // incident; a side's report of its own losses is not a report of its own action
        List<Assessment> sotk = run("may-2023-sotk-drone.jsonl").finals();
        Assessment shelling = at(sotk, BorderSegment.GEGHARKUNIK, "2023-05-11");
        assertThat(shelling.reportIds()).doesNotContainKey(Stance.DENIAL);
        assertThat(shelling.window().to()).isBefore(TestReports.t("2023-05-12"));
        assertThat(shelling.rationale()).noneMatch(x -> x.contains("reports its own action"))
                .anyMatch(x -> x.startsWith("Ministry of Defence of Armenia reported losses of its own side"));
        assertThat(at(sotk, BorderSegment.GEGHARKUNIK, "2023-05-12").reportIds().get(Stance.DENIAL)).hasSize(1);
        // the delimitation agreement is context, not an incident
        assertThat(run("tavush-2024-delimitation.jsonl").finals())
                .noneMatch(a -> a.rationale().stream().anyMatch(x -> x.contains("Government of Armenia")));
    }

    @Test
    void secondRoundDetails() {
        // death tolls: per side the latest official figure; another source's figure compared, the lowest used
        Replayer.Outcome tolls = run("september-2022-death-tolls.jsonl");
        Assessment syunik = at(tolls.finals(), BorderSegment.SYUNIK_EAST, "2022-09-12");
        assertThat(syunik.casualties()).extracting(c -> c.party() + ":" + c.killed())
                .containsExactlyInAnyOrder("AM:105", "AZ:71");
        assertThat(syunik.rationale()).anyMatch(x -> x.startsWith("Sources differ on Azerbaijani losses")
                && x.contains("Caucasus Wire news agency: 80 killed") && x.contains("71 killed"));
        assertThat(syunik.rationale()).anyMatch(x -> x.startsWith("Occurrence CONFIRMED: International Committee of "
                + "the Red Cross"));
        // the ICRC's confirmation raises the confidence that both sides' claims gave; never lowers it
        List<Assessment> syunikVersions = tolls.versions().stream()
                .filter(a -> a.incidentId().equals(syunik.incidentId())).toList();
        double beforeIcrc = syunikVersions.stream().filter(a -> a.occurrence() == Occurrence.CONFIRMED
                && !a.reportIds().containsKey(Stance.CONFIRMATION)).mapToDouble(Assessment::confidence).max()
                .orElseThrow();
        assertThat(syunik.confidence()).isGreaterThan(beforeIcrc);
        for (int i = 1; i < syunikVersions.size(); i++) {
            assertThat(syunikVersions.get(i).confidence()).as("version " + (i + 1))
                    .isGreaterThanOrEqualTo(syunikVersions.get(i - 1).confidence());
        }
        assertThat(syunik.signals().stream().filter(sg -> sg.type() == SPREAD).findFirst().orElseThrow().rationale())
                .isEqualTo("Incidents in 3 segments within 24 hours of each other: GEGHARKUNIK from 2022-09-12 23:00 "
                        + "+04:00, SYUNIK_EAST from 2022-09-12 23:00 +04:00, VAYOTS_DZOR_EAST from 2022-09-13 00:05 "
                        + "+04:00.");
        Assessment jermuk = at(tolls.finals(), BorderSegment.VAYOTS_DZOR_EAST, "2022-09-13");
        assertThat(jermuk.rationale()).anyMatch(x -> x.contains("International Committee of the Red Cross confirmed on")
                && x.contains("without saying who acted"));

        // Tegh: EUMA confirms the crossfire; the rationale says it did not say who fired, attribution stays contested
        Replayer.Outcome tegh = run("april-2023-tegh-crossfire.jsonl");
        Assessment crossfire = tegh.finals().get(0);
        assertThat(crossfire.rationale()).contains(
                "EU Mission in Armenia confirmed on 2023-04-11 21:00 +04:00 small-arms fire near Tegh in SYUNIK_EAST"
                        + " on 2023-04-11, without saying who acted.",
                "Also, both sides report hostile action in SYUNIK_EAST, each blaming the other.",
                "Attribution CONTESTED: Azerbaijan, named as acting, says Armenia acted.",
                "Escalation signals: fatalities; severity CRITICAL.");
        assertThat(crossfire.rationale()).anyMatch(x -> x.startsWith("Ministry of Defence of Armenia claimed "
                + "small-arms fire by Azerbaijani forces at 2023-04-11 16:00 +04:00 near Tegh (SYUNIK_EAST), "
                + "with 4 killed and 6 wounded on the Armenian side"));
        assertThat(tegh.versions()).extracting(Assessment::confidence).isSorted();
        assertThat(crossfire.confidence()).isGreaterThan(tegh.versions().get(1).confidence());

        // Tavush: the duplicate is ignored, the correction left TAVUSH for GEGHARKUNIK, the other-date denial
        // answered nothing known
        Replayer.Outcome tavush = run("june-2023-tavush-corrections.jsonl");
        assertThat(tavush.duplicates()).isEqualTo(1);
        assertThat(tavush.finals()).noneMatch(a -> a.segment() == BorderSegment.TAVUSH
                && a.window().from().toString().startsWith("2023-06-08"));
        assertThat(tavush.versions()).anyMatch(a -> ClassifierEngine.isRetirement(a)
                && a.segment() == BorderSegment.TAVUSH && a.window().from().toString().startsWith("2023-06-08"));
        Assessment moved = at(tavush.finals(), BorderSegment.GEGHARKUNIK, "2023-06-08");
        assertThat(moved.rationale()).anyMatch(x -> x.contains("near Basarkechar") && x.contains("revision 2"));
        Assessment unanswered = at(tavush.finals(), BorderSegment.TAVUSH, "2023-06-03");
        assertThat(unanswered.reportIds()).containsOnlyKeys(Stance.CLAIM);
        Assessment otherDate = at(tavush.finals(), BorderSegment.TAVUSH, "2023-06-01");
        assertThat(otherDate.rationale()).anyMatch(x -> x.contains("answering Azerbaijan's claims about 2023-06-01"));

        // the unanswered week: twelve events in one surge
        Assessment first = at(run("april-2025-unanswered-week.jsonl").finals(), BorderSegment.SYUNIK_EAST,
                "2025-04-07");
        assertThat(first.signals()).singleElement().satisfies(sg -> assertThat(sg.rationale())
                .contains("claimed 12 events"));

        // Yeraskh: the calm of exactly 30 days is named in the signal
        Assessment yeraskh = at(run("autumn-2021-quiet-edges.jsonl").finals(), BorderSegment.ARARAT, "2021-10-10");
        assertThat(yeraskh.signals()).singleElement().satisfies(sg -> assertThat(sg.rationale())
                .contains("after 30 days of calm", "3 incidents"));
    }

    /**
     * Live, a denial that arrives after stream time has moved more than the grace past its publication is assessed
     * alone; replayed in publication order, the same denial disputes the claim it answers.
     */
    @Test
    void aDenialArrivingBeyondGraceIsAssessedAloneButDisputesItsClaimInAReplay() {
        List<IncidentReport> reports = new ArrayList<>(TestReports.fixture("june-2023-tavush-corrections.jsonl"));
        IncidentReport lateDenial = TestReports.denial(TestReports.AM_MOD, "late-230604", "2023-06-04T12:00",
                Party.AZ, "2023-06-03", "2023-06-03", BorderSegment.TAVUSH).build();
        ClassifierEngine live = ClassifierEngine.withDefaults();
        reports.stream().sorted(Replayer.PUBLICATION_ORDER).forEach(live::process);
        ClassifierEngine.Result result = live.process(lateDenial);
        assertThat(result.outcome()).isEqualTo(ClassifierEngine.Outcome.LATE);
        assertThat(result.assessments()).singleElement().satisfies(a -> {
            assertThat(a.closed()).isTrue();
            assertThat(a.rationale()).anyMatch(x -> x.contains("assessed alone"));
        });
        reports.add(lateDenial);
        Assessment replayed = at(new Replayer(ClassifierEngine.withDefaults()).replay(reports).finals(),
                BorderSegment.TAVUSH, "2023-06-03");
        assertThat(replayed.occurrence()).isEqualTo(Occurrence.DISPUTED);
        assertThat(replayed.attribution()).isEqualTo(Attribution.CONTESTED);
    }

    @Test
    void theFinalsLeaveOutIncidentsThatDissolvedIntoAnother() {
        List<BorderSegment> nakhchivan = List.of(BorderSegment.ARARAT, BorderSegment.VAYOTS_DZOR_WEST,
                BorderSegment.SYUNIK_WEST);
        org.borderwatch.common.model.Location direction = new org.borderwatch.common.model.Location(nakhchivan,
                true, null, "Nakhchivan direction", null, null);
        IncidentReport denial = TestReports.denial(TestReports.AM_MOD, "d", "2024-06-12T08:00", Party.AZ,
                "2024-06-11", "2024-06-11", nakhchivan.toArray(BorderSegment[]::new)).location(direction).build();
        IncidentReport claim = TestReports.claim(TestReports.AZ_MOD, "c", Party.AM, "2024-06-11T22:40",
                "2024-06-12T09:00", BorderSegment.ARARAT).location(direction).build();
        Replayer.Outcome outcome = new Replayer(ClassifierEngine.withDefaults()).replay(List.of(claim, denial));
        assertThat(outcome.versions()).anyMatch(ClassifierEngine::isRetirement);
        assertThat(outcome.finals()).singleElement().satisfies(a -> {
            assertThat(a.occurrence()).isEqualTo(Occurrence.DISPUTED);
            assertThat(a.closed()).isFalse();
        });
    }

    @Test
    void aDenialPublishedBeforeItsClaimGivesTheSameIncidentWindow() {
        List<IncidentReport> reports = TestReports.fixture("sotk-kut-2023-euma.jsonl");
        IncidentReport denial = reports.get(0);
        IncidentReport claim = reports.get(1);
        assertThat(denial.stance()).isEqualTo(Stance.DENIAL);
        List<IncidentReport> denialAfter = new ArrayList<>(reports);
        denialAfter.set(0, published(denial, claim.publishedAt().plusMinutes(30)));
        Assessment before = new Replayer(ClassifierEngine.withDefaults()).replay(reports).finals().get(0);
        Assessment after = new Replayer(ClassifierEngine.withDefaults()).replay(denialAfter).finals().get(0);
        assertThat(before.window()).isEqualTo(after.window());
        assertThat(before.window().from()).isEqualTo(claim.occurredAt());
        assertThat(before.occurrence()).isEqualTo(after.occurrence()).isEqualTo(Occurrence.CONFIRMED);
        assertThat(before.reportIds()).isEqualTo(after.reportIds());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"march-2025-surge.jsonl", "february-2024-revenge.jsonl",
            "september-2022-offensive.jsonl", "june-2024-nakhchivan.jsonl", "july-2023-lachin.jsonl",
            "may-2021-incursion.jsonl", "november-2021-clashes.jsonl", "sotk-kut-2023-euma.jsonl",
            "tavush-2024-quiet-broken.jsonl", "july-2021-yeraskh-retaliation.jsonl", "may-2023-spread.jsonl",
            "september-2022-death-tolls.jsonl", "april-2023-tegh-crossfire.jsonl", "june-2023-tavush-corrections.jsonl",
            "august-2023-retaliation-reach.jsonl", "april-2025-unanswered-week.jsonl", "autumn-2021-quiet-edges.jsonl",
            "october-2023-nakhchivan-week.jsonl", "september-2022-kut-sotk.jsonl", "lachin-road-2023.jsonl",
            "tavush-2024-delimitation.jsonl", "november-2023-nakhchivan-front.jsonl", "may-2023-sotk-drone.jsonl",
            "march-2023-khankendi-road.jsonl", "winter-2024-quiet-spread.jsonl",
            "summer-2021-mine-and-weekly-summary.jsonl", "autumn-2025-coverage-before-claims.jsonl",
            "november-2025-media-relays.jsonl", "december-2025-front-and-retraction.jsonl",
            "2025-ararat-quiet-and-surge-edge.jsonl", "september-2025-late-answers.jsonl",
            "january-2026-variations.jsonl", "march-2022-counter-claims.jsonl", "january-2024-euma-weekly.jsonl",
            "september-2023-sotk-threat.jsonl", "may-2025-tavush-relays.jsonl",
            "autumn-2023-tavush-to-2024-corrected-place.jsonl"})
    void fixturesAreValidCanonicalReports(String fixture) throws Exception {
        try (var in = getClass().getResourceAsStream("/fixtures/" + fixture)) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .toList()) {
                assertThat(org.borderwatch.common.schema.JsonSchemas.validate(
                        org.borderwatch.common.schema.JsonSchemas.INCIDENT_REPORT, line)).as(line).isEmpty();
            }
        }
    }

    @Test
    void replaysOfEveryFixtureTogetherAreDeterministicEvenWithTiesInPublicationTime() {
        List<IncidentReport> reports = new ArrayList<>();
        for (String f : INCIDENTS.keySet().stream().sorted().toList()) {
            reports.addAll(TestReports.fixture(f));
        }
        for (String f : SECOND_ROUND.keySet().stream().sorted().toList()) {
            reports.addAll(TestReports.fixture(f));
        }
        for (String f : THIRD_ROUND.keySet().stream().sorted().toList()) {
            reports.addAll(TestReports.fixture(f));
        }
        for (String f : FIFTH_ROUND.keySet().stream().sorted().toList()) {
            reports.addAll(TestReports.fixture(f));
        }
        reports.addAll(TestReports.fixture("january-2026-variations.jsonl"));
        for (String f : SIXTH_ROUND.keySet().stream().sorted().toList()) {
            reports.addAll(TestReports.fixture(f));
        }
        reports.addAll(TestReports.fixture("all-scenarios.jsonl"));
        // ties: every denial published at the same instant as the claim before it
        List<IncidentReport> tied = new ArrayList<>();
        IncidentReport lastClaim = null;
        for (IncidentReport r : reports) {
            if (r.stance() == Stance.CLAIM) {
                lastClaim = r;
            } else if (r.stance() == Stance.DENIAL && lastClaim != null
                    && lastClaim.publishedAt().isBefore(r.publishedAt())) {
                r = published(r, lastClaim.publishedAt());
            }
            tied.add(r);
        }
        String first = String.join("\n", new Replayer(ClassifierEngine.withDefaults()).replay(tied).versions()
                .stream().map(Replayer::json).toList());
        for (int seed = 1; seed <= 3; seed++) {
            List<IncidentReport> shuffled = new ArrayList<>(tied);
            Collections.shuffle(shuffled, new Random(seed));
            String again = String.join("\n", new Replayer(ClassifierEngine.withDefaults()).replay(shuffled)
                    .versions().stream().map(Replayer::json).toList());
            assertThat(again).as("seed " + seed).isEqualTo(first);
        }
    }

    @Test
    void replaysAreDeterministicWhateverTheInputOrder() {
        List<IncidentReport> reports = new ArrayList<>(TestReports.fixture("all-scenarios.jsonl"));
        String first = String.join("\n", new Replayer(ClassifierEngine.withDefaults()).replay(reports).versions()
                .stream().map(Replayer::json).toList());
        Collections.shuffle(reports, new Random(42));
        String second = String.join("\n", new Replayer(ClassifierEngine.withDefaults()).replay(reports).versions()
                .stream().map(Replayer::json).toList());
        assertThat(second).isEqualTo(first);
    }
    /**
     * Sixth round: the whole chain as an analyst uses it — statements written as text in our own words, through
     * ingest's {@code normalize --format statement}, the canonical output kept as these fixtures — about denials that
     * accuse the other side (ingest's {@code #counter-claim} reports), media relays, EUMA weekly summaries, a leader's
     * threat, casualty revisions and a place the gazetteer does not know. Expectations were written before the first
     * run; these are the outcomes after the fixes (README: 4 of 15 incidents differed before, which of them ingest
     * caused, and what remains).
     */
    static final Map<String, Integer> SIXTH_ROUND = Map.of("march-2022-counter-claims.jsonl", 6,
            "january-2024-euma-weekly.jsonl", 4, "september-2023-sotk-threat.jsonl", 3,
            "may-2025-tavush-relays.jsonl", 2);

    static List<Expected> sixthRound() {
        String a = "march-2022-counter-claims.jsonl";
        String b = "january-2024-euma-weekly.jsonl";
        String c = "september-2023-sotk-threat.jsonl";
        String d = "may-2025-tavush-relays.jsonl";
        return List.of(
                // a denial accusing the other side of fire at the same place five minutes earlier: one exchange
                new Expected(a, BorderSegment.GEGHARKUNIK, "2022-03-07T23:05", Occurrence.CONFIRMED,
                        Attribution.CONTESTED, Set.of(), Severity.LOW, 0),
                // the counter-accusation names Nerkin Hand twelve hours later: the Tegh claim stays disputed ...
                new Expected(a, BorderSegment.SYUNIK_EAST, "2022-03-10T14:00", Occurrence.DISPUTED,
                        Attribution.CONTESTED, Set.of(), Severity.LOW, 0),
                // ... and the counter-claim is an incident of its own that follows it
                new Expected(a, BorderSegment.SYUNIK_EAST, "2022-03-11T02:15", Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED, Set.of(RETALIATION_CYCLE), Severity.MEDIUM, 0),
                new Expected(a, BorderSegment.ARARAT, "2022-03-20T20:40", Occurrence.DISPUTED,
                        Attribution.CONTESTED, Set.of(), Severity.LOW, 0),
                // a counter-accusation in another segment
                new Expected(a, BorderSegment.SYUNIK_EAST, "2022-03-20T21:10", Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED, Set.of(), Severity.LOW, 0),
                // Sotk 18:00 / 18:10 is one exchange (no cycle); the wounded serviceman died
                new Expected(a, BorderSegment.GEGHARKUNIK, "2022-03-29", Occurrence.CONFIRMED,
                        Attribution.CONTESTED, Set.of(FATALITIES), Severity.HIGH, 1),
                // EUMA's weekly summary refutes the Aravus claim (UNCORROBORATED_SURGE because ingest could not read
                // the next week's summary confirming the Sotk shots; the incident closed before it anyway)
                new Expected(b, BorderSegment.SYUNIK_EAST, "2024-01-08", Occurrence.REFUTED, Attribution.CONTESTED,
                        Set.of(CLAIM_SURGE, UNCORROBORATED_SURGE), Severity.MEDIUM, 0),
                // the claim from Vorotan (a place the gazetteer does not know) is placed in Syunik by the denial
                // naming Goris, where EUMA's week refutes it
                new Expected(b, BorderSegment.SYUNIK_EAST, "2024-01-09T19:50", Occurrence.REFUTED,
                        Attribution.CONTESTED, Set.of(CLAIM_SURGE, UNCORROBORATED_SURGE), Severity.MEDIUM, 0),
                // Sotk, 15 January, from the claim's own time: EUMA's unreadable summary of 13-19 January no longer
                // joins it by time (tenth round: a week-long report neither joins nor bridges a session) ...
                new Expected(b, BorderSegment.GEGHARKUNIK, "2024-01-15T03:10", Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED, Set.of(CLAIM_SURGE, UNCORROBORATED_SURGE), Severity.HIGH, 0),
                // ... it stands over its week, claiming and answering nothing that could be read: since c23 a
                // statement of unknown stance opens no incident, so it is held unseen (it was a fifth final,
                // GEGHARKUNIK 2024-01-13 UNVERIFIED/UNCONTESTED LOW; ContextOnlyStatementTest)
                new Expected(b, BorderSegment.GEGHARKUNIK, "2024-01-21", Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED, Set.of(), Severity.LOW, 0),
                new Expected(c, BorderSegment.GEGHARKUNIK, "2023-09-01", Occurrence.CONFIRMED, Attribution.CONTESTED,
                        Set.of(FATALITIES, HEAVY_WEAPONS), Severity.CRITICAL, 4),
                // the President's threat: its own incident, no place, no signal
                new Expected(c, BorderSegment.UNRESOLVED, "2023-09-04", Occurrence.CONFIRMED, Attribution.UNCONTESTED,
                        Set.of(), Severity.LOW, 0),
                new Expected(c, BorderSegment.GEGHARKUNIK, "2023-09-04", Occurrence.DISPUTED, Attribution.CONTESTED,
                        Set.of(HEAVY_WEAPONS), Severity.MEDIUM, 0),
                // Berd 23:45 and, in the denial, Chinari 02:30: both sides report hostile action in the session
                // (common/README.md's rule; the analyst expected REFUTED — see README), the counter-claim follows the claim
                new Expected(d, BorderSegment.TAVUSH, "2025-05-04", Occurrence.CONFIRMED, Attribution.CONTESTED,
                        Set.of(RETALIATION_CYCLE), Severity.MEDIUM, 0),
                new Expected(d, BorderSegment.TAVUSH, "2025-05-05T22:10", Occurrence.REFUTED, Attribution.CONTESTED,
                        Set.of(RETALIATION_CYCLE), Severity.MEDIUM, 0));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("sixthRound")
    void sixthRoundGivesTheOutcomesAnAnalystExpects(Expected e) {
        List<Assessment> finals = run(e.fixture()).finals();
        assertThat(finals).as(Replayer.summary(finals)).hasSize(SIXTH_ROUND.get(e.fixture()));
        Assessment a = at(finals, e.segment(), e.from());
        assertThat(a.occurrence()).as("occurrence").isEqualTo(e.occurrence());
        assertThat(a.attribution()).as("attribution").isEqualTo(e.attribution());
        assertThat(signals(a)).as("signals").containsExactlyInAnyOrderElementsOf(e.signals());
        assertThat(a.severity()).as("severity").isEqualTo(e.severity());
        assertThat(a.killed()).as("killed").isEqualTo(e.killed());
    }

    @Test
    void sixthRoundDetails() {
        // the news agency's "denial" counts for nothing and waits for nothing
        Assessment berd = at(run("may-2025-tavush-relays.jsonl").finals(), BorderSegment.TAVUSH, "2025-05-04");
        assertThat(berd.rationale()).anyMatch(r -> r.startsWith("Reuters reported a denial") && r.endsWith(
                "it denies nothing."));
        // the Vorotan claim holds Armenia's denial, and says how it came to Syunik; its lone incident dissolved
        Replayer.Outcome weekly = run("january-2024-euma-weekly.jsonl");
        Assessment vorotan = at(weekly.finals(), BorderSegment.SYUNIK_EAST, "2024-01-09T19:50");
        assertThat(vorotan.reportIds().get(Stance.DENIAL)).hasSize(1);
        assertThat(vorotan.rationale()).anyMatch(r -> r.endsWith("is placed in SYUNIK_EAST by the answer that names "
                + "where it was."));
        assertThat(weekly.finals()).noneMatch(a -> a.segment() == BorderSegment.UNRESOLVED);
        assertThat(weekly.versions()).filteredOn(a -> a.segment() == BorderSegment.UNRESOLVED).last()
                .satisfies(a -> assertThat(a.closed()).isTrue());
        // Trend's "two wounded" is named beside the ministry's one; the lowest counts
        Assessment norabak = at(run("september-2023-sotk-threat.jsonl").finals(), BorderSegment.GEGHARKUNIK,
                "2023-09-04");
        assertThat(norabak.rationale()).anyMatch(r -> r.startsWith("Sources differ on Azerbaijani losses")
                && r.contains("Trend: 0 killed, 2 wounded") && r.endsWith("0 killed, 1 wounded."));
        // the counter-claim at Sotk ten minutes after the claim is no retaliation cycle
        Assessment sotk = at(run("march-2022-counter-claims.jsonl").finals(), BorderSegment.GEGHARKUNIK,
                "2022-03-29");
        assertThat(sotk.rationale()).noneMatch(r -> r.contains("was followed within"));
    }

    /**
     * Eighth round: the seventh blind whole-chain batch (16 statements through ingest's {@code normalize --format
     * statement}, the canonical output kept as this fixture; expectations written from common/README.md by someone who had
     * not read the rules). Tavush claims answered, refuted and unanswered in October 2023; the calm broken by mortars
     * in Tavush and Gegharkunik on 5 December (EUMA first saw nothing, then confirmed); a detention the acting side
     * reports itself; a claim whose place a correction moves from Ararat to Vayots Dzor (README: before/after).
     */
    static final String EIGHTH_ROUND = "autumn-2023-tavush-to-2024-corrected-place.jsonl";

    static List<Expected> eighthRound() {
        String f = EIGHTH_ROUND;
        return List.of(
                new Expected(f, BorderSegment.TAVUSH, "2023-10-23T21:10", Occurrence.REFUTED, Attribution.CONTESTED,
                        Set.of(), Severity.INFO, 0),
                // Armenia's claim 29 hours after Azerbaijan's: a cycle (the first claim being refuted later changes
                // nothing)
                new Expected(f, BorderSegment.TAVUSH, "2023-10-25T02:15", Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED, Set.of(RETALIATION_CYCLE), Severity.MEDIUM, 0),
                // 69 hours after Armenia's claim: no cycle
                new Expected(f, BorderSegment.TAVUSH, "2023-10-27T23:30", Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED, Set.of(), Severity.LOW, 0),
                // EUMA's confirmation supersedes its "nothing observed"; 38 days of calm after three incidents (one
                // refuted: QUIET_BROKEN counts incidents, not verdicts)
                new Expected(f, BorderSegment.TAVUSH, "2023-12-05T00:40", Occurrence.CONFIRMED,
                        Attribution.UNCONTESTED, Set.of(HEAVY_WEAPONS, QUIET_BROKEN), Severity.HIGH, 0),
                // both sides blame each other for one mortar exchange near Chambarak (overlapping accounts): no
                // RETALIATION_CYCLE by the project's rule — the analyst expected one (README)
                new Expected(f, BorderSegment.GEGHARKUNIK, "2023-12-05T00:30", Occurrence.CONFIRMED,
                        Attribution.CONTESTED, Set.of(FATALITIES, HEAVY_WEAPONS), Severity.HIGH, 1),
                new Expected(f, BorderSegment.GEGHARKUNIK, "2024-05-16T16:30", Occurrence.CONFIRMED,
                        Attribution.UNCONTESTED, Set.of(), Severity.LOW, 0),
                // the corrected claim, denied again in its new place
                new Expected(f, BorderSegment.VAYOTS_DZOR_WEST, "2024-09-09T22:15", Occurrence.DISPUTED,
                        Attribution.CONTESTED, Set.of(), Severity.LOW, 0),
                // Armenia's denial of the first version (Yeraskh towards Sadarak) waits in Ararat: it used to vanish
                new Expected(f, BorderSegment.ARARAT, "2024-09-09T00:00", Occurrence.UNVERIFIED,
                        Attribution.CONTESTED, Set.of(), Severity.LOW, 0));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("eighthRound")
    void eighthRoundGivesTheOutcomesTheRulesRequire(Expected e) {
        List<Assessment> finals = run(e.fixture()).finals();
        assertThat(finals).as(Replayer.summary(finals)).hasSize(8);
        Assessment a = at(finals, e.segment(), e.from());
        assertThat(a.occurrence()).as("occurrence").isEqualTo(e.occurrence());
        assertThat(a.attribution()).as("attribution").isEqualTo(e.attribution());
        assertThat(signals(a)).as("signals").containsExactlyInAnyOrderElementsOf(e.signals());
        assertThat(a.severity()).as("severity").isEqualTo(e.severity());
        assertThat(a.killed()).as("killed").isEqualTo(e.killed());
    }

    @Test
    void eighthRoundDetails() {
        Replayer.Outcome outcome = run(EIGHTH_ROUND);
        // the corrected claim keeps its report id; its incident's id comes from the new segment and that id
        Assessment moved = at(outcome.finals(), BorderSegment.VAYOTS_DZOR_WEST, "2024-09-09T22:15");
        java.util.UUID claimId = moved.reportIds().get(Stance.CLAIM).get(0);
        assertThat(moved.incidentId()).isEqualTo(org.borderwatch.common.Uuids.incidentId(
                BorderSegment.VAYOTS_DZOR_WEST.name(), claimId));
        assertThat(moved.reportIds().get(Stance.DENIAL)).hasSize(1);
        // no final in Ararat still holds the superseded claim; the first denial is in a final (the waiting one)
        Assessment waiting = at(outcome.finals(), BorderSegment.ARARAT, "2024-09-09");
        assertThat(waiting.reportIds()).doesNotContainKey(Stance.CLAIM);
        assertThat(waiting.reportIds().get(Stance.DENIAL)).doesNotContainAnyElementsOf(
                moved.reportIds().get(Stance.DENIAL));
        // the Ararat incident the correction left closes as dissolved (its last version, not a final)
        assertThat(outcome.versions()).filteredOn(a -> a.segment() == BorderSegment.ARARAT && a.closed())
                .singleElement().satisfies(a -> assertThat(a.rationale()).last().asString().startsWith("Dissolved"));
        // every report of the batch is in some final
        Set<java.util.UUID> inFinals = outcome.finals().stream().flatMap(a -> a.reportIds().values().stream())
                .flatMap(List::stream).collect(Collectors.toSet());
        assertThat(inFinals).containsAll(TestReports.fixture(EIGHTH_ROUND).stream().map(IncidentReport::reportId)
                .toList());
        // Tavush on 5 December: REFUTED after EUMA's first statement, CONFIRMED after the second
        Assessment berd = at(outcome.finals(), BorderSegment.TAVUSH, "2023-12-05");
        assertThat(outcome.versions()).filteredOn(a -> a.incidentId().equals(berd.incidentId()))
                .extracting(Assessment::occurrence).containsSubsequence(Occurrence.REFUTED, Occurrence.CONFIRMED);
        assertThat(berd.rationale()).anyMatch(r -> r.contains("supersedes its earlier one"));
    }

    /**
     * A sentence reports what a source said: the place as it wrote it (the gazetteer's name beside it), and a
     * denial or a reason agreeing in number with the claims of the incident.
     */
    @Test
    void rationaleQuotesTheSourcesPlaceAndAgreesInNumber() {
        List<Assessment> tegh = run("january-2023-tegh-sniper.jsonl").finals();
        Assessment digh = at(tegh, BorderSegment.SYUNIK_EAST, "2023-01-10T08:15");
        assertThat(digh.rationale()).anyMatch(s -> s.startsWith("Ministry of Defence of Azerbaijan claimed small-arms"
                + " fire by Armenian forces from 2023-01-10 08:15 +04:00 to 2023-01-10 08:40 +04:00 near Digh (Tegh)"
                + " (SYUNIK_EAST)"));
        assertThat(digh.rationale()).contains("Attribution CONTESTED: Armenia, named as acting, denies it.");
        Assessment wounded = at(tegh, BorderSegment.SYUNIK_EAST, "2023-01-09T11:20");
        // the death reported on 12 January about the whole of 9 January is no claim the denial of 9 January 16:00
        // could answer (analyst's review, finding 7): the denial names the 11:20 claim it answered
        assertThat(wounded.rationale()).anyMatch(s -> s.startsWith("Ministry of Defence of Azerbaijan denied Ministry"
                + " of Defence of Armenia's claim about 2023-01-09 11:20 +04:00 near Tegh on 2023-01-09 16:00 +04:00"));
        assertThat(wounded.rationale()).contains(
                "Occurrence DISPUTED: 2 claims and the accused side's denial, no independent word.",
                "Attribution CONTESTED: Azerbaijan, named as acting in 2 claims, denies them.");
        assertThat(wounded.rationale()).noneMatch(s -> s.contains("denied it") || s.endsWith("denies it."));
        Assessment kut = at(run("september-2022-kut-sotk.jsonl").finals(), BorderSegment.GEGHARKUNIK,
                "2022-09-28T08:00");
        assertThat(kut.rationale()).anyMatch(s -> s.contains("at 2022-09-28 08:00 +04:00 near Basarkechar (Vardenis)"
                + " (GEGHARKUNIK)"));
        assertThat(kut.rationale()).anyMatch(s -> s.contains("at 2022-09-28 08:10 +04:00 near Kut (GEGHARKUNIK)"));
    }
}
