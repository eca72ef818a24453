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
import static org.borderwatch.common.model.BorderSegment.TAVUSH;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.borderwatch.classifier.replay.Replayer;
import org.borderwatch.common.Uuids;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Answers;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.Closure;
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
 * c25 (left open by c23): a correction of a response (a denial, a confirmation) that had opened an incident — published
 * before its claim, the claim then joined it — after that incident closed and was evicted. It is matched again as a late
 * answer under its own report's id, which is the evicted incident's: at version = its revision it was not newer than the
 * incident's closed versions, and alert-service dropped it. Now it continues the evicted incident's versions (last + the
 * revision), closed, ASSESSED_ALONE, with a sentence, counted as late.
 */
class EvictedResponseCorrectionTest {

    /** Armenia's denial of fire near Tegh on 1 June, published before Azerbaijan's claim: it opens the incident. */
    static final IncidentReport DENIAL_FIRST = denial(AM_MOD, "tegh-denial", "2026-06-01T11:00", Party.AZ,
            "2026-06-01", "2026-06-01", SYUNIK_EAST).build();
    static final IncidentReport CLAIM = claim(AZ_MOD, "tegh", Party.AM, "2026-06-01T10:00", "2026-06-01T12:00",
            SYUNIK_EAST).timePrecision(TimePrecision.MINUTE).build();
    /** EUMA's confirmation citing the claim's day, published before it (another scenario's opener). */
    static final IncidentReport CONFIRMATION_FIRST = confirmation("2026-06-01T11:00", 1);
    /** Reports of another segment that move stream time past the closure (9 June) and the eviction (16 June). */
    static final IncidentReport CLOSES = claim(AM_MOD, "tick-1", Party.AZ, "2026-06-09T10:00", "2026-06-09T10:00",
            TAVUSH).timePrecision(TimePrecision.MINUTE).build();
    static final IncidentReport EVICTS = claim(AM_MOD, "tick-2", Party.AZ, "2026-06-16T11:00", "2026-06-16T11:00",
            TAVUSH).timePrecision(TimePrecision.MINUTE).build();
    /** Revision 2 of the denial, published 10 June (before the eviction), delayed past it. */
    static final IncidentReport DENIAL_DELAYED = denial(AM_MOD, "tegh-denial", "2026-06-10T09:00", Party.AZ,
            "2026-06-01", "2026-06-01", SYUNIK_EAST).revision(2).build();
    /** Revision 2 of the denial, published after the eviction; revision 3 after it. */
    static final IncidentReport DENIAL_AFTER = denial(AM_MOD, "tegh-denial", "2026-06-16T12:00", Party.AZ,
            "2026-06-01", "2026-06-01", SYUNIK_EAST).revision(2).build();
    static final IncidentReport DENIAL_AGAIN = denial(AM_MOD, "tegh-denial", "2026-06-16T13:00", Party.AZ,
            "2026-06-01", "2026-06-01", SYUNIK_EAST).revision(3).build();
    /** Revision 2 of the confirmation, published after the eviction. */
    static final IncidentReport CONFIRMATION_AFTER = confirmation("2026-06-16T12:00", 2);
    /** The same denial published after its claim (it opened nothing), and its revision after the eviction. */
    static final IncidentReport DENIAL_SECOND = denial(AM_MOD, "tegh-denial", "2026-06-01T13:00", Party.AZ,
            "2026-06-01", "2026-06-01", SYUNIK_EAST).build();

    static final UUID DENIAL_ID = Uuids.incidentId(SYUNIK_EAST.name(), DENIAL_FIRST.reportId());
    static final UUID CONFIRMATION_ID = Uuids.incidentId(SYUNIK_EAST.name(), CONFIRMATION_FIRST.reportId());

    private static IncidentReport confirmation(String published, int revision) {
        return base(EUMA, "tegh-seen", Stance.CONFIRMATION, published).occurredAt(t("2026-06-01T10:00"))
                .location(Location.of(SYUNIK_EAST)).revision(revision)
                .answers(new Answers(List.of(), Party.AZ, t("2026-06-01"), t("2026-06-01"), List.of(SYUNIK_EAST)))
                .build();
    }

