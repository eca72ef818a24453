package org.borderwatch.classifier.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.classifier.TestReports.AM_MOD;
import static org.borderwatch.classifier.TestReports.AZ_MOD;
import static org.borderwatch.classifier.TestReports.CALENDAR;
import static org.borderwatch.classifier.TestReports.EUMA;
import static org.borderwatch.classifier.TestReports.base;
import static org.borderwatch.classifier.TestReports.claim;
import static org.borderwatch.classifier.TestReports.observer;
import static org.borderwatch.classifier.TestReports.t;
import static org.borderwatch.common.model.BorderSegment.SYUNIK_EAST;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.borderwatch.classifier.correlation.IncidentState;
import org.borderwatch.classifier.verdict.VerdictRules;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.Coverage;
import org.borderwatch.common.model.EventType;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Location;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Signal;
import org.borderwatch.common.model.SignalType;
import org.borderwatch.common.model.Source;
import org.borderwatch.common.model.SourceKind;
import org.borderwatch.common.model.Stance;
import org.borderwatch.common.model.TimePrecision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The classifier's findings of the staff review of 23 November 2026 (a week of the reviewer's own statements about
 * 17–22 November), each table failing on the code before the fix:
 * <ul>
 *   <li>B9 — the retaliation framing belongs to the reporting side's own response, not to the act it accuses the
 *       other side of; the signal says when it is raised by the framing alone;</li>
 *   <li>B10 — a CONFIRMED by both sides' accounts says that no independent observer has spoken (or confirmed);</li>
 *   <li>B11 — a claim surge on a classifier whose history does not reach back over the baseline says so;</li>
 *   <li>B13 — an observer's confirmation whose stated time does not contain the claim's time says so.</li>
 * </ul>
 * (A2b, the wounded figure a follow-up does not give, is in {@code CasualtyRulesTest}.)
 */
class StaffReviewRulesTest {

    private static final Source NEWS_AM = new Source("news-am", "news.am", SourceKind.MEDIA, Party.AM);
    private static final String FRAMING_ALONE = " Raised by this framing alone: no claim by the other side in this or a"
            + " neighbouring segment precedes it within 48 hours.";

    static Stream<Arguments> retaliation() {
        IncidentReport accusation = precise(AZ_MOD, "sotk", Party.AM, "2026-11-17T06:40", "2026-11-17T09:00")
                .retaliation(true).build();
        IncidentReport selfReport = precise(AZ_MOD, "op", Party.AZ, "2026-11-17T06:40", "2026-11-17T09:00")
                .retaliation(true).build();
        IncidentReport earlier = precise(AM_MOD, "am-first", Party.AZ, "2026-11-16T22:00", "2026-11-16T23:00").build();
        IncidentReport relay = precise(NEWS_AM, "relay", Party.AM, "2026-11-17T06:40", "2026-11-17T09:00")
                .retaliation(true).build();
        IncidentReport record = precise(org.borderwatch.classifier.TestReports.ACLED, "record", Party.AM,
                "2026-11-17T06:40", "2026-11-17T09:00").retaliation(true).build();
        return Stream.of(
                Arguments.of("a dataset's record framed as retaliation: recorded, and whose response it does not say",
                        List.of(record),
                        "ACLED recorded small-arms fire by Armenian forces at 2026-11-17 06:40 +04:00 near Tegh "
                                + "(SYUNIK_EAST); it reports that a side presented its action as retaliation (the "
                                + "report does not say which side) (published 2026-11-17 09:00 +04:00).",
                        "ACLED reported that a side presented its action as retaliation (the report does not say "
                                + "which side) (statement of 2026-11-17 09:00 +04:00)." + FRAMING_ALONE),
                Arguments.of("an accusation framed as retaliation: its side responded", List.of(accusation),
                        "AZ MoD claimed small-arms fire by Armenian forces at 2026-11-17 06:40 +04:00 near Tegh "
                                + "(SYUNIK_EAST); it said the Azerbaijani side responded and presented that response"
                                + " as retaliation (published 2026-11-17 09:00 +04:00).",
                        "AZ MoD said the Azerbaijani side responded and presented that response as retaliation "
                                + "(statement of 2026-11-17 09:00 +04:00)." + FRAMING_ALONE),
                Arguments.of("a self-report framed as retaliation: its own action", List.of(selfReport),
                        "AZ MoD reported small-arms fire by its own forces at 2026-11-17 06:40 +04:00 near Tegh "
                                + "(SYUNIK_EAST), presenting it as retaliation (published 2026-11-17 09:00 +04:00).",
                        "AZ MoD presented its own forces' action as retaliation (statement of 2026-11-17 09:00 +04:00)."
                                + FRAMING_ALONE),
                Arguments.of("a side's media relaying the other side's framed accusation: that side responded",
                        List.of(relay),
                        "news.am claimed small-arms fire by Armenian forces at 2026-11-17 06:40 +04:00 near Tegh "
                                + "(SYUNIK_EAST); it said the Azerbaijani side responded and presented that response"
                                + " as retaliation (published 2026-11-17 09:00 +04:00).",
                        "news.am said the Azerbaijani side responded and presented that response as retaliation "
                                + "(statement of 2026-11-17 09:00 +04:00)." + FRAMING_ALONE),
                Arguments.of("a framing behind which the other side's earlier claim stands names the cycle",
                        List.of(earlier, accusation),
                        "AZ MoD claimed small-arms fire by Armenian forces at 2026-11-17 06:40 +04:00 near Tegh "
                                + "(SYUNIK_EAST); it said the Azerbaijani side responded and presented that response"
                                + " as retaliation (published 2026-11-17 09:00 +04:00).",
                        "AZ MoD said the Azerbaijani side responded and presented that response as retaliation "
                                + "(statement of 2026-11-17 09:00 +04:00). AM MoD's claim about 2026-11-16 22:00 +04:00"
                                + " in SYUNIK_EAST was followed within 48 hours by AZ MoD's claim about 2026-11-17"
                                + " 06:40 +04:00 in SYUNIK_EAST."));
    }

