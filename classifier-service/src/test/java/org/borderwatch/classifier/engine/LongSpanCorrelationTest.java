package org.borderwatch.classifier.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.classifier.TestReports.AM_MOD;
import static org.borderwatch.classifier.TestReports.AZ_MOD;
import static org.borderwatch.classifier.TestReports.AZ_SBS;
import static org.borderwatch.classifier.TestReports.EUMA;
import static org.borderwatch.classifier.TestReports.claim;
import static org.borderwatch.classifier.TestReports.denial;
import static org.borderwatch.classifier.TestReports.observer;
import static org.borderwatch.classifier.TestReports.t;
import static org.borderwatch.common.model.BorderSegment.GEGHARKUNIK;
import static org.borderwatch.common.model.BorderSegment.SYUNIK_EAST;

import java.time.Duration;
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
import org.borderwatch.classifier.signal.Neighbours;
import org.borderwatch.common.model.Answers;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Source;
import org.borderwatch.common.model.Stance;
import org.borderwatch.common.model.TimePrecision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reports whose event interval is long — a ministry's summary "since 1 March the other side violated the ceasefire 12
 * times" (1 March to the day of publication), "over the past week" — say nothing about when within that period
 * anything happened. Placed by time like a precise report, such a summary joined whatever session of precise reports
 * it overlapped and bridged sessions that had nothing to do with each other (their claims, verdicts, casualties and
 * sentences mixed in one incident). A report whose interval is longer than {@code classifier.correlation
 * .max-joining-span} (2 days) now neither joins nor bridges a session of precise reports: it joins only long-span
 * incidents whose period it overlaps, or forms its own; a response answers it when it cites it or answers a long
 * period itself; an observer's coverage applies to it as to any claim inside its period.
 *
 * <p>Each row: the reports in publication order, the maximum span, and every incident the engine knows (open and
 * closed, in creation order) as {@code SEGMENT[refs]=OCCURRENCE}.
 */
class LongSpanCorrelationTest {

    private static final Duration DEFAULT_SPAN = Duration.parse(ClassifierSettings.MAX_JOINING_SPAN);

