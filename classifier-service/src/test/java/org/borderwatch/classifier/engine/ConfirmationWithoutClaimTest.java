package org.borderwatch.classifier.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.classifier.TestReports.AM_MOD;
import static org.borderwatch.classifier.TestReports.AZ_MOD;
import static org.borderwatch.classifier.TestReports.EUMA;
import static org.borderwatch.classifier.TestReports.RU_MOD;
import static org.borderwatch.classifier.TestReports.base;
import static org.borderwatch.classifier.TestReports.claim;
import static org.borderwatch.classifier.TestReports.t;
import static org.borderwatch.common.model.BorderSegment.ARARAT;
import static org.borderwatch.common.model.BorderSegment.VAYOTS_DZOR_WEST;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.borderwatch.classifier.replay.Replayer;
import org.borderwatch.common.model.Answers;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Casualties;
import org.borderwatch.common.model.Coverage;
import org.borderwatch.common.model.EventType;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Location;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Stance;
import org.borderwatch.common.model.TimePrecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An independent observer's (or a third party's) confirmation that no claim describes (replay audit of batch 48, C6:
 * a patrol heard one shot near a border village and neither side ever claimed it). It used to be a member of nothing:
 * without a claim in its period it produced no assessment at all, and the one event an observer confirmed was
 * invisible. Placed in one segment, at a stated time, it now stands as an incident of its own, CONFIRMED by its word,
 * and a claim of that event arriving later joins it. Finals are written as in {@link HeldOutReplayRulesTest}.
 */
class ConfirmationWithoutClaimTest {

    /** The patrol's evening near Margara: coverage 18:00–23:59 of 12 April in ARARAT. */
    private static final Coverage EVENING = new Coverage(t("2025-04-12T18:00"), t("2025-04-12T23:59").plusSeconds(59),
            List.of(ARARAT));

    /** EUMA: an evening patrol near Margara heard one shot at about 20:40, from across the border. */
    private static IncidentReport.Builder shot(Stance stance, String published) {
        return base(EUMA, "shot", stance, published).occurredAt(t("2025-04-12T20:40"))
                .timePrecision(TimePrecision.MINUTE).eventTypes(EventType.SMALL_ARMS_FIRE)
                .location(place(ARARAT, "Margara")).coverage(EVENING);
    }

    private static IncidentReport shot(String published) {
        return shot(Stance.CONFIRMATION, published).build();
    }

    /** The same, also answering whatever was claimed about that day in ARARAT (as the observer's statements do). */
    private static IncidentReport shotAnswering(String published) {
        return shot(Stance.CONFIRMATION, published).answers(new Answers(List.of(), null, t("2025-04-12"),
                t("2025-04-12"), List.of(ARARAT))).build();
    }

