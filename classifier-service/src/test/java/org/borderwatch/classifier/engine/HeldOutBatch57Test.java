package org.borderwatch.classifier.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.SignalType;
import org.junit.jupiter.api.Test;

/**
 * Held-out batch 57, a blind end-to-end round as batch 55 was: an analyst who never saw the code wrote a
 * fictional fortnight of 40 statements (4–19 May 2026, with a March–April prelude in Tavush) and the 18 incidents
 * they expect; the fixture ({@code src/test/resources/round-57/rows.json}, one row, as a {@link BlindRound}) holds
 * the canonical reports ingest made of those statements and the analyst's expectations. Checked as every round is
 * ({@link BlindRoundTest}: replay, live in order of arrival, latest revisions alone, the state's round trip after
 * every report); {@code ClassifierTopologyTest} streams it. 0 of 18 differed on the blind run (main after c23).
 */
public class HeldOutBatch57Test extends BlindRoundTest {

    public HeldOutBatch57Test() {
        super(57, 1, 18);
    }

    private List<Assessment> versions() {
        return versions("r57-01");
    }

    private Map<UUID, String> refs() {
        return refs("r57-01");
    }

    /** Three diplomatic statements and an observer's quiet day covering no claim are in no version of any incident. */
    @Test
    void theStatementsOfNoEventFormNoIncident() {
        Map<UUID, String> refs = refs();
        List<Assessment> versions = versions();
        assertThat(versions).isNotEmpty();
        assertThat(versions.stream().flatMap(a -> a.reportIds().values().stream()).flatMap(List::stream)
                .map(refs::get).distinct()).doesNotContain("h57-06", "h57-21", "h57-22", "h57-35")
                .contains("h57-01", "h57-20", "h57-40");
    }

    /**
     * Azerbaijan's six claims of 4–6 May: the observer refutes the first alone (the only incident holding its
     * statement), four are disputed, the last stays unverified (the blanket denial came out before its event); every
     * one carries CLAIM_SURGE and UNCORROBORATED_SURGE, the mine report of the same week neither in any version. SPREAD
     * over Gegharkunik, Syunik East and Ararat holds until the refutation and is in no version of the three after it.
     */
    @Test
    void theUncorroboratedSurgeHasOneRefutedIncidentAndLosesItsSpreadWithTheRefutation() {
        List<Assessment> versions = versions();
        Map<UUID, String> refs = refs();
        List<List<Assessment>> surge = List.of("h57-07", "h57-10", "h57-09", "h57-13", "h57-15", "h57-19").stream()
                .map(ref -> incidentOf(versions, refs, ref)).toList();
        List<Assessment> finals = surge.stream().map(BlindRoundTest::last).toList();
        assertThat(finals).extracting(Assessment::occurrence).containsExactly(Occurrence.REFUTED,
                Occurrence.DISPUTED, Occurrence.DISPUTED, Occurrence.DISPUTED, Occurrence.DISPUTED,
                Occurrence.UNVERIFIED);
        assertThat(finals).allSatisfy(a -> assertThat(a.signals()).extracting(s -> s.type())
                .containsExactlyInAnyOrder(SignalType.CLAIM_SURGE, SignalType.UNCORROBORATED_SURGE));
        assertThat(versions.stream().filter(a -> holds(a, refs, "h57-18")).map(Assessment::incidentId).distinct())
                .containsExactly(finals.get(0).incidentId());
        assertThat(finals.get(0).severity()).isEqualTo(Severity.MEDIUM);
        assertThat(incidentOf(versions, refs, "h57-20")).isNotEmpty()
                .noneMatch(a -> a.hasSignal(SignalType.CLAIM_SURGE) || a.hasSignal(SignalType.UNCORROBORATED_SURGE));

        int refutation = versions.indexOf(versions.stream().filter(a -> holds(a, refs, "h57-18")).findFirst()
                .orElseThrow());
        for (List<Assessment> spread : List.of(surge.get(0), surge.get(1), surge.get(2))) {
            assertThat(spread).as(spread.get(0).segment().name()).anyMatch(a -> versions.indexOf(a) < refutation
                    && a.hasSignal(SignalType.SPREAD));
            assertThat(spread).as(spread.get(0).segment().name()).filteredOn(a -> versions.indexOf(a) >= refutation)
                    .isNotEmpty().noneMatch(a -> a.hasSignal(SignalType.SPREAD));
        }
    }

    /**
     * Nerkin Hand: the border service's placeless dawn "retaliation" answers the claim of 12 May and joins the next
     * morning's incident by its own time (CONFIRMED/UNCONTESTED, RETALIATION_CYCLE); the next day's update of the
     * toll ("has risen to two") counts once: killed goes from 1 to 2, never 3, and two killed with two heavy signals
     * stay HIGH.
     */
    @Test
    void theRetaliationCycleCountsTheDeathUpdateOnceAndStaysHigh() {
        List<Assessment> versions = versions();
        Map<UUID, String> refs = refs();
        List<Assessment> dawn = incidentOf(versions, refs, "h57-27");
        assertThat(dawn).extracting(Assessment::killed).containsExactly(1, 1, 1, 1, 2);
        assertThat(dawn).allSatisfy(a -> {
            assertThat(a.severity()).isEqualTo(Severity.HIGH);
            assertThat(a.signals()).extracting(s -> s.type())
                    .containsExactlyInAnyOrder(SignalType.FATALITIES, SignalType.RETALIATION_CYCLE);
        });
        assertThat(last(dawn).occurrence()).isEqualTo(Occurrence.CONFIRMED);
        assertThat(holds(last(dawn), refs, "h57-29")).isTrue();
        assertThat(incidentOf(versions, refs, "h57-25")).noneMatch(a -> holds(a, refs, "h57-29"));
    }

    /**
     * Kut, 15 May: the observer's "no incidents in Gegharkunik on 15 May" refutes the claim for a day, its correction
     * (gunfire heard near Kut at about 21:45) supersedes it: UNVERIFIED, DISPUTED, REFUTED, then CONFIRMED.
     */
    @Test
    void theObserversCorrectionAtKutSupersedesItsNoIncidents() {
        List<Assessment> kut = incidentOf(versions(), refs(), "h57-33");
        assertThat(kut).extracting(Assessment::occurrence).containsExactly(Occurrence.UNVERIFIED,
                Occurrence.DISPUTED, Occurrence.REFUTED, Occurrence.CONFIRMED);
        assertThat(kut.get(2).severity()).isEqualTo(Severity.INFO);
        assertThat(last(kut).severity()).isEqualTo(Severity.LOW);
    }
}
