package org.borderwatch.classifier.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.classifier.TestReports.AM_MOD;
import static org.borderwatch.classifier.TestReports.AZ_MOD;
import static org.borderwatch.classifier.TestReports.claim;
import static org.borderwatch.classifier.TestReports.denial;
import static org.borderwatch.classifier.TestReports.t;
import static org.borderwatch.common.model.BorderSegment.GEGHARKUNIK;
import static org.borderwatch.common.model.BorderSegment.SYUNIK_EAST;
import static org.borderwatch.common.model.BorderSegment.TAVUSH;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.borderwatch.classifier.TestReports;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.ClosureReason;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.TimePrecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every path that closes an incident says why in the closed version's machine-readable {@code closure}, beside the
 * sentence people read: the quiet period (a report, the punctuator's advance, the idle advance), a merge (naming the
 * incident that carries on), a dissolution (a correction moving the report, in order or assessed alone), and the
 * statements assessed alone (beyond the grace, retrospective, a late answer to an evicted claim, a correction of an
 * evicted claim); a corrected final version keeps its closure. Open versions carry none.
 */
class ClosureReasonTest {

    private static IncidentReport minute(IncidentReport.Builder b) {
        return b.timePrecision(TimePrecision.MINUTE).build();
    }

    private static final IncidentReport CLAIM = minute(claim(AZ_MOD, "c", Party.AM, "2025-03-16T09:00",
            "2025-03-16T10:00", SYUNIK_EAST));
    private static final IncidentReport DENIAL = denial(AM_MOD, "d", "2025-03-16T13:00", Party.AZ, "2025-03-16",
            "2025-03-16", SYUNIK_EAST).build();
    /** A week and more later, elsewhere: moves stream time past the quiet period of CLAIM's incident. */
    private static final IncidentReport LATER = minute(claim(AM_MOD, "later", Party.AZ, "2025-03-24T09:00",
            "2025-03-24T10:00", GEGHARKUNIK));
    /** Two sessions of SYUNIK_EAST nine hours apart, and a report between them that bridges the gap. */
    private static final IncidentReport EVENING = minute(claim(AM_MOD, "evening", Party.AZ, "2025-03-16T18:00",
            "2025-03-16T18:30", SYUNIK_EAST));
    private static final IncidentReport BRIDGE = minute(claim(AM_MOD, "bridge", Party.AZ, "2025-03-16T13:30",
            "2025-03-16T19:00", SYUNIK_EAST));
    /** CLAIM corrected to Tavush: its Syunik incident dissolves. */
    private static final IncidentReport MOVED = minute(claim(AZ_MOD, "c", Party.AM, "2025-03-16T09:00",
            "2025-03-16T11:00", TAVUSH).revision(2));
    /** CLAIM corrected in place, within the grace of its incident's closure. */
    private static final IncidentReport CORRECTED = minute(claim(AZ_MOD, "c", Party.AM, "2025-03-16T09:10",
            "2025-03-24T11:00", SYUNIK_EAST).revision(2));
    /** Published more than the grace behind stream time (LATER): assessed alone. */
    private static final IncidentReport OLD = minute(claim(AZ_MOD, "old", Party.AM, "2025-03-10T09:00",
            "2025-03-10T10:00", SYUNIK_EAST));
    private static final IncidentReport OLD_MOVED = minute(claim(AZ_MOD, "old", Party.AM, "2025-03-10T09:00",
            "2025-03-10T11:00", TAVUSH).revision(2));
    /** An anniversary account of an event a year before: retrospective. */
    private static final IncidentReport ANNIVERSARY = minute(claim(AM_MOD, "anniversary", Party.AZ,
            "2024-03-16T09:00", "2025-03-16T12:00", TAVUSH));

    static Stream<Arguments> rows() {
        return Stream.of(
                row("quiet period, told by a report published after it", List.of(CLAIM, DENIAL, LATER), null,
                        List.of(ClosureReason.QUIET)),
                row("quiet period, the punctuator's advance", List.of(CLAIM), e -> e.advance(t("2025-03-24T12:00")),
                        List.of(ClosureReason.QUIET)),
                row("quiet period, the idle advance", List.of(CLAIM), e -> e.closeIdle(t("2025-03-24T12:00")),
                        List.of(ClosureReason.QUIET)),
                row("merged: a report bridges two sessions", List.of(CLAIM, EVENING, BRIDGE), null,
                        List.of(ClosureReason.MERGED)),
                row("dissolved: a correction moves the claim to another segment", List.of(CLAIM, MOVED), null,
                        List.of(ClosureReason.DISSOLVED)),
                row("dissolved: a correction moves a claim assessed alone", List.of(CLAIM, LATER, OLD, OLD_MOVED),
                        null, List.of(ClosureReason.DISSOLVED, ClosureReason.ASSESSED_ALONE)),
                row("assessed alone: beyond the grace", List.of(CLAIM, LATER, OLD), null,
                        List.of(ClosureReason.ASSESSED_ALONE)),
                row("assessed alone: a retrospective account", List.of(CLAIM, ANNIVERSARY), null,
                        List.of(ClosureReason.ASSESSED_ALONE)),
                row("assessed alone: a late answer to an evicted incident's claim",
                        List.of(EvictedCorrectionTest.CLAIM, EvictedCorrectionTest.CLOSES, EvictedCorrectionTest.EVICTS,
                                denial(AM_MOD, "late-denial", "2026-06-16T12:00", Party.AZ, "2026-06-01",
                                        "2026-06-01", SYUNIK_EAST).build()), null,
                        List.of(ClosureReason.ASSESSED_ALONE)),
                row("assessed alone: a correction of an evicted incident's claim",
                        List.of(EvictedCorrectionTest.CLAIM, EvictedCorrectionTest.CLOSES, EvictedCorrectionTest.EVICTS,
                                EvictedCorrectionTest.CORRECTED), null, List.of(ClosureReason.ASSESSED_ALONE)),
                row("a final version corrected after the closure keeps its closure", List.of(CLAIM, DENIAL, LATER,
                        CORRECTED), null, List.of(ClosureReason.QUIET)));
    }

