package org.borderwatch.classifier.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Casualties;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.Signal;
import org.borderwatch.common.model.SignalType;
import org.borderwatch.common.model.Stance;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Held-out batch 102, a blind end-to-end round kept as batches 87 and 98 are: an analyst who never saw the code wrote
 * 34 statements modelled on the escalation of 13–14 September 2022 and the month after it (10 September – 12 October
 * 2022, figures after the first day and the later incidents invented) and the 12 incidents they expect; the fixture
 * ({@code src/test/resources/round-102/rows.json}, one row, as a {@link BlindRound}) holds the canonical reports ingest
 * made of them, in the order they arrive, and the analyst's expectations. Checked as every round is
 * ({@link BlindRoundTest}); {@code ClassifierTopologyTest} streams it. 12 of 12 as expected, no extra incident, on the
 * blind run (ingest and classifier of main).
 */
public class HeldOutBatch102Test extends BlindRoundTest {

    private static final String ROW = "r102-01";

    /** The three segments of the night of 13 September, as Armenia's claim names them. */
    private static final List<BorderSegment> NIGHT = List.of(BorderSegment.GEGHARKUNIK,
            BorderSegment.VAYOTS_DZOR_EAST, BorderSegment.SYUNIK_EAST);

    /** The reports of the night of 13 September that name Gegharkunik among their segments. */
    private static final List<String> NAMING_GEGHARKUNIK = List.of("h102-02", "h102-03", "h102-05", "h102-06",
            "h102-18", "h102-20", "h102-21");

    public HeldOutBatch102Test() {
        super(102, 1, 12);
    }

    /**
     * Armenia's claim of fire from 00:05 on 13 September towards Goris, Sotk and Jermuk names three segments: it is a
     * member of one incident in each (no other incident starts that day), and from its own publication on each of the
     * three carries SPREAD naming it. Azerbaijan's claims of that night join all three. Had the night's reports not
     * named Gegharkunik, two incidents would remain and neither would carry SPREAD (the 14 September spread is its own).
     * The US State Department's, Russia's foreign ministry's, the OSCE Chairman-in-Office's and France's calls, the
     * ceasefire announcement and the EEAS milestone (stance UNKNOWN, no place) are in no version.
     */
    @Test
    void theThreeSegmentClaimMakesOneIncidentPerSegmentWithSpread() {
        List<Assessment> versions = versions(ROW);
        Map<UUID, String> refs = refs(ROW);
        assertThat(report("h102-02").location().segments()).containsExactlyInAnyOrderElementsOf(NIGHT);
        List<Assessment> night = nightOf(versions);
        assertThat(night.stream().map(Assessment::incidentId).distinct()).hasSize(3);
        assertThat(night.stream().map(Assessment::segment).distinct()).containsExactlyInAnyOrderElementsOf(NIGHT);
        NIGHT.forEach(segment -> {
            List<Assessment> incident = night.stream().filter(a -> a.segment() == segment).toList();
            assertThat(incident).as(segment.name()).allSatisfy(a -> {
                assertThat(in(a, Stance.CLAIM, refs)).contains("h102-02");
                assertThat(named(signal(a, SignalType.SPREAD), refs)).contains("h102-02");
            });
            assertThat(incident.get(0).asOf()).isAtSameInstantAs(report("h102-02").publishedAt());
            assertThat(in(last(incident), Stance.CLAIM, refs)).contains("h102-03");
        });

        List<IncidentReport> twoSegments = arriving();
        for (String ref : NAMING_GEGHARKUNIK) {
            twoSegments = with(twoSegments, ref, outOf(BorderSegment.GEGHARKUNIK));
        }
        List<Assessment> twoNight = nightOf(replay(twoSegments));
        assertThat(twoNight.stream().map(Assessment::segment).distinct())
                .containsExactlyInAnyOrder(BorderSegment.VAYOTS_DZOR_EAST, BorderSegment.SYUNIK_EAST);
        assertThat(twoNight).noneMatch(a -> a.hasSignal(SignalType.SPREAD));

        List<String> noIncident = List.of("h102-01", "h102-08", "h102-09", "h102-10", "h102-17", "h102-19");
        assertThat(noIncident).allSatisfy(ref -> {
            assertThat(report(ref).stance()).as(ref).isEqualTo(Stance.UNKNOWN);
            assertThat(report(ref).location().segments()).as(ref).containsExactly(BorderSegment.UNRESOLVED);
        });
        assertThat(heldInAnyVersion(ROW)).doesNotContainAnyElementsOf(noIncident).contains("h102-02", "h102-22",
                "h102-31", "h102-34");
    }

