package org.borderwatch.classifier.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.classifier.TestReports.AM_MOD;
import static org.borderwatch.classifier.TestReports.AZ_MOD;
import static org.borderwatch.classifier.TestReports.EUMA;
import static org.borderwatch.classifier.TestReports.claim;
import static org.borderwatch.classifier.TestReports.denial;
import static org.borderwatch.classifier.TestReports.killed;
import static org.borderwatch.classifier.TestReports.observer;
import static org.borderwatch.classifier.TestReports.t;
import static org.borderwatch.common.model.BorderSegment.GEGHARKUNIK;
import static org.borderwatch.common.model.BorderSegment.SYUNIK_EAST;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.Attribution;
import org.borderwatch.common.model.Casualties;
import org.borderwatch.common.model.Evidence;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.SignalType;
import org.borderwatch.common.model.Stance;
import org.borderwatch.common.model.TimePrecision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Three gaps found after the staff review, each a table: an observer's confirmation it later took back no longer
 * gives casualties; a denial of a claim that its source has since moved in time says so; a statement that gives no
 * event time is neither placed nor described as if its publication were that time.
 */
class KnownGapsTest {

    private final ClassifierEngine engine = ClassifierEngine.withDefaults();

    private List<Assessment> feed(List<IncidentReport> reports) {
        List<Assessment> out = new ArrayList<>();
        reports.forEach(r -> out.addAll(engine.process(r).assessments()));
        return out;
    }

    private static Assessment lastOf(List<Assessment> out, java.util.UUID incident) {
        return out.stream().filter(a -> a.incidentId().equals(incident)).reduce((x, y) -> y).orElseThrow();
    }

    // ---- a: an observer's retracted confirmation ---------------------------------------------------------------

    private static final IncidentReport SHELLING = claim(AM_MOD, "g-shell", Party.AZ, "2026-11-20T05:30",
            "2026-11-20T08:00", SYUNIK_EAST).build();
    private static final IncidentReport SHELLING_ONE_DEAD = claim(AM_MOD, "g-shell-1", Party.AZ, "2026-11-20T05:30",
            "2026-11-20T08:00", SYUNIK_EAST).casualties(killed(1, 0, Party.AM)).build();
    private static final IncidentReport EU_CONFIRMS = observer(EUMA, "g-eu-yes", Stance.CONFIRMATION,
            "2026-11-20T15:00", "2026-11-20", "2026-11-20", SYUNIK_EAST).casualties(killed(3, 2, Party.AM)).build();
    private static final IncidentReport EU_TAKES_BACK = observer(EUMA, "g-eu-no", Stance.REFUTATION,
            "2026-11-21T10:00", "2026-11-20", "2026-11-20", SYUNIK_EAST).build();

    static Stream<Arguments> retracted() {
        return Stream.of(
                Arguments.of("confirmed with three dead: they count", List.of(SHELLING, EU_CONFIRMS),
                        Occurrence.CONFIRMED, List.of(new Casualties(3, 2, Party.AM)), true, false),
                Arguments.of("then refuted by the same observer: its dead no longer count",
                        List.of(SHELLING, EU_CONFIRMS, EU_TAKES_BACK), Occurrence.REFUTED, List.of(), false, true),
                Arguments.of("the side's own figure stays once the observer's is gone",
                        List.of(SHELLING_ONE_DEAD, EU_CONFIRMS, EU_TAKES_BACK), Occurrence.REFUTED,
                        List.of(new Casualties(1, 0, Party.AM)), true, true),
                Arguments.of("the refutation heard before the confirmation published earlier: the same",
                        List.of(SHELLING, EU_TAKES_BACK, EU_CONFIRMS), Occurrence.REFUTED, List.of(), false, true));
    }

    @ParameterizedTest(name = "a: {0}")
    @MethodSource("retracted")
    void anObserversRetractedConfirmationGivesNoCasualties(String name, List<IncidentReport> in, Occurrence occurrence,
                                                           List<Casualties> casualties, boolean fatalities,
                                                           boolean saysWhy) {
        Assessment a = lastOf(feed(in), engine.state().incidents.get(0).id);
        assertThat(a.occurrence()).isEqualTo(occurrence);
        assertThat(a.casualties()).containsExactlyElementsOf(casualties);
        assertThat(a.hasSignal(SignalType.FATALITIES)).isEqualTo(fatalities);
        assertThat(a.rationale().stream().anyMatch(s -> s.startsWith("EUMA's figures of 2026-11-20 15:00 +04:00 "
                + "(3 killed, 2 wounded) are not counted: its statement of 2026-11-21 10:00 +04:00 superseded")))
                .isEqualTo(saysWhy);
    }

    // ---- b: a claim corrected away from what its denial described -----------------------------------------------