    /**
     * Reports in order of arrival; what the last one gives: the outcome, the incident it stands in, by how much its
     * version exceeds the highest version that incident had before (the revision when it continues the evicted
     * incident's versions), its closure, occurrence, how many reports were counted late, and whether publication order
     * is arrival order (then the replay gives the same bytes).
     */
    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of("a delayed correction of a denial that opened the evicted incident continues its versions",
                        List.of(DENIAL_FIRST, CLAIM, CLOSES, EVICTS, DENIAL_DELAYED), ClassifierEngine.Outcome.LATE,
                        DENIAL_ID, 2L, Closure.ASSESSED_ALONE, Occurrence.DISPUTED, 1L, false),
                Arguments.of("one published after the eviction likewise",
                        List.of(DENIAL_FIRST, CLAIM, CLOSES, EVICTS, DENIAL_AFTER), ClassifierEngine.Outcome.LATE,
                        DENIAL_ID, 2L, Closure.ASSESSED_ALONE, Occurrence.DISPUTED, 1L, true),
                Arguments.of("a further correction is the next version",
                        List.of(DENIAL_FIRST, CLAIM, CLOSES, EVICTS, DENIAL_AFTER, DENIAL_AGAIN),
                        ClassifierEngine.Outcome.LATE, DENIAL_ID, 1L, Closure.ASSESSED_ALONE, Occurrence.DISPUTED,
                        2L, true),
                Arguments.of("an observer's confirmation that opened the evicted incident likewise",
                        List.of(CONFIRMATION_FIRST, CLAIM, CLOSES, EVICTS, CONFIRMATION_AFTER),
                        ClassifierEngine.Outcome.LATE, CONFIRMATION_ID, 2L, Closure.ASSESSED_ALONE,
                        Occurrence.CONFIRMED, 1L, true),
                Arguments.of("guard: within the closed incident's grace the correction corrects its final version",
                        List.of(DENIAL_FIRST, CLAIM, CLOSES, DENIAL_DELAYED), ClassifierEngine.Outcome.CORRECTED,
                        DENIAL_ID, 1L, Closure.QUIET, Occurrence.DISPUTED, 0L, true),
                Arguments.of("guard: a denial that opened nothing keeps its own late answer at its revision",
                        List.of(CLAIM, DENIAL_SECOND, CLOSES, EVICTS, DENIAL_AFTER), ClassifierEngine.Outcome.ACCEPTED,
                        DENIAL_ID, 2L, Closure.ASSESSED_ALONE, Occurrence.DISPUTED, 0L, true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void aCorrectionOfAResponseWhoseIncidentWasEvictedIsNewer(String name, List<IncidentReport> arriving,
            ClassifierEngine.Outcome outcome, UUID incident, long above, Closure closure, Occurrence occurrence,
            long late, boolean inOrder) {
        ClassifierEngine engine = ClassifierEngine.withDefaults();
        List<Assessment> before = new ArrayList<>();
        ClassifierEngine.Result last = null;
        for (IncidentReport r : arriving) {
            last = engine.process(r);
            if (r != arriving.get(arriving.size() - 1)) {
                before.addAll(last.assessments());
            }
        }
        long highest = before.stream().filter(a -> a.incidentId().equals(incident)).mapToLong(Assessment::version)
                .max().orElse(0);
        assertThat(last.outcome()).isEqualTo(outcome);
        Assessment a = last.assessments().stream().filter(x -> x.incidentId().equals(incident)).reduce((x, y) -> y)
                .orElseThrow();
        assertThat(a.version()).isEqualTo(highest + above).isGreaterThan(highest);
        assertThat(a.closed()).isTrue();
        assertThat(a.closure()).isEqualTo(closure);
        assertThat(a.occurrence()).isEqualTo(occurrence);
        assertThat(engine.lateReports()).isEqualTo(late);
        boolean continues = outcome == ClassifierEngine.Outcome.LATE;
        assertThat(a.rationale().stream().anyMatch(s -> s.startsWith("This statement had opened this incident, which "
                + "closed and was evicted at version ") && s.endsWith("newer than any the incident had.")))
                .isEqualTo(continues);
        // no incident about the closed event is reopened
        assertThat(engine.state().incidents).noneMatch(i -> i.id.equals(incident));
        // a redelivery is a duplicate
        assertThat(engine.process(arriving.get(arriving.size() - 1)).outcome())
                .isEqualTo(ClassifierEngine.Outcome.DUPLICATE);
        if (inOrder) {
            List<Assessment> live = new ArrayList<>(before);
            live.addAll(last.assessments());
            Replayer.Outcome replayed = new Replayer(ClassifierEngine.withDefaults()).replay(arriving);
            assertThat(Json.write(replayed.versions())).isEqualTo(Json.write(live));
            assertThat((long) replayed.late()).isEqualTo(late);
        }
        EleventhRoundTest.assertTheStateSurvivesARestartAfterEveryReport(arriving);
    }

    /**
     * The evicted incident's last version is remembered as long as its claim is (the claim history's horizon), and no
     * longer: the state stays bounded by the same eviction horizon.
     */
    @Test
    void theEvictedVersionIsForgottenWithTheClaim() {
        ClassifierEngine engine = ClassifierEngine.withDefaults();
        List.of(DENIAL_FIRST, CLAIM, CLOSES, EVICTS).forEach(engine::process);
        assertThat(engine.state().evicted).containsKey(DENIAL_ID);
        assertThat(engine.state().claims.get(AZ_MOD.id())).anyMatch(c -> c.reportId().equals(CLAIM.reportId()));
        // stream time moves on, a day at a time: while the claim is remembered, so is the version
        boolean forgotten = false;
        for (int day = 17; day <= 30 + 31 + 31; day++) {
            String at = t("2026-06-01").plusDays(day - 1).toLocalDateTime().toString().substring(0, 10) + "T11:00";
            engine.process(claim(AM_MOD, "tick-" + day, Party.AZ, at, at, TAVUSH)
                    .timePrecision(TimePrecision.MINUTE).build());
            boolean claimKept = engine.state().claims.getOrDefault(AZ_MOD.id(), List.of()).stream()
                    .anyMatch(c -> c.reportId().equals(CLAIM.reportId()));
            boolean versionKept = engine.state().evicted.containsKey(DENIAL_ID);
            assertThat(!claimKept || versionKept).as(at).isTrue();
            forgotten |= !versionKept;
        }
        assertThat(forgotten).isTrue();
        assertThat(engine.state().evicted).doesNotContainKey(DENIAL_ID);
        // only incidents opened by a response are remembered: the daily claims' own incidents are not
        assertThat(engine.state().evicted).isEmpty();
    }
}