    /**
     * Each ministry's latest figure for its own dead counts, not the sum of its statements: Armenia's 105 then 135
     * (all three segments), Azerbaijan's 71 (its Kalbajar, Lachin and Dashkasan directions: Gegharkunik and Syunik
     * East, not Vayots Dzor East). Killed per version in Syunik East 0, 105, 176, 206; finals 206, 135, 206, CRITICAL.
     * Ingest at the time counted no toll in the first statements of each (49 and 50, h102-05 and h102-06): given them,
     * the versions pass through 49, 99 and 155 and the finals are the same. Had Armenia's last figure been 100, lower
     * than its 105 before, the finals would be 171 and 100.
     */
    @Test
    void eachMinistrysLatestOwnTollCounts() {
        List<Assessment> versions = versions(ROW);
        assertThat(report("h102-05").casualties()).isNull();
        assertThat(report("h102-06").casualties()).isNull();
        assertThat(killedPerVersion(versions, BorderSegment.SYUNIK_EAST)).containsExactly(0, 105, 176, 206);
        assertThat(killedPerVersion(versions, BorderSegment.VAYOTS_DZOR_EAST)).containsExactly(0, 105, 135);
        assertThat(finalKilled(versions)).containsExactly(206, 135, 206);
        Assessment goris = last(nightOf(versions).stream().filter(a -> a.segment() == BorderSegment.SYUNIK_EAST)
                .toList());
        assertThat(goris.casualties()).extracting(Casualties::party, Casualties::killed)
                .containsExactlyInAnyOrder(tuple(Party.AZ, 71), tuple(Party.AM, 135));
        assertThat(nightOf(versions)).filteredOn(a -> a.killed() > 0)
                .allSatisfy(a -> assertThat(a.severity()).isEqualTo(Severity.CRITICAL));

        List<Assessment> tolled = replay(with(with("h102-05", toll(49, Party.AM)), "h102-06", toll(50, Party.AZ)));
        assertThat(killedPerVersion(tolled, BorderSegment.SYUNIK_EAST)).containsExactly(0, 49, 99, 155, 176, 206);
        assertThat(killedPerVersion(tolled, BorderSegment.VAYOTS_DZOR_EAST)).containsExactly(0, 49, 105, 135);
        assertThat(finalKilled(tolled)).containsExactly(206, 135, 206);

        List<Assessment> lowered = replay(with("h102-21", toll(100, Party.AM)));
        assertThat(finalKilled(lowered)).containsExactly(171, 100, 171);
    }

    /**
     * Each ministry claims three events within two days with nothing before them (the stream starts on 10 September):
     * CLAIM_SURGE on a weekly average of 0.0 whose baseline covers 0 of its 28 days, on the six incidents of 13–14
     * September and no other. Armenia's names its three-segment claim, Jermuk and Sotk of the 14th. Without each
     * ministry's third event (Sotk, Goris of the 14th) no surge anywhere, the night's incidents still CRITICAL on
     * their dead.
     */
    @Test
    void theClaimSurgeRisesOverAnEmptyBaseline() {
        List<Assessment> versions = versions(ROW);
        Map<UUID, String> refs = refs(ROW);
        List<Assessment> surging = versions.stream().filter(a -> a.hasSignal(SignalType.CLAIM_SURGE)).toList();
        assertThat(surging.stream().map(Assessment::incidentId).distinct()).hasSize(6);
        assertThat(surging).allSatisfy(a -> assertThat(a.window().from().toLocalDate().toString())
                .isIn("2022-09-13", "2022-09-14"));
        Assessment jermuk = last(incidentOf(versions, refs, "h102-11"));
        Signal surge = signal(jermuk, SignalType.CLAIM_SURGE);
        assertThat(named(surge, refs)).contains("h102-02", "h102-11", "h102-13").allMatch(ref -> report(ref)
                .source().id().equals("am-mod"));
        assertThat(surge.rationale()).contains("claimed 3 events", "weekly average of 0.0",
                "baseline covers only 0 of its 28 days");
        Signal azerbaijan = signal(last(incidentOf(versions, refs, "h102-14")), SignalType.CLAIM_SURGE);
        assertThat(named(azerbaijan, refs)).contains("h102-03", "h102-12", "h102-14");

        List<Assessment> twoEach = replay(without("h102-13", "h102-14"));
        assertThat(twoEach).noneMatch(a -> a.hasSignal(SignalType.CLAIM_SURGE));
        assertThat(finals(nightOf(twoEach))).hasSize(3)
                .allSatisfy(a -> assertThat(a.severity()).isEqualTo(Severity.CRITICAL));
    }