    private static final IncidentReport ACCUSATION = claim(AZ_MOD, "g-acc", Party.AM, "2026-11-18T06:10",
            "2026-11-18T09:30", SYUNIK_EAST).build();
    private static final IncidentReport DENIED = denial(AM_MOD, "g-den", "2026-11-18T13:00", Party.AZ, "2026-11-18",
            "2026-11-18", SYUNIK_EAST).build();

    private static IncidentReport corrected(String at, org.borderwatch.common.model.BorderSegment segment) {
        return claim(AZ_MOD, "g-acc", Party.AM, at, "2026-11-18T16:00", segment).revision(2).build();
    }

    static final String EARLIER_VERSION = "AM MoD's denial of 2026-11-18 13:00 +04:00 answered AZ MoD's claim as it "
            + "stood then; the claim's revision 2 of 2026-11-18 16:00 +04:00 puts it ";

    static Stream<Arguments> correctedAway() {
        return Stream.of(
                Arguments.of("moved to two days earlier: stays linked, counts, and the rationale says so",
                        corrected("2026-11-16T22:10", SYUNIK_EAST), Occurrence.DISPUTED, Attribution.CONTESTED,
                        EARLIER_VERSION + "at 2026-11-16 22:10 +04:00 (SYUNIK_EAST), which that denial does not "
                                + "describe. It stays linked to the claim it answered and still counts, but it has not "
                                + "answered the corrected version."),
                Arguments.of("moved within the day the denial names: it still describes it, nothing to say",
                        corrected("2026-11-18T09:10", SYUNIK_EAST), Occurrence.DISPUTED, Attribution.CONTESTED, null),
                Arguments.of("moved to another segment: the claim leaves its answers, which wait for a claim they "
                                + "describe", corrected("2026-11-18T06:10", GEGHARKUNIK), Occurrence.UNVERIFIED,
                        Attribution.UNCONTESTED, null));
    }

    @ParameterizedTest(name = "b: {0}")
    @MethodSource("correctedAway")
    void aDenialOfAClaimCorrectedAwaySaysWhatItAnswered(String name, IncidentReport correction, Occurrence occurrence,
                                                       Attribution attribution, String sentence) {
        feed(List.of(ACCUSATION, DENIED));
        List<Assessment> out = feed(List.of(correction));
        Assessment claimNow = out.stream().filter(a -> !a.closed() && a.evidence().stream()
                .anyMatch(e -> e.reportId().equals(correction.reportId()))).reduce((x, y) -> y).orElseThrow();
        assertThat(claimNow.occurrence()).isEqualTo(occurrence);
        assertThat(claimNow.attribution()).isEqualTo(attribution);
        assertThat(claimNow.evidence()).filteredOn(e -> e.reportId().equals(correction.reportId()))
                .extracting(Evidence::revision).containsExactly(2);
        if (sentence == null) {
            assertThat(claimNow.rationale()).noneMatch(s -> s.contains("answered AZ MoD's claim as it stood then"));
        } else {
            assertThat(claimNow.rationale()).contains(sentence);
            assertThat(claimNow.evidence()).extracting(Evidence::reportId).contains(DENIED.reportId());
        }
        if (correction.location().segments().contains(GEGHARKUNIK)) {
            // the denial is in no incident with the moved claim; it waits where it stood
            assertThat(claimNow.evidence()).extracting(Evidence::reportId).doesNotContain(DENIED.reportId());
            assertThat(engine.state().incidents).anyMatch(i -> i.segment == SYUNIK_EAST && i.has(DENIED.reportId()));
            // and says why: it answered the claim before the claim moved
            Assessment waiting = out.stream().filter(a -> !a.closed() && a.evidence().stream()
                    .anyMatch(e -> e.reportId().equals(DENIED.reportId()))).reduce((x, y) -> y).orElseThrow();
            assertThat(waiting.rationale()).contains(EARLIER_VERSION.replace(" puts it ", " now places it ")
                    + "at 2026-11-18 06:10 +04:00 (GEGHARKUNIK), which that denial does not describe: it no longer "
                    + "answers it and stands apart from it.",
                    "Occurrence UNVERIFIED: no claim it describes is known (yet); the one it answered was corrected "
                            + "away from what it describes.");
            assertThat(waiting.rationale()).doesNotContain("Occurrence UNVERIFIED: the claim it answers is not known "
                    + "(yet).");
            // the link is state: it survives the store's JSON, and state written before it existed reads without it
            EngineState restored = org.borderwatch.common.json.Json.read(
                    org.borderwatch.common.json.Json.write(engine.state()), EngineState.class);
            assertThat(restored.correctedAway).containsEntry(DENIED.reportId(), correction.reportId());
            assertThat(org.borderwatch.common.json.Json.read("{\"nextSeq\":3}", EngineState.class).correctedAway)
                    .isEmpty();
        }
    }

    // ---- c: a statement that gives no event time -----------------------------------------------------------------