    private static Arguments row(String name, List<IncidentReport> reports,
                                 Function<ClassifierEngine, List<Assessment>> then, List<ClosureReason> reasons) {
        return Arguments.of(name, reports, then, reasons);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void everyPathThatClosesAnIncidentSaysWhy(String name, List<IncidentReport> reports,
                                             Function<ClassifierEngine, List<Assessment>> then,
                                             List<ClosureReason> reasons) {
        ClassifierEngine engine = ClassifierEngine.withDefaults();
        List<Assessment> all = new ArrayList<>();
        List<Assessment> last = List.of();
        for (IncidentReport r : reports) {
            last = engine.process(r).assessments();
            all.addAll(last);
        }
        if (then != null) {
            last = then.apply(engine);
            all.addAll(last);
        }
        List<Assessment> closed = last.stream().filter(Assessment::closed).toList();
        assertThat(closed).extracting(a -> a.closure().reason()).containsExactlyElementsOf(reasons);
        for (Assessment a : closed) {
            if (a.closure().reason() == ClosureReason.MERGED) {
                // the incident it merged into carries on: open, in the same output, holding the bridge
                assertThat(last).anySatisfy(o -> {
                    assertThat(o.incidentId()).isEqualTo(a.closure().mergedInto());
                    assertThat(o.closed()).isFalse();
                    assertThat(o.reportIds().values()).anyMatch(ids -> ids.contains(BRIDGE.reportId()));
                });
            } else {
                assertThat(a.closure().mergedInto()).isNull();
            }
        }
        assertClosureAgreesWithTheSentence(all);
    }

    /**
     * On every version: a closure when closed and only then; a withdrawal (MERGED, DISSOLVED) exactly when the last
     * sentence is the classifier's "Merged into incident …" or "Dissolved: …" — the sentence stays as people read it.
     */
    static void assertClosureAgreesWithTheSentence(List<Assessment> versions) {
        assertThat(versions).allSatisfy(a -> {
            assertThat(a.closure() != null).as("closure on %s v%d", a.incidentId(), a.version())
                    .isEqualTo(a.closed());
            if (a.closed()) {
                String last = a.rationale().get(a.rationale().size() - 1);
                assertThat(a.closure().withdrawn())
                        .isEqualTo(last.startsWith(Correlator.MERGED) || last.startsWith(Correlator.DISSOLVED));
                if (a.closure().reason() == ClosureReason.MERGED) {
                    assertThat(last).startsWith(Correlator.MERGED + a.closure().mergedInto() + ":");
                }
                if (a.closure().reason() == ClosureReason.QUIET) {
                    assertThat(a.rationale()).anyMatch(s -> s.startsWith("Closed: no new reports for "));
                }
            }
        });
    }

    @Test
    void aClosedIncidentOfStateWrittenBeforeTheClosureGetsOneWithItsCorrectedFinalVersionAndNoVersionForItAlone() {
        ClassifierEngine engine = ClassifierEngine.withDefaults();
        List.of(CLAIM, DENIAL, LATER).forEach(engine::process);
        // the previous release's state: the closed incident's last version has no closure
        engine.state().closed.forEach(i -> i.last = i.last.withClosure(null));
        Assessment older = engine.state().closed.get(0).last;
        assertThat(older.closure()).isNull();
        assertThat(Assessor.sameContent(older, older.withClosure(org.borderwatch.common.model.Closure.QUIET)))
                .as("a closure alone is no new content against a version written before it").isTrue();
        assertThat(Assessor.sameContent(older.withClosure(org.borderwatch.common.model.Closure.QUIET),
                older.withClosure(org.borderwatch.common.model.Closure.DISSOLVED))).isFalse();

        List<Assessment> corrected = engine.process(CORRECTED).assessments();
        assertThat(corrected).singleElement().satisfies(a -> {
            assertThat(a.incidentId()).isEqualTo(older.incidentId());
            assertThat(a.closure().reason()).isEqualTo(ClosureReason.QUIET);
        });
    }

    @Test
    void everyClosedVersionOfTheFixturesSaysWhyItClosed() throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of(ClosureReasonTest.class.getResource("/fixtures").toURI());
        List<Assessment> versions = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                versions.addAll(new org.borderwatch.classifier.replay.Replayer(ClassifierEngine.withDefaults())
                        .replay(TestReports.fixture(f.getFileName().toString())).versions());
            }
        }
        assertThat(versions).filteredOn(Assessment::closed).extracting(a -> a.closure().reason())
                .contains(ClosureReason.QUIET, ClosureReason.DISSOLVED);
        assertClosureAgreesWithTheSentence(versions);
    }
}