    static Stream<Arguments> rows() {
        return Stream.of(
                row("a summary since 1 March does not join the open session it overlaps", DEFAULT_SPAN,
                        "SYUNIK_EAST[a]=UNVERIFIED SYUNIK_EAST[since]=UNVERIFIED",
                        az("a", "2025-03-14T10:00", "2025-03-14T12:00"),
                        summary(AZ_MOD, "since", "2025-03-01", "2025-03-14", "2025-03-15T09:00")),
                row("a weekly summary does not bridge two sessions of the week", DEFAULT_SPAN,
                        "SYUNIK_EAST[a]=UNVERIFIED SYUNIK_EAST[b]=UNVERIFIED SYUNIK_EAST[week]=UNVERIFIED",
                        az("a", "2025-03-10T10:00", "2025-03-10T12:00"),
                        az("b", "2025-03-12T10:00", "2025-03-12T12:00"),
                        summary(AZ_MOD, "week", "2025-03-10", "2025-03-16", "2025-03-17T09:00")),
                row("a precise claim published after the summary forms its own session", DEFAULT_SPAN,
                        "SYUNIK_EAST[week]=UNVERIFIED SYUNIK_EAST[c]=UNVERIFIED",
                        summary(AZ_MOD, "week", "2025-03-10", "2025-03-16", "2025-03-17T09:00"),
                        az("c", "2025-03-16T20:00", "2025-03-17T10:00")),
                row("a span of exactly the maximum still joins", DEFAULT_SPAN,
                        "SYUNIK_EAST[a,two-days]=UNVERIFIED",
                        az("a", "2025-03-14T10:00", "2025-03-14T12:00"),
                        span(AZ_MOD, "two-days", "2025-03-13T00:00", "2025-03-15T00:00", "2025-03-15T09:00")),
                row("a second longer than the maximum does not", DEFAULT_SPAN,
                        "SYUNIK_EAST[a]=UNVERIFIED SYUNIK_EAST[two-days+]=UNVERIFIED",
                        az("a", "2025-03-14T10:00", "2025-03-14T12:00"),
                        span(AZ_MOD, "two-days+", "2025-03-13T00:00", "2025-03-15T00:00:01", "2025-03-15T09:00")),
                row("a claim dated to two whole days joins as before", DEFAULT_SPAN,
                        "SYUNIK_EAST[a,12-13]=UNVERIFIED",
                        az("a", "2025-03-13T10:00", "2025-03-13T12:00"),
                        summary(AZ_MOD, "12-13", "2025-03-12", "2025-03-13", "2025-03-14T09:00")),
                row("overlapping summaries join each other, summaries of adjacent weeks do not", DEFAULT_SPAN,
                        "SYUNIK_EAST[week,since]=UNVERIFIED SYUNIK_EAST[next-week]=UNVERIFIED",
                        summary(AZ_MOD, "week", "2025-03-10", "2025-03-16", "2025-03-17T09:00"),
                        summary(AZ_SBS, "since", "2025-03-01", "2025-03-16", "2025-03-17T11:00"),
                        summary(AZ_MOD, "next-week", "2025-03-17", "2025-03-23", "2025-03-24T09:00")),
                row("a blanket denial of the week finds the summary and the claims of the week", DEFAULT_SPAN,
                        "SYUNIK_EAST[a,deny-week]=DISPUTED SYUNIK_EAST[week,deny-week]=DISPUTED",
                        az("a", "2025-03-12T10:00", "2025-03-12T12:00"),
                        summary(AZ_MOD, "week", "2025-03-10", "2025-03-16", "2025-03-17T09:00"),
                        denial(AM_MOD, "deny-week", "2025-03-17T13:00", Party.AZ, "2025-03-10", "2025-03-16",
                                SYUNIK_EAST).build()),
                row("a denial of one day's claim does not dispute the week's summary", DEFAULT_SPAN,
                        "SYUNIK_EAST[a,deny-12]=DISPUTED SYUNIK_EAST[week]=UNVERIFIED",
                        az("a", "2025-03-12T10:00", "2025-03-12T12:00"),
                        summary(AZ_MOD, "week", "2025-03-10", "2025-03-16", "2025-03-17T09:00"),
                        denial(AM_MOD, "deny-12", "2025-03-17T13:00", Party.AZ, "2025-03-12", "2025-03-12",
                                SYUNIK_EAST).build()),
                row("a short denial citing the summary answers it", DEFAULT_SPAN,
                        "SYUNIK_EAST[a]=UNVERIFIED SYUNIK_EAST[week,cites]=DISPUTED",
                        az("a", "2025-03-12T10:00", "2025-03-12T12:00"),
                        summary(AZ_MOD, "week", "2025-03-10", "2025-03-16", "2025-03-17T09:00"),
                        denial(AM_MOD, "cites", "2025-03-17T13:00", Party.AZ, "2025-03-16", "2025-03-16",
                                SYUNIK_EAST).answers(new Answers(List.of("week"), Party.AZ, t("2025-03-16"),
                                t("2025-03-16"), List.of(SYUNIK_EAST))).build()),
                row("a denial published before the summary waits and is adopted by it", DEFAULT_SPAN,
                        "SYUNIK_EAST[a]=UNVERIFIED SYUNIK_EAST[week,early]=DISPUTED",
                        az("a", "2025-03-12T10:00", "2025-03-12T12:00"),
                        denial(AM_MOD, "early", "2025-03-17T08:00", Party.AZ, "2025-03-10", "2025-03-16",
                                SYUNIK_EAST).answers(new Answers(List.of("week"), Party.AZ, t("2025-03-10"),
                                t("2025-03-16"), List.of(SYUNIK_EAST))).build(),
                        summary(AZ_MOD, "week", "2025-03-10", "2025-03-16", "2025-03-17T09:00")),
                row("an observer's coverage of the week refutes the claims and the summary inside it", DEFAULT_SPAN,
                        "SYUNIK_EAST[a]=REFUTED SYUNIK_EAST[week]=REFUTED",
                        az("a", "2025-03-12T10:00", "2025-03-12T12:00"),
                        summary(AZ_MOD, "week", "2025-03-10", "2025-03-16", "2025-03-17T09:00"),
                        observer(EUMA, "patrols", Stance.REFUTATION, "2025-03-17T18:00", "2025-03-10", "2025-03-16",
                                SYUNIK_EAST).build()),
                row("a summary does not join a closed incident kept for its grace", DEFAULT_SPAN,
                        "SYUNIK_EAST[a]=UNVERIFIED GEGHARKUNIK[g]=UNVERIFIED SYUNIK_EAST[since]=UNVERIFIED",
                        az("a", "2025-03-01T10:00", "2025-03-01T12:00"),
                        claim(AZ_MOD, "g", Party.AM, "2025-03-09T10:00", "2025-03-09T12:00", GEGHARKUNIK).build(),
                        summary(AZ_MOD, "since", "2025-03-01", "2025-03-08", "2025-03-09T13:00")),
                row("a longer maximum (P30D) lets the summary join as before", Duration.ofDays(30),
                        "SYUNIK_EAST[a,since]=UNVERIFIED",
                        az("a", "2025-03-14T10:00", "2025-03-14T12:00"),
                        summary(AZ_MOD, "since", "2025-03-01", "2025-03-14", "2025-03-15T09:00")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void longSpanReportsNeitherJoinNorBridgeSessions(String name, Duration maxSpan, String expected,
                                                      List<IncidentReport> reports) {
        ClassifierEngine engine = new ClassifierEngine(ClassifierSettings.defaults().withMaxJoiningSpan(maxSpan),
                Neighbours.fromClasspath());
        reports.forEach(engine::process);
        assertThat(describe(engine, reports)).isEqualTo(expected);
    }

    private static String describe(ClassifierEngine engine, List<IncidentReport> reports) {
        Map<UUID, String> refs = new HashMap<>();
        reports.forEach(r -> refs.put(r.reportId(), r.sourceRef()));
        List<IncidentState> all = new ArrayList<>(engine.state().incidents);
        all.addAll(engine.state().closed);
        return all.stream().sorted(Comparator.comparingLong(i -> i.seq))
                .map(i -> i.segment + i.members.stream().map(Membership::reportId).map(refs::get)
                        .collect(Collectors.joining(",", "[", "]")) + "=" + i.last.occurrence())
                .collect(Collectors.joining(" "));
    }

    private static Arguments row(String name, Duration maxSpan, String expected, IncidentReport... reports) {
        return Arguments.of(name, maxSpan, expected, List.of(reports));
    }

    private static IncidentReport az(String ref, String at, String published) {
        return claim(AZ_MOD, ref, Party.AM, at, published, SYUNIK_EAST).build();
    }

    /** A summary claim over whole days (DAY precision: the first day's 00:00 to the last day's 23:59:59). */
    private static IncidentReport summary(Source source, String ref, String fromDay, String toDay, String published) {
        return claim(source, ref, Party.AM, fromDay + "T00:00", published, SYUNIK_EAST)
                .occurredUntil(t(toDay).plusDays(1).minusSeconds(1)).timePrecision(TimePrecision.DAY).build();
    }

    private static IncidentReport span(Source source, String ref, String from, String until, String published) {
        return claim(source, ref, Party.AM, from, published, SYUNIK_EAST)
                .occurredUntil(until.length() > 16 ? java.time.OffsetDateTime.parse(until + "+04:00") : t(until))
                .timePrecision(TimePrecision.HOUR).build();
    }
}
