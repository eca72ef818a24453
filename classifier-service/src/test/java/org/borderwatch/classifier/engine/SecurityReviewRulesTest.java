package org.borderwatch.classifier.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.classifier.TestReports.AM_MOD;
import static org.borderwatch.classifier.TestReports.AZ_MOD;
import static org.borderwatch.classifier.TestReports.claim;
import static org.borderwatch.classifier.TestReports.denial;
import static org.borderwatch.classifier.TestReports.killed;
import static org.borderwatch.common.model.BorderSegment.GEGHARKUNIK;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.borderwatch.classifier.signal.ClaimRecord;
import org.borderwatch.classifier.verdict.Sentences;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.Casualties;
import org.borderwatch.common.model.EventType;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Location;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.SignalType;
import org.borderwatch.common.model.Source;
import org.borderwatch.common.model.SourceKind;
import org.borderwatch.common.model.TimePrecision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The classifier's part of the security review of 23 November 2026: F2 (a publisher the source registry does not know,
 * which any partner key may send, raised a CRITICAL alert with five dead on its own) and F11 (partner free text with
 * line breaks copied verbatim into the rationale).
 */
class SecurityReviewRulesTest {

    /** What ingest gives a statement of a publisher its registry does not know. */
    static final Source BORDER_DAILY = new Source("unregistered/border-daily-news", "Border Daily News",
            SourceKind.OTHER, Party.UNKNOWN);
    static final String BORDER_DAILY_NAMED = "Border Daily News (unregistered publisher)";

    private final ClassifierEngine engine = ClassifierEngine.withDefaults();

    private List<Assessment> feed(List<IncidentReport> reports) {
        List<Assessment> out = new ArrayList<>();
        reports.forEach(r -> out.addAll(engine.process(r).assessments()));
        return out;
    }

    private static IncidentReport.Builder shelling(Source source, String ref, String at, String published) {
        return claim(source, ref, Party.AZ, at, published, GEGHARKUNIK).timePrecision(TimePrecision.MINUTE)
                .eventTypes(EventType.MORTAR_ARTILLERY)
                .location(Location.of(GEGHARKUNIK));
    }

    static Stream<Arguments> unregistered() {
        IncidentReport fabricated = shelling(BORDER_DAILY, "bd-1", "2026-04-02T08:10", "2026-04-02T11:00")
                .casualties(killed(5, 0, Party.AM)).build();
        IncidentReport registeredLater = claim(AM_MOD, "am-1", Party.AZ, "2026-04-02T08:30", "2026-04-02T13:00",
                GEGHARKUNIK).timePrecision(TimePrecision.MINUTE).build();
        IncidentReport registeredOneDead = claim(AM_MOD, "am-2", Party.AZ, "2026-04-02T08:30", "2026-04-02T13:00",
                GEGHARKUNIK).timePrecision(TimePrecision.MINUTE).casualties(killed(1, 0, Party.AM)).build();
        IncidentReport registeredShelling = shelling(AM_MOD, "am-3", "2026-04-02T08:30", "2026-04-02T13:00")
                .casualties(killed(3, 0, Party.AM)).build();
        return Stream.of(
                Arguments.of("alone: no dead counted, no heavy weapons, no fatalities, not above LOW",
                        List.of(fabricated), List.of(), List.of(), Severity.LOW),
                Arguments.of("a registered claim joins: only the registered figures count (none)",
                        List.of(fabricated, registeredLater), List.of(), List.of(), Severity.LOW),
                Arguments.of("a registered side's one dead count, the unregistered five neither add nor lower",
                        List.of(fabricated, registeredOneDead), List.of(new Casualties(1, 0, Party.AM)),
                        List.of(SignalType.FATALITIES), Severity.HIGH),
                Arguments.of("a registered claim of shelling with three dead: CRITICAL as always",
                        List.of(fabricated, registeredShelling), List.of(new Casualties(3, 0, Party.AM)),
                        List.of(SignalType.FATALITIES, SignalType.HEAVY_WEAPONS), Severity.CRITICAL),
                Arguments.of("the same registered claim alone: the same outcome",
                        List.of(registeredShelling), List.of(new Casualties(3, 0, Party.AM)),
                        List.of(SignalType.FATALITIES, SignalType.HEAVY_WEAPONS), Severity.CRITICAL));
    }

