package org.borderwatch.classifier.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.Attribution;
import org.borderwatch.common.model.EventType;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.Signal;
import org.borderwatch.common.model.SignalType;
import org.borderwatch.common.model.SourceKind;
import org.borderwatch.common.model.Stance;
import org.junit.jupiter.api.Test;

/**
 * Held-out batch 63, a third blind end-to-end round kept as batches 55 and 57 are: an analyst who never saw the code
 * wrote a fictional spring of 33 statements (3 February – 21 April 2026, 32 sourceRefs, one corrected under its own)
 * and the 10 incidents they expect; the fixture ({@code src/test/resources/round-63/rows.json}, one row, as a
 * {@link BlindRound}) holds the canonical reports ingest made of them and the analyst's expectations. Checked as every
 * round is ({@link BlindRoundTest}); {@code ClassifierTopologyTest} streams it. 0 of 10 differed on the blind run
 * (ingest of main 20e0137, classifier c2dab9f).
 */
public class HeldOutBatch63Test extends BlindRoundTest {

    private static final String ROW = "r63-01";

    /** Azerbaijan's ministry's five claims of 8–13 March, the surge. */
    private static final List<String> SURGE = List.of("h63-09", "h63-11", "h63-13", "h63-17", "h63-20");

    public HeldOutBatch63Test() {
        super(63, 1, 10);
    }

    /**
     * A demining tally, a milestone, a comment in Russian, a remark on "reports about alleged shooting", the
     * delimitation commissions' meeting and the ICRC's transfer of the detained conscript are in no version.
     */
    @Test
    void theStatementsOfNoEventFormNoIncident() {
        assertThat(heldInAnyVersion(ROW))
                .doesNotContain("h63-07", "h63-08", "h63-16", "h63-23", "h63-29", "h63-32")
                .contains("h63-01", "h63-24", "h63-31");
    }

    /**
     * The five claims: EUMA's 8–10 March patrols refute the three inside their period (the only incidents that ever
     * hold its statement, held at MEDIUM); the two after it are denied only (DISPUTED, HIGH). All five end with
     * exactly CLAIM_SURGE and UNCORROBORATED_SURGE, naming the five ministry claims and nothing else; the surge fires
     * with the third claim, not before.
     */
    @Test
    void theSurgeIsRefutedInsideThePatrolsPeriodAndDisputedAfterIt() {
        List<Assessment> versions = versions(ROW);
        Map<UUID, String> refs = refs(ROW);
        List<List<Assessment>> surge = SURGE.stream().map(ref -> incidentOf(versions, refs, ref)).toList();
        List<Assessment> finals = surge.stream().map(BlindRoundTest::last).toList();
        assertThat(finals).extracting(Assessment::occurrence).containsExactly(Occurrence.REFUTED,
                Occurrence.REFUTED, Occurrence.REFUTED, Occurrence.DISPUTED, Occurrence.DISPUTED);
        assertThat(finals).extracting(Assessment::severity).containsExactly(Severity.MEDIUM, Severity.MEDIUM,
                Severity.MEDIUM, Severity.HIGH, Severity.HIGH);
        assertThat(finals).allSatisfy(a -> {
            assertThat(a.attribution()).isEqualTo(Attribution.CONTESTED);
            assertThat(a.signals()).extracting(Signal::type)
                    .containsExactlyInAnyOrder(SignalType.CLAIM_SURGE, SignalType.UNCORROBORATED_SURGE);
            assertThat(a.signals()).allSatisfy(s -> assertThat(named(s, refs))
                    .containsExactlyInAnyOrderElementsOf(SURGE));
        });
        assertThat(versions.stream().filter(a -> holds(a, refs, "h63-15")).map(Assessment::incidentId).distinct())
                .containsExactlyInAnyOrderElementsOf(finals.subList(0, 3).stream().map(Assessment::incidentId)
                        .toList());

        Assessment first = versions.stream().filter(a -> a.hasSignal(SignalType.CLAIM_SURGE)).findFirst()
                .orElseThrow();
        assertThat(first.asOf()).isAtSameInstantAs(report("h63-13").publishedAt());
        assertThat(surge.get(0)).extracting(a -> a.hasSignal(SignalType.CLAIM_SURGE)).startsWith(false, false, true);
    }

    /**
     * Reuters relays the 11 March claim and Armenpress, an Armenian outlet, the 13 March one (naming its own side as
     * acting): each joins its claim's incident, which stays UNVERIFIED/UNCONTESTED until the denial and is never
     * CONFIRMED; no signal of any version names either relay.
     */
    @Test
    void theNewsAgencyRelaysConfirmNothingAndCountInNoSurge() {
        List<Assessment> versions = versions(ROW);
        Map<UUID, String> refs = refs(ROW);
        assertThat(report("h63-18").source().kind()).isEqualTo(SourceKind.MEDIA);
        assertThat(report("h63-21").source().kind()).isEqualTo(SourceKind.MEDIA);
        assertThat(report("h63-21").source().party()).isEqualTo(Party.AM);
        assertThat(report("h63-21").actingParty()).isEqualTo(Party.AM);
        for (String[] pair : new String[][] {{"h63-17", "h63-18"}, {"h63-20", "h63-21"}}) {
            List<Assessment> incident = incidentOf(versions, refs, pair[0]);
            Assessment relayed = incident.stream().filter(a -> holds(a, refs, pair[1])).findFirst().orElseThrow();
            assertThat(relayed.occurrence()).as(pair[1]).isEqualTo(Occurrence.UNVERIFIED);
            assertThat(relayed.attribution()).as(pair[1]).isEqualTo(Attribution.UNCONTESTED);
            assertThat(incident).as(pair[1]).noneMatch(a -> a.occurrence() == Occurrence.CONFIRMED);
            assertThat(last(incident).occurrence()).as(pair[1]).isEqualTo(Occurrence.DISPUTED);
        }
        assertThat(versions.stream().flatMap(a -> a.signals().stream()).flatMap(s -> named(s, refs).stream()))
                .isNotEmpty().doesNotContain("h63-18", "h63-21");
    }

