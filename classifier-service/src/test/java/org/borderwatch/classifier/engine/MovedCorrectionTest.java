package org.borderwatch.classifier.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.classifier.TestReports.AM_MOD;
import static org.borderwatch.classifier.TestReports.AZ_MOD;
import static org.borderwatch.classifier.TestReports.claim;
import static org.borderwatch.classifier.TestReports.denial;
import static org.borderwatch.common.model.BorderSegment.GEGHARKUNIK;
import static org.borderwatch.common.model.BorderSegment.SYUNIK_EAST;
import static org.borderwatch.common.model.BorderSegment.TAVUSH;
import static org.borderwatch.common.model.BorderSegment.VAYOTS_DZOR_EAST;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.borderwatch.classifier.replay.Replayer;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Location;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Severity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * c22: a publisher's correction that moves its report to another segment (same report id, higher revision, other
 * {@code location.segments}). The incident it leaves must not go on showing it: an open incident or one closed but
 * still kept gets its next version without the report (closed "Dissolved" when nothing else held it), and — the gap
 * this change closes — so does the incident of a report assessed alone (beyond the grace, or a retrospective claim),
 * which used to stand for ever with the report's first version. Replay and live alike; the state's JSON round trip
 * after every report gives the same versions.
 */
public class MovedCorrectionTest {

    private static List<Assessment> live(List<IncidentReport> reports) {
        ClassifierEngine engine = ClassifierEngine.withDefaults();
        List<Assessment> out = new ArrayList<>();
        reports.forEach(r -> out.addAll(engine.process(r).assessments()));
        return out;
    }

    private static List<Assessment> finals(List<Assessment> versions) {
        return new Replayer.Outcome(versions, 0, 0, 0).finals();
    }

    private static List<String> json(List<Assessment> as) {
        return as.stream().map(Replayer::json).toList();
    }

    private static boolean holds(Assessment a, UUID report) {
        return a.reportIds().values().stream().anyMatch(ids -> ids.contains(report));
    }

    /** The anniversary claim of three segments, corrected to Syunik alone: the other two incidents are withdrawn. */
    @Test
    void aRetrospectiveClaimMovedAwayFromTwoOfItsSegmentsLeavesThemAsWithdrawn() {
        IncidentReport first = RetrospectiveClaimTest.anniversaryBuilder().build();
        IncidentReport moved = RetrospectiveClaimTest.anniversaryBuilder().location(Location.of(SYUNIK_EAST))
                .revision(2).publishedAt(first.publishedAt().plusHours(3)).build();
        List<IncidentReport> reports = List.of(RetrospectiveClaimTest.offensive(), RetrospectiveClaimTest.mortar(),
                RetrospectiveClaimTest.october(), first, moved);
        List<Assessment> versions = live(reports);
        List<Assessment> left = versions.stream().filter(a -> a.version() == 2 && a.segment() != SYUNIK_EAST
                && a.incidentId().equals(Assessor.aloneIncidentId(a.segment(), first.reportId(), false))).toList();
        assertThat(left).extracting(Assessment::segment).containsExactlyInAnyOrder(GEGHARKUNIK, VAYOTS_DZOR_EAST);
        assertThat(left).allSatisfy(a -> {
            assertThat(a.incidentId()).isEqualTo(Assessor.aloneIncidentId(a.segment(), first.reportId(), false));
            assertThat(a.closed()).isTrue();
            assertThat(a.severity()).isEqualTo(Severity.INFO);
            assertThat(a.signals()).isEmpty();
            assertThat(a.casualties()).isEmpty();
            assertThat(ClassifierEngine.isRetirement(a)).isTrue();
            assertThat(a.rationale()).last().asString().contains("corrected by revision 2, which places it in "
                    + "SYUNIK_EAST");
        });
        // the Syunik incident is the correction's next version, as before
        assertThat(versions).anySatisfy(a -> {
            assertThat(a.segment()).isEqualTo(SYUNIK_EAST);
            assertThat(a.version()).isEqualTo(2);
            assertThat(holds(a, first.reportId())).isTrue();
            assertThat(ClassifierEngine.isRetirement(a)).isFalse();
        });
        // replay (publication order) gives the same versions; its finals hold the anniversary in Syunik only
        List<Assessment> replayed = new Replayer(ClassifierEngine.withDefaults()).replay(reports).versions();
        assertThat(json(replayed)).isEqualTo(json(versions));
        assertThat(finals(replayed).stream().filter(a -> holds(a, first.reportId())))
                .extracting(Assessment::segment).containsExactly(SYUNIK_EAST);
        EleventhRoundTest.assertTheStateSurvivesARestartAfterEveryReport(reports);
    }

