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
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
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
            assertThat(a.severity()).isIn(Severity.HIGH, Severity.CRITICAL);
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
        List<Assessment> finals = run("all-scenarios.jsonl").finals();
        assertThat(finals).hasSize(13);
        assertThat(finals).noneMatch(a -> a.hasSignal(QUIET_BROKEN));
        assertThat(finals).filteredOn(a -> a.window().from().getYear() == 2025).noneMatch(a -> a.hasSignal(SPREAD));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"march-2025-surge.jsonl", "february-2024-revenge.jsonl",
            "september-2022-offensive.jsonl", "june-2024-nakhchivan.jsonl", "july-2023-lachin.jsonl"})
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
    void replaysAreDeterministicWhateverTheInputOrder() {
        List<IncidentReport> reports = new ArrayList<>(TestReports.fixture("all-scenarios.jsonl"));
        String first = String.join("\n", new Replayer(ClassifierEngine.withDefaults()).replay(reports).versions()
                .stream().map(Replayer::json).toList());
        Collections.shuffle(reports, new Random(42));
        String second = String.join("\n", new Replayer(ClassifierEngine.withDefaults()).replay(reports).versions()
                .stream().map(Replayer::json).toList());
        assertThat(second).isEqualTo(first);
    }
}
