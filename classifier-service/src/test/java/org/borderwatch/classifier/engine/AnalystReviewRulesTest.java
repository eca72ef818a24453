package org.borderwatch.classifier.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.classifier.TestReports.AM_MOD;
import static org.borderwatch.classifier.TestReports.AZ_MOD;
import static org.borderwatch.classifier.TestReports.EUMA;
import static org.borderwatch.classifier.TestReports.base;
import static org.borderwatch.classifier.TestReports.claim;
import static org.borderwatch.classifier.TestReports.denial;
import static org.borderwatch.classifier.TestReports.t;
import static org.borderwatch.common.model.BorderSegment.SYUNIK_EAST;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.borderwatch.classifier.correlation.IncidentState;
import org.borderwatch.classifier.correlation.Membership;
import org.borderwatch.classifier.verdict.BorderTime;
import org.borderwatch.common.model.Answers;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.Coverage;
import org.borderwatch.common.model.EventType;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Location;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Source;
import org.borderwatch.common.model.SourceKind;
import org.borderwatch.common.model.Stance;
import org.borderwatch.common.model.TimePrecision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules behind an analyst's review of 11 April 2024 (Tegh in the morning, Nerkin Hand in the evening, 6 h 20 min
 * apart), each table failing on the code before the fix:
 * <ul>
 *   <li>finding 2 — an observer's confirmation confirms the claims its own event time and place fit, not every claim
 *       of its whole-day coverage;</li>
 *   <li>finding 3 — reports that say nothing of the hour (a whole day) or count for nothing (stance UNKNOWN, a denial
 *       by no side) attach to the one session they fit best: they neither bridge two sessions nor widen one of
 *       precise reports, whichever order they arrive in;</li>
 *   <li>finding 7 — a response answers no claim about events after its own publication.</li>
 * </ul>
 * Each row: the reports in publication order and every incident the engine knows, in creation order, as
 * {@code [refs]HH:mm-HH:mm=OCCURRENCE} (the window at UTC+4).
 */
class AnalystReviewRulesTest {

    private static final Source REUTERS = new Source("reuters", "Reuters", SourceKind.MEDIA, Party.UNKNOWN);
    private static final Source AZ_MFA = new Source("az-mfa", "AZ MFA", SourceKind.PARTY_OFFICIAL, Party.AZ);

    // the morning at Tegh, the evening at Nerkin Hand (precise, MINUTE)
    private static final IncidentReport TEGH_AZ = precise(AZ_MOD, "tegh-az", Party.AM, "2024-04-11T10:15",
            "2024-04-11T10:15", "2024-04-11T11:00", "Tegh", "Digh");
    private static final IncidentReport TEGH_AM = precise(AM_MOD, "tegh-am", Party.AZ, "2024-04-11T11:20",
            "2024-04-11T11:20", "2024-04-11T11:50", "Tegh", "Tegh");
    private static final IncidentReport NERKIN = precise(AZ_MOD, "nerkin", Party.AM, "2024-04-11T17:40",
            "2024-04-11T18:05", "2024-04-11T20:00", "Nerkin Hand", "Nerkin Hand");
    private static final IncidentReport NERKIN_DENIAL = denial(AM_MOD, "nerkin-denial", "2024-04-11T21:10", Party.AZ,
            "2024-04-11", "2024-04-11", SYUNIK_EAST).location(place("Nerkin Hand", "Nerkin Hand")).build();