    @ParameterizedTest(name = "F2: {0}")
    @MethodSource("unregistered")
    void anUnregisteredPublisherCountsForNoCasualtiesWeaponsOrSeverity(String name, List<IncidentReport> in,
                                                                        List<Casualties> casualties,
                                                                        List<SignalType> signals, Severity severity) {
        List<Assessment> out = feed(in);
        Assessment a = out.get(out.size() - 1);
        assertThat(a.casualties()).containsExactlyElementsOf(casualties);
        assertThat(a.signals()).extracting(s -> s.type()).containsExactlyInAnyOrderElementsOf(signals);
        assertThat(a.severity()).isEqualTo(severity);
        assertThat(a.rationale()).noneMatch(s -> s.startsWith("Sources differ"));
        if (in.stream().anyMatch(r -> r.source() == BORDER_DAILY)) {
            assertThat(a.rationale()).anyMatch(s -> s.startsWith(BORDER_DAILY_NAMED + " claimed "));
            assertThat(a.rationale()).contains(BORDER_DAILY_NAMED + " gives 5 killed, 0 wounded (statement of 2026-04-02 11:00 "
                    + "+04:00): not counted, as the source registry does not know it; only registered sources' figures "
                    + "count.");
            assertThat(a.evidence()).anyMatch(e -> e.source().equals(BORDER_DAILY));
        }
    }

    static Stream<Arguments> surges() {
        return Stream.of(Arguments.of("an unregistered publisher's four claims in four days", BORDER_DAILY, false),
                Arguments.of("a registered ministry's four claims in four days", AZ_MOD, true));
    }

    @ParameterizedTest(name = "F2: {0}")
    @MethodSource("surges")
    void anUnregisteredPublisherMakesNoClaimSurge(String name, Source source, boolean surge) {
        List<IncidentReport> in = new ArrayList<>();
        for (int day = 10; day <= 13; day++) {
            in.add(claim(source, "surge-" + day, Party.AM, "2026-04-" + day + "T03:00", "2026-04-" + day + "T09:00",
                    GEGHARKUNIK).timePrecision(TimePrecision.MINUTE).build());
        }
        List<Assessment> out = feed(in);
        assertThat(out.stream().anyMatch(a -> a.hasSignal(SignalType.CLAIM_SURGE))).isEqualTo(surge);
    }

    static Stream<Arguments> caps() {
        IncidentReport unreg = shelling(BORDER_DAILY, "c-1", "2026-04-02T08:10", "2026-04-02T11:00").build();
        IncidentReport reg = shelling(AZ_MOD, "c-2", "2026-04-02T08:10", "2026-04-02T11:00").build();
        IncidentReport regDenial = denial(AM_MOD, "c-3", "2026-04-02T14:00", Party.AZ, "2026-04-02", "2026-04-02",
                GEGHARKUNIK).build();
        return Stream.of(
                Arguments.of("only unregistered claims, HIGH by the rules", Severity.HIGH, List.of(unreg),
                        Severity.MEDIUM),
                Arguments.of("only unregistered claims, CRITICAL by the rules", Severity.CRITICAL, List.of(unreg),
                        Severity.MEDIUM),
                Arguments.of("a registered side's denial is no claim or confirmation", Severity.HIGH,
                        List.of(unreg, regDenial), Severity.MEDIUM),
                Arguments.of("a registered claim beside it", Severity.CRITICAL, List.of(unreg, reg), Severity.CRITICAL),
                Arguments.of("registered only", Severity.HIGH, List.of(reg), Severity.HIGH),
                Arguments.of("MEDIUM stays MEDIUM", Severity.MEDIUM, List.of(unreg), Severity.MEDIUM),
                Arguments.of("LOW stays LOW", Severity.LOW, List.of(unreg), Severity.LOW));
    }

    @ParameterizedTest(name = "F2 cap: {0}")
    @MethodSource("caps")
    void anIncidentOnlyUnregisteredPublishersSpeakForStaysAtMostMedium(String name, Severity byRules,
                                                                      List<IncidentReport> statements,
                                                                      Severity expected) {
        assertThat(Assessor.capUnregistered(byRules, statements)).isEqualTo(expected);
    }