    /** B9: the rationale attributes the retaliation to the reporting side; the signal stays (the contract). */
    @ParameterizedTest(name = "{0}")
    @MethodSource
    void retaliation(String name, List<IncidentReport> reports, String sentence, String signal) {
        Assessment a = last(run(reports), "2026-11-17T06:40");
        assertThat(a.rationale()).as(name).contains(sentence);
        assertThat(a.rationale()).as(name).noneMatch(s -> s.contains("presented as retaliation"));
        assertThat(a.signals()).as(name).filteredOn(s -> s.type() == SignalType.RETALIATION_CYCLE)
                .singleElement().extracting(Signal::rationale).isEqualTo(signal);
    }

    static Stream<Arguments> mutualAccusation() {
        IncidentReport az = precise(AZ_MOD, "az", Party.AM, "2026-11-19T06:40", "2026-11-19T09:00").build();
        IncidentReport am = precise(AM_MOD, "am", Party.AZ, "2026-11-19T06:50", "2026-11-19T10:00").build();
        IncidentReport confirmed = base(EUMA, "euma-c", Stance.CONFIRMATION, "2026-11-19T15:00")
                .occurredAt(t("2026-11-19T00:00")).occurredUntil(t("2026-11-20").minusSeconds(1))
                .timePrecision(TimePrecision.DAY).location(Location.of(SYUNIK_EAST))
                .coverage(new Coverage(t("2026-11-19"), t("2026-11-20").minusSeconds(1), List.of(SYUNIK_EAST))).build();
        IncidentReport refuted = observer(EUMA, "euma-r", Stance.REFUTATION, "2026-11-19T15:00", "2026-11-19",
                "2026-11-19", SYUNIK_EAST).build();
        String both = "both sides report hostile action in SYUNIK_EAST, each blaming the other";
        return Stream.of(
                Arguments.of("no observer has spoken", List.of(az, am),
                        "Occurrence CONFIRMED by both sides' accounts: " + both
                                + "; no independent observer has spoken."),
                Arguments.of("an observer saw nothing", List.of(az, am, refuted),
                        "Occurrence CONFIRMED by both sides' accounts: " + both
                                + "; no independent observer confirms it."),
                Arguments.of("an observer confirms", List.of(az, am, confirmed), "Also, " + both + "."));
    }

    /** B10: CONFIRMED by both sides' accounts (the contract's rule) reads differently from an observer's word. */
    @ParameterizedTest(name = "{0}")
    @MethodSource
    void mutualAccusation(String name, List<IncidentReport> statements, String sentence) {
        var verdict = VerdictRules.decide(SYUNIK_EAST, statements, s -> 0.5);
        assertThat(verdict.occurrence()).as(name).isEqualTo(Occurrence.CONFIRMED);
        assertThat(verdict.reasons()).as(name).contains(sentence);
    }

    static Stream<Arguments> shortBaseline() {
        return Stream.of(
                Arguments.of("nothing heard before the first claim", null,
                        "; but the classifier has no reports before 2026-11-17 09:00 +04:00, so that baseline covers"
                                + " only 0 of its 28 days."),
                Arguments.of("ten days heard before the surge window", "2026-11-02T06:00",
                        "; but the classifier has no reports before 2026-11-02 06:00 +04:00, so that baseline covers"
                                + " only 10 of its 28 days."),
                Arguments.of("history over the whole baseline", "2026-10-01T10:00", " over the 4 weeks before."));
    }