    static Stream<Arguments> sessions() {
        return Stream.of(
                row("two exchanges 6 h 20 min apart are two incidents",
                        "[tegh-az,tegh-am]10:15-11:20=CONFIRMED [nerkin]17:40-18:05=UNVERIFIED",
                        TEGH_AZ, TEGH_AM, NERKIN),
                row("a statement of unknown stance about the whole day attaches to the session of its place",
                        "[tegh-az,tegh-am,aware]10:15-11:20=CONFIRMED [nerkin]17:40-18:05=UNVERIFIED",
                        TEGH_AZ, TEGH_AM, NERKIN, unknownStance("aware", "2024-04-11T18:00", "Tegh")),
                row("a news agency's 'denial' of the whole day neither bridges nor widens",
                        "[tegh-az,tegh-am,relay]10:15-11:20=CONFIRMED [nerkin]17:40-18:05=UNVERIFIED",
                        TEGH_AZ, TEGH_AM, NERKIN, relayDenial("relay", "2024-04-11T16:00", "Tegh")),
                row("a claim dated only to the day, naming both places, joins the session of the first",
                        "[tegh-az,tegh-am,mfa]10:15-11:20=CONFIRMED [nerkin]17:40-18:05=UNVERIFIED",
                        TEGH_AZ, TEGH_AM, NERKIN, dayClaim("mfa", "2024-04-12T12:00", "Tegh", "Digh, Nerkin-And")),
                row("a claim dated only to the day, naming the evening's place, joins the evening's session",
                        "[tegh-az,tegh-am]10:15-11:20=CONFIRMED [nerkin,mfa]17:40-18:05=UNVERIFIED",
                        TEGH_AZ, TEGH_AM, NERKIN, dayClaim("mfa", "2024-04-12T12:00", "Nerkin Hand", "Nerkin-And")),
                row("a claim dated only to the day, naming no place, joins the nearest, then the oldest session",
                        "[tegh-az,tegh-am,mfa]10:15-11:20=CONFIRMED [nerkin]17:40-18:05=UNVERIFIED",
                        TEGH_AZ, TEGH_AM, NERKIN, dayClaim("mfa", "2024-04-12T12:00", null, null)),
                row("published first, a whole-day statement stops shaping the window once a precise report joins",
                        "[aware,tegh-az,tegh-am]10:15-11:20=CONFIRMED [nerkin]17:40-18:05=UNVERIFIED",
                        unknownStance("aware", "2024-04-11T09:00", "Tegh"), TEGH_AZ, TEGH_AM, NERKIN),
                row("whole-day statements alone still form a whole-day incident",
                        "[aware,relay]00:00-23:59=UNVERIFIED",
                        unknownStance("aware", "2024-04-11T09:00", "Tegh"), relayDenial("relay", "2024-04-11T16:00",
                                "Tegh")),
                row("a precise claim in between still bridges the two sessions (the session gap, as before)",
                        "[tegh-az,tegh-am,between,nerkin]10:15-18:05=CONFIRMED",
                        TEGH_AZ, TEGH_AM, NERKIN, precise(AZ_MOD, "between", Party.AM, "2024-04-11T14:30",
                                "2024-04-11T14:30", "2024-04-11T21:00", null, null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sessions")
    void reportsThatSayNothingOfTheHourNeitherBridgeNorWidenSessions(String name, String expected,
                                                                    List<IncidentReport> reports) {
        assertThat(describe(run(reports), reports)).isEqualTo(expected);
    }

    static Stream<Arguments> confirmations() {
        return Stream.of(
                row("a confirmation at about 11:00 near Tegh does not confirm the evening at Nerkin Hand",
                        "[tegh-az,heard]10:15-10:15=CONFIRMED [nerkin,nerkin-denial]17:40-18:05=DISPUTED",
                        TEGH_AZ, NERKIN, NERKIN_DENIAL, confirmation("heard", TimePrecision.MINUTE, "2024-04-11T11:00",
                                "Tegh", true)),
                row("the same through its coverage alone (no answers)",
                        "[tegh-az]10:15-10:15=CONFIRMED [nerkin,nerkin-denial]17:40-18:05=DISPUTED",
                        TEGH_AZ, NERKIN, NERKIN_DENIAL, confirmation("heard", TimePrecision.MINUTE, "2024-04-11T11:00",
                                "Tegh", false)),
                row("a confirmation at about 11 o'clock naming no place confirms claims within the session gap of it only",
                        "[tegh-az]10:15-10:15=CONFIRMED [nerkin,nerkin-denial]17:40-18:05=DISPUTED",
                        TEGH_AZ, NERKIN, NERKIN_DENIAL, confirmation("heard", TimePrecision.HOUR, "2024-04-11T11:00",
                                null, false)),
                row("a confirmation at 12:00 naming no place confirms the evening, within six hours of it",
                        "[tegh-az]10:15-10:15=CONFIRMED [nerkin,nerkin-denial]17:40-18:05=CONFIRMED",
                        TEGH_AZ, NERKIN, NERKIN_DENIAL, confirmation("heard", TimePrecision.MINUTE, "2024-04-11T12:00",
                                null, false)),
                row("a confirmation dated only to the day, near Tegh, confirms the claims about Tegh",
                        "[tegh-az]10:15-10:15=CONFIRMED [nerkin,nerkin-denial]17:40-18:05=DISPUTED",
                        TEGH_AZ, NERKIN, NERKIN_DENIAL, confirmation("heard", TimePrecision.DAY, null, "Tegh", false)),
                row("a confirmation dated only to the day, naming no place, confirms every claim of the day",
                        "[tegh-az]10:15-10:15=CONFIRMED [nerkin,nerkin-denial]17:40-18:05=CONFIRMED",
                        TEGH_AZ, NERKIN, NERKIN_DENIAL, confirmation("heard", TimePrecision.DAY, null, null, false)),
                row("a confirmation dated to the day naming a place no claim names confirms every claim it fits",
                        "[tegh-az]10:15-10:15=CONFIRMED [nerkin,nerkin-denial]17:40-18:05=CONFIRMED",
                        TEGH_AZ, NERKIN, NERKIN_DENIAL, confirmation("heard", TimePrecision.DAY, null, "Kornidzor",
                                false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("confirmations")
    void aConfirmationConfirmsWhatItsOwnTimeAndPlaceFit(String name, String expected, List<IncidentReport> reports) {
        assertThat(describe(run(reports), reports)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void theConfirmationsSentenceSaysWhatItConfirmedWhereAndWhen() {
        ClassifierEngine engine = run(List.of(TEGH_AZ, confirmation("heard", TimePrecision.MINUTE,
                "2024-04-11T11:00", "Tegh", false)));
        Assessment a = engine.state().incidents.get(0).last;
        assertThat(a.rationale()).contains("EUMA confirmed on 2024-04-12 10:00 +04:00 small-arms fire at 2024-04-11"
                + " 11:00 +04:00 near Tegh in SYUNIK_EAST, without saying who acted.");
        assertThat(a.rationale()).noneMatch(s -> s.contains("hostile action in SYUNIK_EAST on 2024-04-11"));
    }

    /**
     * An observed period of hours (ingest reads an observer's "in the evening" as 18:00-24:00) is written with its
     * times: "from 2024-04-11 to 2024-04-11" said the observer had watched the whole day.
     */
    @ParameterizedTest(name = "{0} to {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "2024-04-11T00:00 | 2024-04-11T23:59:59 | on 2024-04-11",
            "2024-04-11T00:00 | 2024-04-12T00:00    | from 2024-04-11 to 2024-04-12",
            "2024-04-11T00:00 | 2024-04-12T23:59:59 | from 2024-04-11 to 2024-04-12",
            "2024-04-11T18:00 | 2024-04-11T23:59:59 | from 2024-04-11 18:00 +04:00 to 2024-04-11 23:59 +04:00",
            "2024-04-11T10:00 | 2024-04-11T12:00    | from 2024-04-11 10:00 +04:00 to 2024-04-11 12:00 +04:00"})
    void anObservedPeriodOfHoursIsWrittenWithItsTimes(String from, String to, String expected) {
        assertThat(org.borderwatch.classifier.verdict.Sentences.period(at(from), at(to))).isEqualTo(expected);
    }

    private static java.time.OffsetDateTime at(String local) {
        return java.time.OffsetDateTime.parse(local + (local.length() == 16 ? ":00" : "") + "+04:00");
    }

    /**
     * Finding 9: the action was presented as retaliation, not the statement; since the staff review (B9) the sentence
     * says whose action (the reporting side's response) and that no second claim stands behind it.
     */
    @org.junit.jupiter.api.Test
    void theRetaliationSignalSaysTheActionWasPresentedAsRetaliation() {
        IncidentReport framed = claim(AZ_MOD, "response", Party.AM, "2024-04-11T17:40", "2024-04-11T20:00",
                SYUNIK_EAST).occurredUntil(t("2024-04-11T18:05")).timePrecision(TimePrecision.MINUTE)
                .location(place("Nerkin Hand", "Nerkin Hand")).retaliation(true).build();
        Assessment a = run(List.of(framed)).state().incidents.get(0).last;
        assertThat(a.signals()).singleElement().satisfies(s -> assertThat(s.rationale()).isEqualTo(
                "AZ MoD said the Azerbaijani side responded and presented that response as retaliation (statement of"
                        + " 2024-04-11 20:00 +04:00). Raised by this framing alone: no claim by the other side in this"
                        + " or a neighbouring segment precedes it within 48 hours."));
    }

    /** Each row: the sentence of the 12:30 denial in the incident of the morning's claim. */
    static Stream<Arguments> publication() {
        IncidentReport morningDenial = denial(AM_MOD, "denial", "2024-04-11T12:30", Party.AZ, "2024-04-11",
                "2024-04-11", SYUNIK_EAST).build();
        String tail = " on 2024-04-11 12:30 +04:00 (answering Azerbaijan's claims about 2024-04-11 in SYUNIK_EAST).";
        String morning = "AM MoD denied AZ MoD's claim about 2024-04-11 10:15 +04:00 near Digh (Tegh)" + tail;
        return Stream.of(
                row("a claim published after the denial about the morning is answered", "AM MoD denied it" + tail,
                        morningDenial, TEGH_AZ),
                row("a claim published the next day about the whole day is not answered by the 12:30 denial",
                        morning, morningDenial, TEGH_AZ, dayClaim("mfa", "2024-04-12T12:00", null, null)),
                row("a claim about the afternoon, after the denial spoke, is not answered by it", morning,
                        morningDenial, TEGH_AZ, precise(AZ_MOD, "later", Party.AM, "2024-04-11T14:00",
                                "2024-04-11T14:00", "2024-04-11T15:00", null, null)),
                row("a claim about the morning published after the denial, beside another, is answered",
                        "AM MoD denied them" + tail, morningDenial, TEGH_AZ, precise(AZ_MOD, "also", Party.AM,
                                "2024-04-11T10:40", "2024-04-11T10:40", "2024-04-11T15:00", null, null)),
                row("a whole-day claim published before the denial is answered as before", "AM MoD denied them" + tail,
                        dayClaim("early", "2024-04-11T11:00", null, null), TEGH_AZ, morningDenial));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publication")
    void aResponseAnswersNoClaimAboutEventsAfterItsPublication(String name, String expected,
                                                              List<IncidentReport> reports) {
        ClassifierEngine engine = run(reports);
        UUID denialId = reports.stream().filter(r -> r.sourceRef().equals("denial")).findFirst().orElseThrow()
                .reportId();
        assertThat(engine.state().incidents).filteredOn(i -> i.has(denialId)).singleElement()
                .satisfies(i -> assertThat(i.last.rationale()).filteredOn(x -> x.startsWith("AM MoD denied"))
                        .containsExactly(expected));
    }

    private static ClassifierEngine run(List<IncidentReport> reports) {
        ClassifierEngine engine = ClassifierEngine.withDefaults();
        reports.forEach(engine::process);
        return engine;
    }

    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

    private static String describe(ClassifierEngine engine, List<IncidentReport> reports) {
        Map<UUID, String> refs = new HashMap<>();
        reports.forEach(r -> refs.put(r.reportId(), r.sourceRef()));
        List<IncidentState> all = new ArrayList<>(engine.state().incidents);
        all.addAll(engine.state().closed);
        return all.stream().sorted(Comparator.comparingLong(i -> i.seq))
                .map(i -> i.members.stream().map(Membership::reportId).map(refs::get)
                        .collect(Collectors.joining(",", "[", "]")) + HM.format(BorderTime.local(i.from)) + "-"
                        + HM.format(BorderTime.local(i.to)) + "=" + i.last.occurrence())
                .collect(Collectors.joining(" "));
    }

    private static Arguments row(String name, String expected, IncidentReport... reports) {
        return Arguments.of(name, expected, List.of(reports));
    }

    private static Location place(String settlement, String written) {
        return new Location(List.of(SYUNIK_EAST), false, settlement, written, null, null);
    }

    private static IncidentReport precise(Source source, String ref, Party acting, String from, String until,
                                          String published, String settlement, String written) {
        return claim(source, ref, acting, from, published, SYUNIK_EAST).occurredUntil(t(until))
                .timePrecision(TimePrecision.MINUTE)
                .location(settlement == null ? Location.of(SYUNIK_EAST) : place(settlement, written)).build();
    }

    /** Azerbaijan's Foreign Ministry on "yesterday's provocations" (11 April, the whole day). */
    private static IncidentReport dayClaim(String ref, String published, String settlement, String written) {
        return claim(AZ_MFA, ref, Party.AM, "2024-04-11T00:00", published, SYUNIK_EAST)
                .occurredUntil(t("2024-04-12").minusSeconds(1)).timePrecision(TimePrecision.DAY)
                .eventTypes(EventType.OTHER)
                .location(settlement == null ? Location.of(SYUNIK_EAST) : place(settlement, written)).build();
    }

    private static IncidentReport unknownStance(String ref, String published, String settlement) {
        return base(EUMA, ref, Stance.UNKNOWN, published).occurredAt(t("2024-04-11T00:00"))
                .occurredUntil(t("2024-04-12").minusSeconds(1)).timePrecision(TimePrecision.DAY)
                .location(place(settlement, settlement)).build();
    }

    private static IncidentReport relayDenial(String ref, String published, String settlement) {
        return base(REUTERS, ref, Stance.DENIAL, published).occurredAt(t("2024-04-11T00:00"))
                .occurredUntil(t("2024-04-12").minusSeconds(1)).timePrecision(TimePrecision.UNKNOWN)
                .actingParty(Party.AZ).location(place(settlement, settlement))
                .answers(new Answers(List.of(), null, null, null, List.of(SYUNIK_EAST))).build();
    }

    /**
     * EUMA's confirmation published on 12 April, its coverage the whole of 11 April in SYUNIK_EAST (as ingest gives
     * it); with {@code at} its own event time (MINUTE or HOUR), else dated to the day; {@code answering} adds answers
     * over the day, as ingest writes them too.
     */
    private static IncidentReport confirmation(String ref, TimePrecision precision, String at, String settlement,
                                               boolean answering) {
        IncidentReport.Builder b = base(EUMA, ref, Stance.CONFIRMATION, "2024-04-12T10:00")
                .eventTypes(EventType.SMALL_ARMS_FIRE).timePrecision(precision)
                .occurredAt(t(at == null ? "2024-04-11T00:00" : at))
                .occurredUntil(at == null ? t("2024-04-12").minusSeconds(1) : t(at))
                .location(settlement == null ? Location.of(SYUNIK_EAST) : place(settlement, settlement))
                .coverage(new Coverage(t("2024-04-11"), t("2024-04-12").minusSeconds(1), List.of(SYUNIK_EAST)));
        if (answering) {
            b.answers(new Answers(List.of(), null, t("2024-04-11"), t("2024-04-12").minusSeconds(1),
                    List.of(SYUNIK_EAST)));
        }
        return b.build();
    }
}