    /** Signals its claim raises with other incidents (a calm broken, a spread over three segments) stop at MEDIUM. */
    @org.junit.jupiter.api.Test
    void signalsAnUnregisteredClaimRaisesKeepItsIncidentAtMedium() {
        for (String day : List.of("10", "15", "20")) {
            feed(List.of(claim(AZ_MOD, "before-" + day, Party.AM, "2026-02-" + day + "T03:00", "2026-02-" + day
                    + "T09:00", GEGHARKUNIK).timePrecision(TimePrecision.MINUTE).build()));
        }
        List<Assessment> out = feed(List.of(claim(BORDER_DAILY, "front", Party.AZ, "2026-04-02T08:10",
                "2026-04-02T11:00", GEGHARKUNIK, org.borderwatch.common.model.BorderSegment.SYUNIK_EAST,
                org.borderwatch.common.model.BorderSegment.TAVUSH).timePrecision(TimePrecision.MINUTE).build()));
        Assessment gegharkunik = out.stream().filter(a -> a.segment() == GEGHARKUNIK && !a.closed())
                .reduce((x, y) -> y).orElseThrow();
        assertThat(gegharkunik.signals()).extracting(x -> x.type())
                .contains(SignalType.SPREAD, SignalType.QUIET_BROKEN);
        assertThat(gegharkunik.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(gegharkunik.rationale()).contains(Assessor.UNREGISTERED_ONLY + "HIGH.");
    }

    @org.junit.jupiter.api.Test
    void aLateReportOfAnUnregisteredPublisherIsAssessedAloneWithoutItsFigures() {
        feed(List.of(claim(AZ_MOD, "now", Party.AM, "2026-04-20T03:00", "2026-04-20T09:00", GEGHARKUNIK).build()));
        Assessment late = feed(List.of(shelling(BORDER_DAILY, "late", "2026-04-02T08:10", "2026-04-02T11:00")
                .casualties(killed(5, 0, Party.AM)).build())).get(0);
        assertThat(late.closed()).isTrue();
        assertThat(late.casualties()).isEmpty();
        assertThat(late.severity()).isEqualTo(Severity.LOW);
        assertThat(late.occurrence()).isEqualTo(Occurrence.UNVERIFIED);
    }

    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of("a line break forging a line", "Evil\nOccurrence CONFIRMED by EUMA",
                        "Evil Occurrence CONFIRMED by EUMA"),
                Arguments.of("CR LF, tabs and runs of spaces", " Evil \r\n\tNews   Agency ", "Evil News Agency"),
                Arguments.of("a right-to-left override and a zero-width space", "Ministry\u202E of\u200B Defence",
                        "Ministry of Defence"),
                Arguments.of("other control characters", "Bell\u0007 and\u0000 null", "Bell and null"),
                Arguments.of("a line or paragraph separator", "One\u2028Two\u2029Three", "One Two Three"),
                Arguments.of("an ordinary name", "Ministry of Defence of Armenia", "Ministry of Defence of Armenia"),
                Arguments.of("longer than 200 characters", "N".repeat(250), "N".repeat(199) + "\u2026"));
    }

    @ParameterizedTest(name = "F11: {0}")
    @MethodSource("names")
    void aPublishersNameIsPrintedOnOneLineWithoutControlCharacters(String name, String given, String printed) {
        Source registered = new Source("am-mod", given, SourceKind.PARTY_OFFICIAL, Party.AM);
        assertThat(Sentences.who(registered)).isEqualTo(printed);
        Source unknown = new Source("unregistered/x", given, SourceKind.OTHER, Party.UNKNOWN);
        assertThat(Sentences.who(unknown)).isEqualTo(printed + " (unregistered publisher)");
        ClaimRecord remembered = new ClaimRecord(java.util.UUID.randomUUID(), "unregistered/x", given, Party.UNKNOWN,
                Party.AM, List.of(GEGHARKUNIK), org.borderwatch.classifier.TestReports.t("2026-04-02T08:00"),
                org.borderwatch.classifier.TestReports.t("2026-04-02T09:00"), Occurrence.UNVERIFIED,
                org.borderwatch.classifier.TestReports.t("2026-04-02T08:00"));
        assertThat(remembered.who()).isEqualTo(printed + " (unregistered publisher)");
        // and in the rationale the engine writes: one line per sentence
        Assessment a = feed(List.of(claim(unknown, "n", Party.AZ, "2026-04-02T08:00", "2026-04-02T09:00",
                GEGHARKUNIK).location(new Location(List.of(GEGHARKUNIK), false, "Sotk", "Sotk\n\u202Evillage", null, null))
                .build())).get(0);
        assertThat(a.rationale()).allSatisfy(s -> assertThat(s).doesNotContainPattern("[\\p{Cc}\\p{Cf}\\u2028\\u2029]"));
        assertThat(a.rationale().get(0)).startsWith(printed + " (unregistered publisher) claimed");
    }
}
