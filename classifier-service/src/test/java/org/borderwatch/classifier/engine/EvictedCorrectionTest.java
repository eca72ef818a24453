package org.borderwatch.classifier.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.classifier.TestReports.AM_MOD;
import static org.borderwatch.classifier.TestReports.AZ_MOD;
import static org.borderwatch.classifier.TestReports.claim;
import static org.borderwatch.classifier.TestReports.denial;
import static org.borderwatch.classifier.TestReports.killed;
import static org.borderwatch.common.model.BorderSegment.SYUNIK_EAST;
import static org.borderwatch.common.model.BorderSegment.TAVUSH;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.borderwatch.classifier.replay.Replayer;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.TimePrecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * c23: a correction (a higher revision) of a claim whose incident has closed and been evicted, arriving within the
 * grace of stream time and not retrospective. It was placed as a new report: a new open incident about the closed event,
 * under the evicted incident's own id (the claim had opened it) at version 1 again — not newer than the closed versions,
 * so alert-service ignored it: the correction was lost, and a ghost incident stayed open for a week. Now it is assessed
 * alone and closed in the incident apart, version its revision, the remembered claim's verdict carried over, counted as
 * late; a correction that joins an incident still held by its time is placed as usual.
 */
class EvictedCorrectionTest {

    /** Azerbaijan's claim of fire near Tegh on 1 June 2026, 10:00 (its incident closes 9 June, is evicted 16 June). */
    static final IncidentReport CLAIM = at(claim(AZ_MOD, "tegh", Party.AM, "2026-06-01T10:00", "2026-06-01T12:00",
            SYUNIK_EAST));
    static final IncidentReport DENIAL = denial(AM_MOD, "tegh-denial", "2026-06-01T15:00", Party.AZ, "2026-06-01",
            "2026-06-01", SYUNIK_EAST).build();
    /** Reports of another segment that move stream time past the closure (9 June) and the eviction (16 June). */
    static final IncidentReport CLOSES = at(claim(AM_MOD, "tick-1", Party.AZ, "2026-06-09T10:00", "2026-06-09T10:00",
            TAVUSH));
    static final IncidentReport EVICTS = at(claim(AM_MOD, "tick-2", Party.AZ, "2026-06-16T11:00", "2026-06-16T11:00",
            TAVUSH));
    /** Revision 2 of the claim, "one serviceman killed", published 10 June (before the eviction), delayed. */
    static final IncidentReport CORRECTED = at(claim(AZ_MOD, "tegh", Party.AM, "2026-06-01T10:00", "2026-06-10T09:00",
            SYUNIK_EAST).revision(2).casualties(killed(1, 0, Party.AZ)));
    /** Revision 2 moving the event to 5 June, published after the eviction (not retrospective: 12 days later). */
    static final IncidentReport MOVED_LATER = at(claim(AZ_MOD, "tegh", Party.AM, "2026-06-05T10:00",
            "2026-06-17T09:00", SYUNIK_EAST).revision(2));
    /** Revision 3, the toll raised again. */
    static final IncidentReport CORRECTED_AGAIN = at(claim(AZ_MOD, "tegh", Party.AM, "2026-06-01T10:00",
            "2026-06-14T12:00", SYUNIK_EAST).revision(3).casualties(killed(2, 0, Party.AZ)));
    /** An open incident in SYUNIK_EAST on 16 June, and revision 2 moving the claim into its session. */
    static final IncidentReport OPEN_NEAR = at(claim(AM_MOD, "near", Party.AZ, "2026-06-16T09:00", "2026-06-16T11:30",
            SYUNIK_EAST));
    static final IncidentReport MOVED_INTO_OPEN = at(claim(AZ_MOD, "tegh", Party.AM, "2026-06-16T09:30",
            "2026-06-16T12:00", SYUNIK_EAST).revision(2));

    private static IncidentReport at(IncidentReport.Builder b) {
        return b.timePrecision(TimePrecision.MINUTE).build();
    }

    static final UUID APART = Assessor.aloneIncidentId(SYUNIK_EAST, CLAIM.reportId(), true);
    static final UUID OWN = org.borderwatch.common.Uuids.incidentId(SYUNIK_EAST.name(), CLAIM.reportId());