    /** B11: the surge fires as before; its sentence says how much of the baseline the classifier heard. */
    @ParameterizedTest(name = "{0}")
    @MethodSource
    void shortBaseline(String name, String firstHeard, String ending) {
        List<IncidentReport> reports = new ArrayList<>();
        if (firstHeard != null) {
            reports.add(base(CALENDAR, "milestone", Stance.CLAIM, firstHeard).eventTypes(EventType.OTHER)
                    .location(Location.unresolved("Brussels")).build());
        }
        for (int day = 17; day <= 19; day++) {
            reports.add(precise(AZ_MOD, "c" + day, Party.AM, "2026-11-" + day + "T06:40", "2026-11-" + day + "T09:00")
                    .build());
        }
        Assessment a = last(run(reports), "2026-11-19T06:40");
        assertThat(a.signals()).as(name).filteredOn(s -> s.type() == SignalType.CLAIM_SURGE).singleElement()
                .extracting(Signal::rationale).asString()
                .contains("against a weekly average of 0.0 over the 4 weeks before").endsWith(ending);
    }

    static Stream<Arguments> confirmationTime() {
        IncidentReport inside = precise(AM_MOD, "inside", Party.AZ, "2026-11-19T03:00", "2026-11-19T09:00").build();
        IncidentReport near = precise(AM_MOD, "near", Party.AZ, "2026-11-19T06:40", "2026-11-19T09:00").build();
        IncidentReport far = precise(AM_MOD, "far", Party.AZ, "2026-11-19T12:30", "2026-11-19T13:00").build();
        String covers = "EUMA's statement of 2026-11-19 15:00 +04:00 covers from 2026-11-19 00:00 +04:00 to 2026-11-19"
                + " 06:00 +04:00; AM MoD's claim says ";
        return Stream.of(
                Arguments.of("the claim's time inside the confirmation's", List.of(inside), List.of()),
                Arguments.of("40 minutes after it: still confirms, and says so", List.of(near),
                        List.of(covers + "2026-11-19 06:40 +04:00, outside it (within the 6-hour session gap, so the"
                                + " confirmation still counts for it).")),
                Arguments.of("a claim of the same incident further away", List.of(near, far),
                        List.of(covers + "2026-11-19 06:40 +04:00, outside it (within the 6-hour session gap, so the"
                                        + " confirmation still counts for it).",
                                covers + "2026-11-19 12:30 +04:00, outside it (further than the 6-hour session gap: it"
                                        + " confirms another time).")));
    }

    /** B13: an observer's "early hours" (00:00–06:00) and a claim of 06:40: the rationale shows both times. */
    @ParameterizedTest(name = "{0}")
    @MethodSource
    void confirmationTime(String name, List<IncidentReport> claims, List<String> sentences) {
        List<IncidentReport> reports = new ArrayList<>(claims);
        reports.add(base(EUMA, "euma", Stance.CONFIRMATION, "2026-11-19T15:00").occurredAt(t("2026-11-19T00:00"))
                .occurredUntil(t("2026-11-19T06:00")).timePrecision(TimePrecision.HOUR)
                .eventTypes(EventType.MORTAR_ARTILLERY).location(Location.of(SYUNIK_EAST))
                .coverage(new Coverage(t("2026-11-19"), t("2026-11-20").minusSeconds(1), List.of(SYUNIK_EAST)))
                .build());
        Assessment a = last(run(reports), claims.get(0).occurredAt().toLocalDateTime().toString());
        assertThat(a.occurrence()).as(name).isEqualTo(Occurrence.CONFIRMED);
        assertThat(a.rationale().stream().filter(s -> s.contains("'s claim says ")).toList()).as(name)
                .containsExactlyElementsOf(sentences);
    }

    private static IncidentReport.Builder precise(Source source, String ref, Party acting, String at,
                                                  String published) {
        return claim(source, ref, acting, at, published, SYUNIK_EAST).timePrecision(TimePrecision.MINUTE)
                .location(new Location(List.of(SYUNIK_EAST), false, "Tegh", "Tegh", null, null));
    }

    private static ClassifierEngine run(List<IncidentReport> reports) {
        ClassifierEngine engine = ClassifierEngine.withDefaults();
        reports.forEach(engine::process);
        return engine;
    }

    /** The latest version of the incident whose window starts at {@code from} (local time, UTC+4). */
    private static Assessment last(ClassifierEngine engine, String from) {
        List<IncidentState> all = new ArrayList<>(engine.state().incidents);
        all.addAll(engine.state().closed);
        return all.stream().map(i -> i.last).filter(a -> a != null && a.window().from().isEqual(t(from)))
                .findFirst().orElseThrow(() -> new AssertionError("no incident from " + from + " in " + all.stream()
                        .map(i -> i.last == null ? "?" : i.last.window().from().toString()).toList()));
    }
}