    /**
     * RETALIATION_CYCLE two ways. Azerbaijan's "retaliatory measures" near Istisu and Gorus raise it by their framing
     * alone on the night's Vayots Dzor East and Syunik East incidents (not Gegharkunik, which they do not name);
     * the 14 September claims follow the other side's claims of the 13th in the segment within 48 hours (Jermuk after
     * Azerbaijan's, Goris after Armenia's). On 28 September Azerbaijan's own retaliation at Digh raises it again (HIGH
     * with the death at Tegh). Unframed, the night carries no cycle while the 14th keeps its own, and Digh is left
     * with FATALITIES alone, still HIGH.
     */
    @Test
    void retaliationByItsFramingAndByTheCycle() {
        List<Assessment> versions = versions(ROW);
        Map<UUID, String> refs = refs(ROW);
        assertThat(report("h102-04").retaliation()).isTrue();
        assertThat(report("h102-04").actingParty()).isEqualTo(Party.AZ);
        Map<BorderSegment, Assessment> night = finalsBySegment(nightOf(versions));
        List.of(BorderSegment.VAYOTS_DZOR_EAST, BorderSegment.SYUNIK_EAST).forEach(segment -> {
            Signal cycle = signal(night.get(segment), SignalType.RETALIATION_CYCLE);
            assertThat(named(cycle, refs)).as(segment.name()).containsExactly("h102-04");
            assertThat(cycle.rationale()).as(segment.name()).contains("Raised by this framing alone");
        });
        assertThat(night.get(BorderSegment.GEGHARKUNIK).hasSignal(SignalType.RETALIATION_CYCLE)).isFalse();
        assertThat(named(signal(last(incidentOf(versions, refs, "h102-11")), SignalType.RETALIATION_CYCLE), refs))
                .containsExactly("h102-03", "h102-11");
        assertThat(named(signal(last(incidentOf(versions, refs, "h102-14")), SignalType.RETALIATION_CYCLE), refs))
                .containsExactly("h102-05", "h102-14");
        Assessment digh = last(incidentOf(versions, refs, "h102-25"));
        assertThat(digh.signals()).extracting(Signal::type).containsExactlyInAnyOrder(SignalType.FATALITIES,
                SignalType.RETALIATION_CYCLE);
        assertThat(named(signal(digh, SignalType.RETALIATION_CYCLE), refs)).containsExactly("h102-25");

        List<Assessment> unframed = replay(with("h102-04", n -> n.put("retaliation", false)));
        assertThat(nightOf(unframed)).noneMatch(a -> a.hasSignal(SignalType.RETALIATION_CYCLE));
        assertThat(List.of("h102-11", "h102-13", "h102-14")).allSatisfy(ref -> assertThat(
                last(incidentOf(unframed, refs, ref)).hasSignal(SignalType.RETALIATION_CYCLE)).as(ref).isTrue());
        Assessment dighUnframed = last(incidentOf(replay(with("h102-25", n -> n.put("retaliation", false))), refs,
                "h102-25"));
        assertThat(dighUnframed.signals()).extracting(Signal::type).containsExactly(SignalType.FATALITIES);
        assertThat(dighUnframed.severity()).isEqualTo(Severity.HIGH);
    }

