package org.borderwatch.classifier.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.classifier.TestReports.AM_MOD;
import static org.borderwatch.classifier.TestReports.AZ_MOD;
import static org.borderwatch.classifier.TestReports.TASS;
import static org.borderwatch.classifier.TestReports.base;
import static org.borderwatch.classifier.TestReports.claim;
import static org.borderwatch.classifier.TestReports.denial;
import static org.borderwatch.classifier.TestReports.t;
import static org.borderwatch.common.model.BorderSegment.GEGHARKUNIK;
import static org.borderwatch.common.model.BorderSegment.SYUNIK_EAST;

import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.borderwatch.classifier.replay.Replayer;
import org.borderwatch.classifier.verdict.BorderTime;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.EventType;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Location;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Stance;
import org.borderwatch.common.model.TimePrecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * c23, an audit's open finding: a statement of stance UNKNOWN — ingest could not read it (a Russian-language wire) or
 * it reports no event (a ministry's calm-day bulletin) — opened an incident of its own, UNVERIFIED LOW, whenever it
 * named a place (or UNRESOLVED when it named none), and beyond the grace it was assessed alone. The contract has no
 * verdict for it ("UNVERIFIED — a claim no one has answered yet"; it is no claim). Now it is context only: it joins
 * an incident of its segment and time as evidence that counts for nothing, and never makes one alone — held unseen
 * until a statement that counts joins it, in either order, and forgotten unseen if none does. Replay, live in order of
 * arrival and the state's round trip after every report agree on every row.
 */
class ContextOnlyStatementTest {

    /** "ТАСС: ... в районе Сотка ..." — a Russian wire ingest could not read: a place, a time, nothing else. */
    static IncidentReport unreadable(String ref, String at, String published) {
        return base(TASS, ref, Stance.UNKNOWN, published).occurredAt(t(at)).occurredUntil(t(at))
                .timePrecision(TimePrecision.MINUTE).location(Location.of(GEGHARKUNIK)).language("ru").build();
    }

    /** "The situation on the border was calm overnight": a side's bulletin that reports no event. */
    static IncidentReport calmBulletin(String ref, String published) {
        return base(AM_MOD, ref, Stance.UNKNOWN, published).occurredAt(t("2026-05-04T00:00"))
                .occurredUntil(t("2026-05-05").minusSeconds(1)).timePrecision(TimePrecision.DAY)
                .eventTypes(EventType.OTHER).location(Location.of(GEGHARKUNIK)).build();
    }

    static final IncidentReport SOTK_CLAIM = claim(AZ_MOD, "claim", Party.AM, "2026-05-04T22:10",
            "2026-05-05T08:00", GEGHARKUNIK).timePrecision(TimePrecision.MINUTE).build();
    static final IncidentReport SOTK_DENIAL = denial(AM_MOD, "denial", "2026-05-05T11:00", Party.AZ, "2026-05-04",
            "2026-05-05", GEGHARKUNIK).build();
    static final IncidentReport WIRE = unreadable("wire", "2026-05-04T22:30", "2026-05-05T09:00");

    /** c25: the claim corrected to a statement whose stance could not be read (revision 2), and back (revision 3). */
    static final IncidentReport CLAIM_UNREADABLE = base(AZ_MOD, "claim", Stance.UNKNOWN, "2026-05-05T10:00")
            .occurredAt(t("2026-05-04T22:10")).timePrecision(TimePrecision.MINUTE).location(Location.of(GEGHARKUNIK))
            .revision(2).build();
    static final IncidentReport CLAIM_AGAIN = claim(AZ_MOD, "claim", Party.AM, "2026-05-04T22:10",
            "2026-05-05T12:00", GEGHARKUNIK).timePrecision(TimePrecision.MINUTE).revision(3).build();

    static Stream<Arguments> rows() {
        return Stream.of(
                row("an unreadable wire alone opens no incident", "", WIRE),
                row("a bulletin reporting no event opens no incident", "", calmBulletin("calm", "2026-05-05T09:00")),
                row("an unreadable statement naming no place opens no incident either", "",
                        base(TASS, "nowhere", Stance.UNKNOWN, "2026-05-05T09:00").occurredAt(t("2026-05-04T22:30"))
                                .timePrecision(TimePrecision.MINUTE).location(Location.unresolved("Сотк")).build()),
                row("two unreadable statements of one night open none", "", WIRE,
                        unreadable("wire-2", "2026-05-04T23:00", "2026-05-05T10:00")),
                row("the claim first, then the wire: it joins as context",
                        "GEGHARKUNIK 05-04 22:10 [claim,wire] UNVERIFIED/UNCONTESTED", SOTK_CLAIM, WIRE),
                row("the wire first, then the claim: the same incident",
                        "GEGHARKUNIK 05-04 22:10 [claim,wire] UNVERIFIED/UNCONTESTED",
                        unreadable("wire", "2026-05-04T22:30", "2026-05-05T07:00"), SOTK_CLAIM),
                row("a whole-day bulletin first, then the claim: context, the claim's window",
                        "GEGHARKUNIK 05-04 22:10 [calm,claim] UNVERIFIED/UNCONTESTED",
                        calmBulletin("calm", "2026-05-05T07:00"), SOTK_CLAIM),
                row("context changes no verdict: the claim and its denial stay DISPUTED",
                        "GEGHARKUNIK 05-04 22:10 [claim,denial,wire] DISPUTED/CONTESTED", SOTK_CLAIM, WIRE,
                        SOTK_DENIAL),
                row("a wire more than the session gap from the claim stays unseen",
                        "GEGHARKUNIK 05-04 22:10 [claim] UNVERIFIED/UNCONTESTED",
                        unreadable("wire", "2026-05-04T08:00", "2026-05-04T12:00"), SOTK_CLAIM),
                row("a wire beside the claim in another segment stays unseen",
                        "SYUNIK_EAST 05-04 22:10 [claim] UNVERIFIED/UNCONTESTED",
                        claim(AZ_MOD, "claim", Party.AM, "2026-05-04T22:10", "2026-05-05T08:00", SYUNIK_EAST)
                                .timePrecision(TimePrecision.MINUTE).build(), WIRE),
                row("c25: a claim corrected to stance UNKNOWN dissolves its incident, the wire held unseen again",
                        "", SOTK_CLAIM, WIRE, CLAIM_UNREADABLE),
                row("c25: a lone claim corrected to stance UNKNOWN likewise", "", SOTK_CLAIM, CLAIM_UNREADABLE),
                row("c25: the wire first, its session joined by the claim, then corrected: dissolved", "",
                        unreadable("wire", "2026-05-04T22:30", "2026-05-05T07:00"), SOTK_CLAIM, CLAIM_UNREADABLE),
                row("c25: guard: a denial that counts stays an incident when its claim is corrected to UNKNOWN",
                        "GEGHARKUNIK 05-04 00:00 [claim,denial] UNVERIFIED/CONTESTED", SOTK_CLAIM, SOTK_DENIAL,
                        base(AZ_MOD, "claim", Stance.UNKNOWN, "2026-05-05T12:00").occurredAt(t("2026-05-04T22:10"))
                                .timePrecision(TimePrecision.MINUTE).location(Location.of(GEGHARKUNIK)).revision(2)
                                .build()),
                row("c25: corrected back to a claim, the incident is assessed again",
                        "GEGHARKUNIK 05-04 22:10 [claim,wire] UNVERIFIED/UNCONTESTED", SOTK_CLAIM, WIRE,
                        CLAIM_UNREADABLE, CLAIM_AGAIN),
                row("a wire far behind stream time (beyond the grace) is not assessed alone",
                        "GEGHARKUNIK 05-04 22:10 [claim] UNVERIFIED/UNCONTESTED|SYUNIK_EAST 05-20 10:00 [later] "
                                + "UNVERIFIED/UNCONTESTED", SOTK_CLAIM,
                        claim(AZ_MOD, "later", Party.AM, "2026-05-20T10:00", "2026-05-20T12:00", SYUNIK_EAST)
                                .timePrecision(TimePrecision.MINUTE).build(),
                        unreadable("old-wire", "2026-05-01T22:30", "2026-05-02T09:00")));
    }

    /**
     * A row: its name, the finals expected (segment, window start, report refs, verdict; "|" between; empty: none),
     * the reports in order of arrival.
     */
    private static Arguments row(String name, String expected, IncidentReport... reports) {
        return Arguments.of(name, expected.isEmpty() ? List.of() : java.util.Arrays.stream(expected.split("\\|"))
                .sorted().toList(), List.of(reports));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void aStatementOfUnknownStanceIsContextAndNeverAnIncidentAlone(String name, List<String> expected,
                                                                    List<IncidentReport> reports) {
        Map<UUID, String> refs = reports.stream().collect(Collectors.toMap(IncidentReport::reportId,
                IncidentReport::sourceRef, (a, b) -> a));
        Replayer.Outcome replayed = new Replayer(ClassifierEngine.withDefaults()).replay(reports);
        assertThat(describe(replayed.finals(), refs)).as("replay").isEqualTo(expected);
        assertThat(describe(EleventhRoundTest.live(reports), refs)).as("live, in order of arrival")
                .isEqualTo(expected);
        // no version of any incident ever stood for the unknown statements alone
        assertThat(replayed.versions()).allSatisfy(a -> assertThat(a.reportIds().keySet())
                .as(a.incidentId().toString()).isNotEqualTo(java.util.Set.of(Stance.UNKNOWN)));
        EleventhRoundTest.assertTheStateSurvivesARestartAfterEveryReport(reports);
    }

    /** A statement held unseen closes and is forgotten without a version; the open-incidents gauge never counts it. */
    @Test
    void aHeldStatementClosesUnseen() {
        ClassifierEngine engine = ClassifierEngine.withDefaults();
        assertThat(engine.process(WIRE).assessments()).isEmpty();
        assertThat(engine.openIncidents()).isZero();
        List<Assessment> later = engine.process(claim(AZ_MOD, "later", Party.AM, "2026-05-20T10:00",
                "2026-05-20T12:00", SYUNIK_EAST).timePrecision(TimePrecision.MINUTE).build()).assessments();
        assertThat(later).singleElement().satisfies(a -> assertThat(a.segment()).isEqualTo(SYUNIK_EAST));
        assertThat(engine.state().incidents).noneMatch(i -> i.has(WIRE.reportId()));
        assertThat(engine.state().closed).noneMatch(i -> i.has(WIRE.reportId()));
        assertThat(engine.openIncidents()).isEqualTo(1);
    }

    static Stream<Arguments> dissolvedRows() {
        return Stream.of(
                Arguments.of("the claim first, the wire joining it", WIRE),
                Arguments.of("the wire first, the claim joining its session",
                        unreadable("wire", "2026-05-04T22:30", "2026-05-05T07:00")));
    }

    /**
     * c25: the incident a correction left with context only gets its closing version, DISSOLVED, and is held unseen
     * (not counted open); the claim corrected back assesses it again under the same id, its versions going on.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dissolvedRows")
    void anIncidentLeftWithContextOnlyIsDissolved(String name, IncidentReport wire) {
        ClassifierEngine engine = ClassifierEngine.withDefaults();
        Assessment open = (wire.publishedAt().isBefore(SOTK_CLAIM.publishedAt())
                ? List.of(wire, SOTK_CLAIM) : List.of(SOTK_CLAIM, wire)).stream()
                .flatMap(r -> engine.process(r).assessments().stream()).reduce((x, y) -> y).orElseThrow();
        List<Assessment> dissolved = engine.process(CLAIM_UNREADABLE).assessments();
        assertThat(dissolved).singleElement().satisfies(a -> {
            assertThat(a.incidentId()).isEqualTo(open.incidentId());
            assertThat(a.closed()).isTrue();
            assertThat(a.version()).isGreaterThan(open.version());
            assertThat(a.closure()).isEqualTo(org.borderwatch.common.model.Closure.DISSOLVED);
            assertThat(a.rationale()).last().isEqualTo("Dissolved: its report left it (corrected by revision 2).");
            assertThat(a.reportIds()).containsKey(Stance.CLAIM);
        });
        assertThat(engine.openIncidents()).isZero();
        assertThat(engine.state().incidents).anyMatch(i -> i.has(WIRE.reportId()) && i.last == null);
        // corrected back to a claim: an incident again, open (under the same id its versions go on)
        List<Assessment> again = engine.process(CLAIM_AGAIN).assessments();
        assertThat(again).last().satisfies(a -> {
            assertThat(a.closed()).isFalse();
            assertThat(a.reportIds()).containsKey(Stance.CLAIM);
            if (a.incidentId().equals(open.incidentId())) {
                assertThat(a.version()).isGreaterThan(dissolved.get(0).version());
            }
        });
        assertThat(engine.openIncidents()).isEqualTo(1);
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private static List<String> describe(List<Assessment> finals, Map<UUID, String> refs) {
        return finals.stream().sorted(Comparator.comparing((Assessment a) -> a.window().from().toInstant()))
                .map(a -> a.segment() + " " + WHEN.format(BorderTime.local(a.window().from())) + " "
                        + a.reportIds().values().stream().flatMap(List::stream).map(refs::get).sorted()
                        .collect(Collectors.joining(",", "[", "]")) + " " + a.occurrence() + "/" + a.attribution())
                .sorted().toList();
    }
}