    /**
     * A claim beyond the grace in Syunik, corrected (again beyond the grace) to Tavush: Syunik's incident alone gets
     * the correction's version, closed and withdrawn, Tavush's is the report's own; a second correction back to Syunik
     * withdraws it from Tavush in turn.
     */
    @Test
    void aLateReportMovedByItsCorrectionLeavesTheSegmentItLeft() {
        IncidentReport a = claim(AZ_MOD, "a", Party.AM, "2025-01-10T10:00", "2025-01-10T12:00", SYUNIK_EAST).build();
        IncidentReport later = claim(AZ_MOD, "later", Party.AM, "2025-01-20T10:00", "2025-01-20T12:00", GEGHARKUNIK)
                .build();
        IncidentReport old = claim(AZ_MOD, "old", Party.AM, "2025-01-09T10:00", "2025-01-09T12:00", SYUNIK_EAST)
                .build();
        IncidentReport moved = claim(AZ_MOD, "old", Party.AM, "2025-01-09T10:00", "2025-01-09T13:00", TAVUSH)
                .revision(2).build();
        IncidentReport back = claim(AZ_MOD, "old", Party.AM, "2025-01-09T10:00", "2025-01-09T14:00", SYUNIK_EAST)
                .revision(3).build();
        List<IncidentReport> reports = List.of(a, later, old, moved, back);
        ClassifierEngine engine = ClassifierEngine.withDefaults();
        engine.process(a);
        engine.process(later);
        assertThat(engine.process(old).outcome()).isEqualTo(ClassifierEngine.Outcome.LATE);
        List<Assessment> second = engine.process(moved).assessments();
        assertThat(second).extracting(Assessment::segment, Assessment::version, ClassifierEngine::isRetirement)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(SYUNIK_EAST, 2L, true),
                        org.assertj.core.groups.Tuple.tuple(TAVUSH, 2L, false));
        assertThat(second.get(0).incidentId())
                .isEqualTo(Assessor.aloneIncidentId(SYUNIK_EAST, old.reportId(), false));
        assertThat(second).allSatisfy(x -> assertThat(x.closed()).isTrue());
        List<Assessment> third = engine.process(back).assessments();
        assertThat(third).extracting(Assessment::segment, Assessment::version, ClassifierEngine::isRetirement)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(TAVUSH, 3L, true),
                        org.assertj.core.groups.Tuple.tuple(SYUNIK_EAST, 3L, false));
        EleventhRoundTest.assertTheStateSurvivesARestartAfterEveryReport(reports);
    }

    /**
     * State written before c22 remembers a report assessed alone without its segments: its correction withdraws
     * nothing (as before), and still gives its own next version.
     */
    @Test
    void aReportRememberedFromStateWrittenBeforeWithdrawsNothing() {
        ClassifierEngine engine = ClassifierEngine.withDefaults();
        engine.process(claim(AZ_MOD, "a", Party.AM, "2025-01-10T10:00", "2025-01-10T12:00", SYUNIK_EAST).build());
        engine.process(claim(AZ_MOD, "later", Party.AM, "2025-01-20T10:00", "2025-01-20T12:00", GEGHARKUNIK)
                .build());
        IncidentReport old = claim(AZ_MOD, "old", Party.AM, "2025-01-09T10:00", "2025-01-09T12:00", SYUNIK_EAST)
                .build();
        engine.process(old);
        assertThat(engine.state().seen.get(old.reportId()).segments()).containsExactly(SYUNIK_EAST);
        EngineState before = Json.read(Json.write(engine.state()), EngineState.class);
        before.seen.replaceAll((id, seen) -> new EngineState.Seen(seen.revision(), seen.publishedAt(), seen.apart(),
                null));
        ClassifierEngine restarted = ClassifierEngine.withDefaults();
        restarted.restore(before);
        List<Assessment> out = restarted.process(claim(AZ_MOD, "old", Party.AM, "2025-01-09T10:00",
                "2025-01-09T13:00", TAVUSH).revision(2).build()).assessments();
        assertThat(out).extracting(Assessment::segment).containsExactly(TAVUSH);
    }

    /**
     * An ordinary incident the correction leaves, open or closed but still kept: it gets its next version without the
     * report when another claim still holds it, and a closed "Dissolved" version when nothing else did; the report
     * stands in Tavush. Replay and live alike, and across restarts. The incident that held its report longer than the
     * engine's seen history (grace + quiet period after publication: kept open by later denials, or closed and kept)
     * used to keep it: the engine had forgotten the report and placed its correction as a new one (c22).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"open", "open, its report older than the seen history", "closed and kept"})
    void anOrdinaryIncidentTheCorrectionLeavesShowsItLeft(String how) {
        boolean closedBefore = how.startsWith("closed");
        boolean old = !how.equals("open");
        IncidentReport x = claim(AZ_MOD, "x", Party.AM, "2025-03-16T10:00", "2025-03-16T12:00", SYUNIK_EAST).build();
        IncidentReport y = claim(AZ_MOD, "y", Party.AM, "2025-03-16T11:00", "2025-03-16T12:30", SYUNIK_EAST).build();
        IncidentReport lone = claim(AZ_MOD, "lone", Party.AM, "2025-03-17T10:00", "2025-03-17T11:00", GEGHARKUNIK)
                .build();
        List<IncidentReport> reports = new ArrayList<>(List.of(x, y, lone));
        if (how.startsWith("open,")) {
            // denials of the 16th published a week apart keep the incident open past x's seen history
            reports.add(denial(AM_MOD, "d1", "2025-03-22T10:00", Party.AZ, "2025-03-16", "2025-03-16", SYUNIK_EAST)
                    .build());
            reports.add(denial(AM_MOD, "d2", "2025-03-29T10:00", Party.AZ, "2025-03-16", "2025-03-16", SYUNIK_EAST)
                    .build());
        }
        if (old) {
            reports.add(claim(AZ_MOD, "far", Party.AM, "2025-03-31T09:00", "2025-03-31T10:00", VAYOTS_DZOR_EAST)
                    .build());
        }
        String published = old ? "2025-03-31T11:00" : "2025-03-17T13:00";
        IncidentReport moved = claim(AZ_MOD, "x", Party.AM, "2025-03-16T10:00", published, TAVUSH).revision(2).build();
        reports.add(moved);
        if (!how.startsWith("open,")) {
            reports.add(claim(AZ_MOD, "lone", Party.AM, "2025-03-17T10:00", published, TAVUSH).revision(2).build());
        }
        List<Assessment> versions = live(reports);
        List<Assessment> replayed = new Replayer(ClassifierEngine.withDefaults()).replay(reports).versions();
        assertThat(json(replayed)).isEqualTo(json(versions));
        ClassifierEngine engine = ClassifierEngine.withDefaults();
        reports.subList(0, reports.size() - (how.startsWith("open,") ? 1 : 2)).forEach(engine::process);
        // the engine's seen history has forgotten x (published 15 days before) where it is old: a held incident recalls it
        assertThat(engine.state().seen.containsKey(x.reportId())).isEqualTo(!old);
        ClassifierEngine.Result again = engine.process(x);
        assertThat(again.outcome()).isEqualTo(ClassifierEngine.Outcome.DUPLICATE);
        assertThat(again.assessments()).isEmpty();
        assertThat(engine.process(moved).outcome()).isEqualTo(ClassifierEngine.Outcome.CORRECTED);
        List<Assessment> finals = finals(versions);
        Assessment syunik = finals.stream().filter(a -> a.segment() == SYUNIK_EAST).findFirst().orElseThrow();
        assertThat(holds(syunik, x.reportId())).isFalse();
        assertThat(holds(syunik, y.reportId())).isTrue();
        assertThat(syunik.closed()).isEqualTo(closedBefore);
        assertThat(finals).filteredOn(a -> a.segment() == TAVUSH)
                .anySatisfy(a -> assertThat(holds(a, x.reportId())).isTrue());
        if (!how.startsWith("open,")) {
            assertThat(finals).filteredOn(a -> a.segment() == GEGHARKUNIK).isEmpty();
            Assessment gone = versions.stream().filter(a -> a.segment() == GEGHARKUNIK).reduce((p, q) -> q)
                    .orElseThrow();
            assertThat(gone.closed()).isTrue();
            assertThat(ClassifierEngine.isRetirement(gone)).isTrue();
        }
        EleventhRoundTest.assertTheStateSurvivesARestartAfterEveryReport(reports);
    }
}