    /** Armenia's ministry: Azerbaijani units fired at a post near Margara at 20:30. */
    private static IncidentReport postFired(String published) {
        return claim(AM_MOD, "post-fired", Party.AZ, "2025-04-12T20:30", published, ARARAT)
                .timePrecision(TimePrecision.MINUTE).location(place(ARARAT, "Margara")).build();
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                row("a confirmation alone (coverage only) is an incident of its own",
                        "ARARAT CONFIRMED/UNCONTESTED [shot]", shot("2025-04-13T11:00")),
                row("a confirmation alone with answers that find no claim is an incident of its own",
                        "ARARAT CONFIRMED/UNCONTESTED [shot]", shotAnswering("2025-04-13T11:00")),
                row("a third party's confirmation alone is an incident of its own",
                        "ARARAT CONFIRMED/UNCONTESTED [ru-shot]",
                        base(RU_MOD, "ru-shot", Stance.CONFIRMATION, "2025-04-13T11:00")
                                .occurredAt(t("2025-04-12T20:40")).timePrecision(TimePrecision.MINUTE)
                                .eventTypes(EventType.SMALL_ARMS_FIRE).location(place(ARARAT, "Margara"))
                                .coverage(EVENING).build()),
                row("guard (finals as before; its versions are checked below): a confirmation, then the claim of that shot",
                        "ARARAT CONFIRMED/UNCONTESTED [post-fired,shot]",
                        shot("2025-04-13T11:00"), postFired("2025-04-13T15:00")),
                row("guard: a day-dated confirmation, then a claim of the next evening it covers beyond the gap: one incident",
                        "ARARAT CONFIRMED/UNCONTESTED [next-evening,week-shot]",
                        base(EUMA, "week-shot", Stance.CONFIRMATION, "2025-04-12T10:00")
                                .occurredAt(t("2025-04-11")).occurredUntil(t("2025-04-11T23:59").plusSeconds(59))
                                .timePrecision(TimePrecision.DAY).eventTypes(EventType.SMALL_ARMS_FIRE)
                                .location(Location.of(ARARAT))
                                .coverage(new Coverage(t("2025-04-11"), t("2025-04-12T23:59").plusSeconds(59),
                                        List.of(ARARAT))).build(),
                        claim(AZ_MOD, "next-evening", Party.AM, "2025-04-12T21:00", "2025-04-13T09:00", ARARAT)
                                .timePrecision(TimePrecision.MINUTE).build()),
                row("guard: the claim, then the confirmation (as before)",
                        "ARARAT CONFIRMED/UNCONTESTED [post-fired,shot]",
                        postFired("2025-04-13T09:00"), shot("2025-04-13T11:00")),
                row("guard: a refutation with no claim creates nothing",
                        "", shot(Stance.REFUTATION, "2025-04-13T11:00").build()),
                row("guard: a confirmation naming one of several segments creates nothing",
                        "", shot(Stance.CONFIRMATION, "2025-04-13T11:00").location(new Location(
                                List.of(ARARAT, VAYOTS_DZOR_WEST), true, null, "the Nakhchivan direction", null,
                                null)).build()),
                row("guard: a confirmation naming no known place creates nothing",
                        "", shot(Stance.CONFIRMATION, "2025-04-13T11:00").location(Location.unresolved(
                                "an unnamed height")).build()),
                row("guard: a confirmation that states no time creates nothing",
                        "", shot(Stance.CONFIRMATION, "2025-04-13T11:00").occurredAt(t("2025-04-13"))
                                .occurredUntil(t("2025-04-13T23:59").plusSeconds(59))
                                .timePrecision(TimePrecision.UNKNOWN).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void aConfirmationNoClaimDescribesStandsAsAnIncident(String name, String expected, List<IncidentReport> reports) {
        assertThat(HeldOutReplayRulesTest.finals(reports)).as(name).isEqualTo(expected);
    }

    /**
     * The confirmation's own incident names the side it names as acting (none when it names none), counts its
     * figures, says why it is confirmed, and is assessed when the confirmation is published — not only once a claim
     * comes, which then joins it under the same incident id.
     */
    @Test
    void theObserversIncidentIsAssessedAtOnceAndTheClaimJoinsIt() {
        IncidentReport wounded = shot(Stance.CONFIRMATION, "2025-04-13T11:00").actingParty(Party.AZ)
                .casualties(new Casualties(null, 1, Party.AM)).build();
        List<Assessment> versions = new Replayer(ClassifierEngine.withDefaults())
                .replay(List.of(wounded, postFired("2025-04-13T15:00"))).versions();

        assertThat(versions).extracting(Assessment::incidentId).containsOnly(versions.get(0).incidentId());
        Assessment first = versions.get(0);
        assertThat(first.reportIds()).isEqualTo(Map.of(Stance.CONFIRMATION, List.of(wounded.reportId())));
        assertThat(first.occurrence()).isEqualTo(Occurrence.CONFIRMED);
        assertThat(first.actingParty()).isEqualTo(Party.AZ);
        assertThat(first.casualties()).containsExactly(new Casualties(null, 1, Party.AM));
        assertThat(first.rationale()).contains("Occurrence CONFIRMED: EUMA (statement of 2025-04-13 11:00 +04:00) confirmed it.",
                "Attribution UNCONTESTED: EUMA names Azerbaijani forces as acting; no side has claimed or denied it.");
        Assessment last = versions.get(versions.size() - 1);
        assertThat(last.reportIds().values().stream().mapToInt(List::size).sum()).isEqualTo(2);
        assertThat(last.occurrence()).isEqualTo(Occurrence.CONFIRMED);
        assertThat(last.actingParty()).isEqualTo(Party.AZ);

        Assessment unnamed = new Replayer(ClassifierEngine.withDefaults()).replay(List.of(shot("2025-04-13T11:00")))
                .finals().get(0);
        assertThat(unnamed.actingParty()).isNull();
        assertThat(unnamed.rationale()).noneMatch(s -> s.startsWith("Attribution"));
    }

    /**
     * Whichever is published first, the confirmation or the claim of the shot, the finals are the same (the incident's
     * id aside: it is named after the report that opened it). Guards on main for these rows — the coverage applied to
     * a claim in either order there too — kept by the new placement: the observer's incident must never stand as a
     * second incident beside the claim's.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("orders")
    void eitherPublicationOrderGivesTheSameFinals(String name, Function<String, IncidentReport> claim) {
        String confirmationFirst = HeldOutReplayRulesTest.finals(List.of(shotAnswering("2025-04-13T09:00"),
                claim.apply("2025-04-13T11:00")));
        String claimFirst = HeldOutReplayRulesTest.finals(List.of(claim.apply("2025-04-13T09:00"),
                shotAnswering("2025-04-13T11:00")));
        assertThat(confirmationFirst).as(name).isEqualTo(claimFirst).startsWith("ARARAT CONFIRMED/")
                .doesNotContain("] ARARAT");
        assertThat(verdicts(claim, "2025-04-13T09:00", "2025-04-13T11:00")).as(name)
                .isEqualTo(verdicts(claim, "2025-04-13T11:00", "2025-04-13T09:00"));
    }

    static Stream<Arguments> orders() {
        Function<String, IncidentReport> sameMinute = ConfirmationWithoutClaimTest::postFired;
        Function<String, IncidentReport> wholeDay = published -> claim(AM_MOD, "all-day", Party.AZ,
                "2025-04-12T00:00", published, ARARAT).occurredUntil(t("2025-04-12T23:59").plusSeconds(59))
                .timePrecision(TimePrecision.DAY).location(place(ARARAT, "Margara")).build();
        Function<String, IncidentReport> counter = published -> claim(AZ_MOD, "counter", Party.AM,
                "2025-04-12T20:50", published, ARARAT).timePrecision(TimePrecision.MINUTE).build();
        return Stream.of(Arguments.of("a claim of the same minute", sameMinute),
                Arguments.of("a claim of the whole day", wholeDay),
                Arguments.of("the other side's counter-claim", counter));
    }

    /** Occurrence, attribution, acting side, casualties and severity of the finals, for one publication order. */
    private static String verdicts(Function<String, IncidentReport> claim, String confirmationAt, String claimAt) {
        return new Replayer(ClassifierEngine.withDefaults())
                .replay(List.of(shotAnswering(confirmationAt), claim.apply(claimAt))).finals().stream()
                .map(a -> a.segment() + " " + a.occurrence() + "/" + a.attribution() + " " + a.actingParty() + " "
                        + a.casualties() + " " + a.severity())
                .sorted().collect(Collectors.joining("; "));
    }

    /**
     * Signals: an observer's confirmed shot that no claim told of counts where incidents of hostile action count —
     * as SPREAD's third segment, among QUIET_BROKEN's incidents before a calm and as the incident breaking one; a
     * confirmed mine explosion does not (as a claim of one does not), nor a side's engineering work an observer saw
     * (naming a side as acting, it is still no accusation), and a refutation makes no incident to count.
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            a confirmed shot is SPREAD's third segment                     | spread       | shot          | true
            guard: a confirmed mine explosion is no hostile action         | spread       | mine          | false
            guard: a refutation makes no incident                          | spread       | refutation    | false
            a confirmed shot is one of the incidents before a calm         | quiet-middle | shot          | true
            guard: a refutation there is none                              | quiet-middle | refutation    | false
            a confirmed shot breaks a calm                                 | quiet-last   | shot          | true
            guard: a confirmed mine explosion breaks none                  | quiet-last   | mine          | false
            guard: a side's engineering work an observer saw breaks none   | quiet-last   | works         | false
            guard: nor is it SPREAD's third segment                        | spread       | works         | false
            """)
    void aConfirmedShotCountsAsHostileActionForSpreadAndQuietBroken(String name, String where, String kind,
                                                                    boolean fires) {
        List<IncidentReport> reports = new java.util.ArrayList<>();
        org.borderwatch.common.model.SignalType signal;
        if (where.equals("spread")) {
            signal = org.borderwatch.common.model.SignalType.SPREAD;
            reports.add(fire("syunik", "2025-04-12T19:00", org.borderwatch.common.model.BorderSegment.SYUNIK_EAST));
            reports.add(fire("gegharkunik", "2025-04-12T19:30",
                    org.borderwatch.common.model.BorderSegment.GEGHARKUNIK));
            reports.add(observed(kind, "2025-04-12T20:40"));
        } else {
            signal = org.borderwatch.common.model.SignalType.QUIET_BROKEN;
            reports.add(fire("jan", "2025-01-10T10:00", ARARAT));
            reports.add(where.equals("quiet-middle") ? observed(kind, "2025-02-10T10:00")
                    : fire("feb", "2025-02-10T10:00", ARARAT));
            reports.add(fire("mar", "2025-03-10T10:00", ARARAT));
            reports.add(where.equals("quiet-last") ? observed(kind, "2025-04-15T10:00")
                    : fire("apr", "2025-04-15T10:00", ARARAT));
        }
        List<Assessment> finals = new Replayer(ClassifierEngine.withDefaults()).replay(reports).finals();
        java.util.UUID last = reports.get(reports.size() - 1).reportId();
        boolean raised = finals.stream().filter(a -> where.equals("spread") || a.reportIds().values().stream()
                        .anyMatch(l -> l.contains(last)))
                .anyMatch(a -> a.signals().stream().anyMatch(sig -> sig.type() == signal));
        assertThat(raised).as(name).isEqualTo(fires);
    }

    private static IncidentReport fire(String ref, String at, BorderSegment segment) {
        return claim(AZ_MOD, ref, Party.AM, at, t(at).plusHours(5).toLocalDateTime().toString().substring(0, 16),
                segment).timePrecision(TimePrecision.MINUTE).build();
    }

    /**
     * EUMA's word on {@code at} in ARARAT: a shot heard, a mine explosion heard, Azerbaijani servicemen seen digging
     * positions, or nothing observed that day.
     */
    private static IncidentReport observed(String kind, String at) {
        String day = at.substring(0, 10);
        return base(EUMA, "observed-" + day, kind.equals("refutation") ? Stance.REFUTATION : Stance.CONFIRMATION,
                t(at).plusHours(12).toLocalDateTime().toString().substring(0, 16))
                .occurredAt(t(at)).timePrecision(TimePrecision.MINUTE)
                .eventTypes(kind.equals("mine") ? EventType.MINE_EXPLOSION : kind.equals("works")
                        ? EventType.ENGINEERING_WORK : EventType.SMALL_ARMS_FIRE)
                .actingParty(kind.equals("works") ? Party.AZ : null)
                .location(place(ARARAT, "Margara"))
                .coverage(new Coverage(t(day), t(day + "T23:59").plusSeconds(59), List.of(ARARAT))).build();
    }

    private static Arguments row(String name, String expected, IncidentReport... reports) {
        return Arguments.of(name, expected, List.of(reports));
    }

    private static Location place(BorderSegment segment, String settlement) {
        return new Location(List.of(segment), false, settlement, settlement, null, null);
    }
}