    /**
     * Istisu, 6 October 14:30: Azerbaijan's claim of mortar fire (HEAVY_WEAPONS, MEDIUM), Armenia's denial (DISPUTED),
     * then the OSCE team in Jermuk that saw and heard nothing all day, a refutation naming no event type whose coverage
     * holds the claim: REFUTED/CONTESTED, MEDIUM. A refuted incident is capped at MEDIUM: had the claim given three
     * dead it would still be MEDIUM (FATALITIES and HEAVY_WEAPONS), and CRITICAL without the OSCE's statement.
     */
    @Test
    void theRefutedClaimIsCappedAtMedium() {
        List<Assessment> versions = versions(ROW);
        Map<UUID, String> refs = refs(ROW);
        IncidentReport osce = report("h102-31");
        assertThat(osce.stance()).isEqualTo(Stance.REFUTATION);
        assertThat(osce.eventTypes()).isEmpty();
        assertThat(osce.coverage().segments()).containsExactly(BorderSegment.VAYOTS_DZOR_EAST);
        List<Assessment> istisu = incidentOf(versions, refs, "h102-29").stream().filter(a -> !a.closed()).toList();
        assertThat(istisu).extracting(Assessment::occurrence).containsExactly(Occurrence.UNVERIFIED,
                Occurrence.DISPUTED, Occurrence.REFUTED);
        assertThat(istisu).allSatisfy(a -> {
            assertThat(a.segment()).isEqualTo(BorderSegment.VAYOTS_DZOR_EAST);
            assertThat(a.severity()).isEqualTo(Severity.MEDIUM);
            assertThat(a.signals()).extracting(Signal::type).containsExactly(SignalType.HEAVY_WEAPONS);
        });
        assertThat(in(last(istisu), Stance.REFUTATION, refs)).containsExactly("h102-31");

        List<IncidentReport> deadly = with("h102-29", toll(3, Party.AZ));
        Assessment capped = last(incidentOf(replay(deadly), refs, "h102-29"));
        assertThat(capped.occurrence()).isEqualTo(Occurrence.REFUTED);
        assertThat(capped.killed()).isEqualTo(3);
        assertThat(capped.signals()).extracting(Signal::type).containsExactlyInAnyOrder(SignalType.FATALITIES,
                SignalType.HEAVY_WEAPONS);
        assertThat(capped.severity()).isEqualTo(Severity.MEDIUM);
        Assessment notRefuted = last(incidentOf(replay(with(without("h102-31"), "h102-29", toll(3, Party.AZ))),
                refs, "h102-29"));
        assertThat(notRefuted.occurrence()).isEqualTo(Occurrence.DISPUTED);
        assertThat(notRefuted.severity()).isEqualTo(Severity.CRITICAL);
    }

    /** The versions of the incidents of the night of 13 September (their window starting that day). */
    private static List<Assessment> nightOf(List<Assessment> versions) {
        return versions.stream().filter(a -> a.window().from().toLocalDate().toString().equals("2022-09-13"))
                .toList();
    }

    /** The final of each incident, by segment (one incident a segment). */
    private static Map<BorderSegment, Assessment> finalsBySegment(List<Assessment> versions) {
        Map<BorderSegment, Assessment> out = new EnumMap<>(BorderSegment.class);
        versions.forEach(a -> out.put(a.segment(), a));
        return out;
    }

    /** The final of each incident among these versions. */
    private static List<Assessment> finals(List<Assessment> versions) {
        return List.copyOf(byIncident(versions).values());
    }

    /** The killed of the night's finals in Gegharkunik, Vayots Dzor East and Syunik East. */
    private static List<Integer> finalKilled(List<Assessment> versions) {
        Map<BorderSegment, Assessment> night = finalsBySegment(nightOf(versions));
        return NIGHT.stream().map(s -> night.get(s).killed()).toList();
    }

    /** The killed the night's incident in this segment gives, each figure once, in order. */
    private static List<Integer> killedPerVersion(List<Assessment> versions, BorderSegment segment) {
        return nightOf(versions).stream().filter(a -> a.segment() == segment).map(Assessment::killed).distinct()
                .toList();
    }

    /** The report's losses given as so many killed of this side. */
    private static Consumer<ObjectNode> toll(int killed, Party party) {
        return n -> n.putObject("casualties").put("killed", killed).put("party", party.name());
    }

    /** The report's place (and what it answers, if anything) without this segment. */
    private static Consumer<ObjectNode> outOf(BorderSegment segment) {
        return n -> {
            drop((ArrayNode) n.get("location").get("segments"), segment);
            if (n.get("answers") != null) {
                drop((ArrayNode) n.get("answers").get("segments"), segment);
            }
        };
    }

    private static void drop(ArrayNode segments, BorderSegment segment) {
        for (int i = segments.size() - 1; i >= 0; i--) {
            if (segments.get(i).asString().equals(segment.name())) {
                segments.remove(i);
            }
        }
    }
}