    static Stream<Arguments> timeless() {
        IncidentReport atPublication = claim(AZ_MOD, "g-t1", Party.AM, "2026-11-19T11:30", "2026-11-19T11:30",
                SYUNIK_EAST).build();
        IncidentReport publicationDay = claim(AZ_MOD, "g-t2", Party.AM, "2026-11-19", "2026-11-19T11:30",
                SYUNIK_EAST).occurredUntil(t("2026-11-19T23:59").plusSeconds(59)).build();
        IncidentReport dayStated = claim(AZ_MOD, "g-t3", Party.AM, "2026-11-19", "2026-11-19T11:30", SYUNIK_EAST)
                .occurredUntil(t("2026-11-19T23:59").plusSeconds(59)).timePrecision(TimePrecision.DAY).build();
        IncidentReport minuteStated = claim(AZ_MOD, "g-t4", Party.AM, "2026-11-19T11:30", "2026-11-19T11:30",
                SYUNIK_EAST).timePrecision(TimePrecision.MINUTE).build();
        String notStated = "AZ MoD claimed small-arms fire by Armenian forces (SYUNIK_EAST) (time not stated; "
                + "published 2026-11-19 11:30 +04:00).";
        return Stream.of(
                Arguments.of("no time at all: the publication day, not its instant", atPublication, notStated,
                        t("2026-11-19"), t("2026-11-19T23:59").plusSeconds(59)),
                Arguments.of("the day of publication, as ingest writes UNKNOWN", publicationDay, notStated,
                        t("2026-11-19"), t("2026-11-19T23:59").plusSeconds(59)),
                Arguments.of("a day the statement names is a day", dayStated,
                        "AZ MoD claimed small-arms fire by Armenian forces from 2026-11-19 00:00 +04:00 to 2026-11-19 "
                                + "23:59 +04:00 (SYUNIK_EAST) (published 2026-11-19 11:30 +04:00).",
                        t("2026-11-19"), t("2026-11-19T23:59").plusSeconds(59)),
                Arguments.of("a stated minute that happens to be the publication's is a time", minuteStated,
                        "AZ MoD claimed small-arms fire by Armenian forces at 2026-11-19 11:30 +04:00 (SYUNIK_EAST) "
                                + "(published 2026-11-19 11:30 +04:00).", t("2026-11-19T11:30"), t("2026-11-19T11:30")));
    }

    @ParameterizedTest(name = "c: {0}")
    @MethodSource("timeless")
    void aStatementWithoutATimeIsNeitherPlacedNorDescribedAtItsPublication(String name, IncidentReport r,
                                                                          String sentence,
                                                                          java.time.OffsetDateTime from,
                                                                          java.time.OffsetDateTime to) {
        Assessment a = feed(List.of(r)).get(0);
        assertThat(a.rationale().get(0)).isEqualTo(sentence);
        assertThat(a.window().from()).isEqualTo(from);
        assertThat(a.window().to()).isEqualTo(to);
        assertThat(a.evidence()).singleElement().satisfies(e -> assertThat(e.publishedAt()).isEqualTo(r.publishedAt()));
    }

    static Stream<Arguments> bridging() {
        IncidentReport timeless = claim(AM_MOD, "g-x", Party.AZ, "2026-11-19T18:00", "2026-11-19T18:00", SYUNIK_EAST)
                .build();
        IncidentReport atNoon = claim(AM_MOD, "g-x", Party.AZ, "2026-11-19T11:30", "2026-11-19T18:00", SYUNIK_EAST)
                .timePrecision(TimePrecision.MINUTE).build();
        IncidentReport timelessAtNoon = claim(AM_MOD, "g-x", Party.AZ, "2026-11-19T11:30", "2026-11-19T11:30",
                SYUNIK_EAST).build();
        return Stream.of(
                Arguments.of("a statement without a time, published in the evening, bridges nothing", timeless, 2),
                Arguments.of("nor one published at noon, within the gap of both", timelessAtNoon, 2),
                Arguments.of("one stating noon, within the gap of both, bridges them", atNoon, 1));
    }

    /** Eleven hours apart, the morning's and the evening's claims are two incidents unless an event between joins them. */
    @ParameterizedTest(name = "c: {0}")
    @MethodSource("bridging")
    void aStatementWithoutATimeNeverBridgesSessions(String name, IncidentReport between, int incidents) {
        feed(List.of(claim(AZ_MOD, "g-m", Party.AM, "2026-11-19T06:00", "2026-11-19T07:00", SYUNIK_EAST)
                        .timePrecision(TimePrecision.MINUTE).build(),
                claim(AZ_MOD, "g-e", Party.AM, "2026-11-19T17:00", "2026-11-19T17:30", SYUNIK_EAST)
                        .timePrecision(TimePrecision.MINUTE).build(),
                between));
        assertThat(engine.state().incidents).hasSize(incidents);
        assertThat(engine.state().incidents).anyMatch(i -> i.has(between.reportId()));
    }
}