    /**
     * Aravus: revision 1 dates the fire 16 March 23:00, inside the surge week, and its version carries both surge
     * signals; the correction under the same sourceRef moves it to 22 March 23:00, after every surge window, and no
     * later version carries a signal. The final is the analyst's DISPUTED/CONTESTED LOW.
     */
    @Test
    void theCorrectionMovesTheAravusClaimOutOfTheSurgeWeek() {
        List<Assessment> versions = versions(ROW);
        Map<UUID, String> refs = refs(ROW);
        List<Assessment> aravus = incidentOf(versions, refs, "h63-24");
        assertThat(aravus).allMatch(a -> holds(a, refs, "h63-24"));
        assertThat(aravus).extracting(a -> a.window().from().toLocalDateTime().toString())
                .containsExactly("2026-03-16T23:00", "2026-03-22T23:00", "2026-03-22T23:00", "2026-03-22T23:00");
        assertThat(aravus.get(0).signals()).extracting(Signal::type)
                .containsExactlyInAnyOrder(SignalType.CLAIM_SURGE, SignalType.UNCORROBORATED_SURGE);
        assertThat(aravus.subList(1, aravus.size())).allSatisfy(a -> assertThat(a.signals()).isEmpty());
        assertThat(last(aravus).occurrence()).isEqualTo(Occurrence.DISPUTED);
        assertThat(last(aravus).attribution()).isEqualTo(Attribution.CONTESTED);
        assertThat(last(aravus).severity()).isEqualTo(Severity.LOW);
    }

    /**
     * Chinari, 3 February: the ICRC's word that a resident died of gunfire confirms the claim (CONFIRMED from its
     * statement on, CONTESTED by the accused side's denial); the foreign ministry's condemnation re-tells the same
     * death, so one killed in every version, FATALITIES, HIGH.
     */
    @Test
    void theIcrcConfirmsTheCivilianDeath() {
        List<Assessment> versions = versions(ROW);
        Map<UUID, String> refs = refs(ROW);
        List<Assessment> chinari = incidentOf(versions, refs, "h63-01");
        assertThat(chinari).extracting(Assessment::occurrence).containsExactly(Occurrence.UNVERIFIED,
                Occurrence.UNVERIFIED, Occurrence.DISPUTED, Occurrence.CONFIRMED, Occurrence.CONFIRMED);
        assertThat(chinari).extracting(a -> holds(a, refs, "h63-04"))
                .containsExactly(false, false, false, true, true);
        assertThat(chinari).extracting(Assessment::killed).containsOnly(1);
        assertThat(chinari).allSatisfy(a -> {
            assertThat(a.severity()).isEqualTo(Severity.HIGH);
            assertThat(a.signals()).extracting(Signal::type).containsExactly(SignalType.FATALITIES);
        });
        Assessment last = last(chinari);
        assertThat(last.attribution()).isEqualTo(Attribution.CONTESTED);
        assertThat(last.reportIds().get(Stance.CONFIRMATION)).extracting(refs::get).containsExactly("h63-04");
        assertThat(named(last.signals().get(0), refs)).contains("h63-04");
    }

    /**
     * Tavush, 14 April: the border service that detained the lost conscript and his own ministry tell the same act
     * by Azerbaijan, CONFIRMED/UNCONTESTED in every version; two accounts of one exchange make no RETALIATION_CYCLE,
     * and the ICRC's transfer a week later joins nothing.
     */
    @Test
    void theLostConscriptsDetentionIsTheDetainingSidesOwnAct() {
        List<Assessment> versions = versions(ROW);
        Map<UUID, String> refs = refs(ROW);
        List<Assessment> detention = incidentOf(versions, refs, "h63-30");
        assertThat(detention).allSatisfy(a -> {
            assertThat(a.occurrence()).isEqualTo(Occurrence.CONFIRMED);
            assertThat(a.attribution()).isEqualTo(Attribution.UNCONTESTED);
            assertThat(a.actingParty()).isEqualTo(Party.AZ);
            assertThat(a.eventTypes()).contains(EventType.DETENTION);
            assertThat(a.signals()).isEmpty();
            assertThat(a.severity()).isEqualTo(Severity.LOW);
        });
        assertThat(last(detention).reportIds().get(Stance.CLAIM)).extracting(refs::get)
                .containsExactlyInAnyOrder("h63-30", "h63-31");
        assertThat(detention).noneMatch(a -> holds(a, refs, "h63-32"));
        assertThat(last(detention).asOf()).isAfterOrEqualTo(report("h63-32").publishedAt());
    }
}
