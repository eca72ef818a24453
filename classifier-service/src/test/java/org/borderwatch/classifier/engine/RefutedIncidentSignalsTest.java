package org.borderwatch.classifier.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.borderwatch.classifier.TestReports.AM_MOD;
import static org.borderwatch.classifier.TestReports.EUMA;
import static org.borderwatch.classifier.TestReports.claim;
import static org.borderwatch.classifier.TestReports.observer;
import static org.borderwatch.common.model.BorderSegment.GEGHARKUNIK;
import static org.borderwatch.common.model.BorderSegment.SYUNIK_EAST;
import static org.borderwatch.common.model.BorderSegment.VAYOTS_DZOR_EAST;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.borderwatch.classifier.replay.Replayer;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.SignalType;
import org.borderwatch.common.model.Stance;
import org.borderwatch.common.model.TimePrecision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An incident an observer refuted spreads nothing: one side's claims of fire in three segments within an hour make
 * SPREAD on all three; the observer's patrols then say they saw nothing in Vayots Dzor that night. Published while
 * the other two incidents are open, their next versions drop SPREAD (their earlier versions keep what was true then);
 * published after they closed, their final versions keep it (a closed incident is not reopened by a neighbour's
 * verdict); the refuted incident never keeps SPREAD. A confirmation, or a denial, leaves SPREAD on all three.
 */
class RefutedIncidentSignalsTest {

    private static List<IncidentReport> nightInThreeSegments() {
        return new ArrayList<>(List.of(
                claim(AM_MOD, "syunik", Party.AZ, "2026-05-04T01:10", "2026-05-04T08:00", SYUNIK_EAST)
                        .timePrecision(TimePrecision.MINUTE).build(),
                claim(AM_MOD, "gegharkunik", Party.AZ, "2026-05-04T01:40", "2026-05-04T08:05", GEGHARKUNIK)
                        .timePrecision(TimePrecision.MINUTE).build(),
                claim(AM_MOD, "vayots", Party.AZ, "2026-05-04T02:20", "2026-05-04T08:10", VAYOTS_DZOR_EAST)
                        .timePrecision(TimePrecision.MINUTE).build()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            guard: the three claims alone                              | -            | -                | UNVERIFIED | true  | true
            refuted while the others are open: they drop SPREAD        | REFUTATION   | 2026-05-06T12:00 | REFUTED    | false | true
            refuted after the others closed: their finals keep SPREAD  | REFUTATION   | 2026-05-14T12:00 | REFUTED    | true  | true
            guard: an observer's confirmation keeps SPREAD on all      | CONFIRMATION | 2026-05-06T12:00 | CONFIRMED  | true  | true
            """)
    void aRefutedIncidentCountsForNoSpread(String name, String stance, String published, Occurrence vayots,
                                          boolean othersKeepSpread, boolean othersHadSpread) {
        List<IncidentReport> reports = nightInThreeSegments();
        if (!"-".equals(stance)) {
            reports.add(observer(EUMA, "patrols", Stance.valueOf(stance), published, "2026-05-04", "2026-05-04",
                    VAYOTS_DZOR_EAST).occurredAt(org.borderwatch.classifier.TestReports.t("2026-05-04"))
                    .occurredUntil(org.borderwatch.classifier.TestReports.t("2026-05-04T23:59").plusSeconds(59))
                    .timePrecision(TimePrecision.DAY).location(org.borderwatch.common.model.Location.of(VAYOTS_DZOR_EAST))
                    .build());
        }
        Replayer.Outcome outcome = new Replayer(ClassifierEngine.withDefaults()).replay(reports);
        Map<BorderSegment, Assessment> finals = outcome.finals().stream()
                .collect(Collectors.toMap(Assessment::segment, a -> a));
        assertThat(finals).as(name).containsOnlyKeys(SYUNIK_EAST, GEGHARKUNIK, VAYOTS_DZOR_EAST);
        assertThat(finals.get(VAYOTS_DZOR_EAST).occurrence()).as(name).isEqualTo(vayots);
        assertThat(spread(finals.get(VAYOTS_DZOR_EAST))).as(name + ": the third segment's own final")
                .isEqualTo(vayots != Occurrence.REFUTED);
        for (BorderSegment s : List.of(SYUNIK_EAST, GEGHARKUNIK)) {
            UUID id = finals.get(s).incidentId();
            assertThat(spread(finals.get(s))).as(name + ": " + s + "'s final").isEqualTo(othersKeepSpread);
            assertThat(outcome.versions().stream().filter(a -> a.incidentId().equals(id)).anyMatch(this::spread))
                    .as(name + ": " + s + " had SPREAD in an earlier version").isEqualTo(othersHadSpread);
        }
    }

    private boolean spread(Assessment a) {
        return a.signals().stream().anyMatch(sig -> sig.type() == SignalType.SPREAD);
    }
}