    /**
     * Reports in order of arrival; what the last one gives: the outcome, the incident (APART, OWN or another), its
     * version, closed, occurrence; how many reports were counted late.
     */
    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of("a correction delayed past the eviction is assessed alone, apart, closed",
                        List.of(CLAIM, CLOSES, EVICTS, CORRECTED), ClassifierEngine.Outcome.LATE, "apart", 2L, true,
                        Occurrence.UNVERIFIED, 1L),
                Arguments.of("a correction moving the event, published after the eviction, likewise",
                        List.of(CLAIM, CLOSES, EVICTS, MOVED_LATER), ClassifierEngine.Outcome.LATE, "apart", 2L, true,
                        Occurrence.UNVERIFIED, 1L),
                Arguments.of("the closed incident's DISPUTED carries over to the correction of its denied claim",
                        List.of(CLAIM, DENIAL, CLOSES, EVICTS, CORRECTED), ClassifierEngine.Outcome.LATE, "apart",
                        2L, true, Occurrence.DISPUTED, 1L),
                Arguments.of("a further correction is the next version of the incident apart",
                        List.of(CLAIM, CLOSES, EVICTS, CORRECTED, CORRECTED_AGAIN), ClassifierEngine.Outcome.LATE,
                        "apart", 3L, true, Occurrence.UNVERIFIED, 2L),
                Arguments.of("guard: while the closed incident is kept, the correction corrects its final version",
                        List.of(CLAIM, CLOSES, CORRECTED), ClassifierEngine.Outcome.CORRECTED, "own", 3L, true,
                        Occurrence.UNVERIFIED, 0L),
                Arguments.of("guard: a correction that joins an open incident by its time is placed there",
                        List.of(CLAIM, CLOSES, EVICTS, OPEN_NEAR, MOVED_INTO_OPEN), ClassifierEngine.Outcome.ACCEPTED,
                        "other", 2L, false, Occurrence.CONFIRMED, 0L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void aCorrectionOfAnEvictedIncidentsClaimIsWellDefined(String name, List<IncidentReport> arriving,
            ClassifierEngine.Outcome outcome, String incident, long version, boolean closed, Occurrence occurrence,
            long late) {
        ClassifierEngine engine = ClassifierEngine.withDefaults();
        ClassifierEngine.Result last = null;
        for (IncidentReport r : arriving) {
            last = engine.process(r);
        }
        assertThat(last.outcome()).isEqualTo(outcome);
        Assessment a = last.assessments().get(last.assessments().size() - 1);
        switch (incident) {
            case "apart" -> assertThat(a.incidentId()).isEqualTo(APART);
            case "own" -> assertThat(a.incidentId()).isEqualTo(OWN);
            default -> assertThat(a.incidentId()).isNotIn(APART, OWN);
        }
        assertThat(a.version()).isEqualTo(version);
        assertThat(a.closed()).isEqualTo(closed);
        assertThat(a.occurrence()).isEqualTo(occurrence);
        assertThat(engine.lateReports()).isEqualTo(late);
        if (incident.equals("apart")) {
            assertThat(a.rationale()).anyMatch(s -> s.startsWith("A correction (revision " + version + ", published ")
                    && s.endsWith("of a report whose incident has closed and been evicted: assessed alone and "
                    + "closed; the closed incident is not reopened and keeps its own verdict."));
            // no incident about the closed event is left open, and nothing reuses the evicted incident's id
            assertThat(engine.state().incidents).noneMatch(i -> i.has(CLAIM.reportId()));
            assertThat(last.assessments()).noneMatch(x -> x.incidentId().equals(OWN));
            // a redelivery is a duplicate
            assertThat(engine.process(arriving.get(arriving.size() - 1)).outcome())
                    .isEqualTo(ClassifierEngine.Outcome.DUPLICATE);
        }
        EleventhRoundTest.assertTheStateSurvivesARestartAfterEveryReport(arriving);
    }

    /**
     * A late answer to the evicted claim is its own closed assessment; its correction is that assessment's next version
     * (its revision), not "version 1" again under the same id, which alert-service ignored as not newer.
     */
    @Test
    void aCorrectedLateAnswerIsTheNextVersionOfItsOwnAssessment() {
        ClassifierEngine engine = ClassifierEngine.withDefaults();
        List.of(CLAIM, CLOSES, EVICTS).forEach(engine::process);
        IncidentReport late = denial(AM_MOD, "late-denial", "2026-06-16T12:00", Party.AZ, "2026-06-01", "2026-06-01",
                SYUNIK_EAST).build();
        IncidentReport corrected = denial(AM_MOD, "late-denial", "2026-06-16T15:00", Party.AZ, "2026-06-01",
                "2026-06-01", SYUNIK_EAST).revision(2).build();
        Assessment first = engine.process(late).assessments().get(0);
        Assessment second = engine.process(corrected).assessments().get(0);
        assertThat(first.version()).isEqualTo(1);
        assertThat(second.incidentId()).isEqualTo(first.incidentId());
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.closed()).isTrue();
        assertThat(second.occurrence()).isEqualTo(Occurrence.DISPUTED);
    }

    /** Published after the eviction, the moved correction gives the same in the replay as live. */
    @Test
    void theReplayAgreesWhereThePublicationOrderIsTheArrivalOrder() {
        List<IncidentReport> arriving = List.of(CLAIM, CLOSES, EVICTS, MOVED_LATER);
        List<Assessment> live = new ArrayList<>();
        ClassifierEngine engine = ClassifierEngine.withDefaults();
        arriving.forEach(r -> live.addAll(engine.process(r).assessments()));
        Replayer.Outcome replayed = new Replayer(ClassifierEngine.withDefaults()).replay(arriving);
        assertThat(org.borderwatch.common.json.Json.write(replayed.versions()))
                .isEqualTo(org.borderwatch.common.json.Json.write(live));
        assertThat(replayed.late()).isEqualTo(1);
    }
}
