package org.borderwatch.classifier.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.borderwatch.classifier.replay.Replayer;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.SignalType;
import org.junit.jupiter.api.Test;

/**
 * Held-out batch 55, a blind end-to-end round: an analyst who never saw the code wrote a fictional fortnight of 42
 * statements and the 17 incidents they expect; the fixture ({@code src/test/resources/round-55/rows.json}, one row, as
 * a {@link BlindRound}) holds the canonical reports ingest made of those statements and the analyst's expectations
 * (segment, day, statements, occurrence, attribution, severity, signals, killed where written). Checked as every round
 * of blind rows is ({@link BlindRoundTest}: replay, live in order of arrival, latest revisions alone, the state's round
 * trip after every report); {@code ClassifierTopologyTest} streams it. 0 of 17 differed on the blind run (main 12d4745)
 * and with the classifier of this change.
 */
public class HeldOutBatch55Test extends BlindRoundTest {

    public HeldOutBatch55Test() {
        super(55, 1, 17);
    }

    /** Four diplomatic statements and an observer's quiet week covering no claim are in no version of any incident. */
    @Test
    void theStatementsOfNoEventFormNoIncident() {
        BlindRound.Row row = round().row("r55-01");
        Map<UUID, String> refs = BlindRound.refs(row.arriving());
        List<Assessment> versions = new Replayer(ClassifierEngine.withDefaults()).replay(row.arriving()).versions();
        assertThat(versions).isNotEmpty();
        assertThat(versions.stream().flatMap(a -> a.reportIds().values().stream()).flatMap(List::stream)
                .map(refs::get).distinct()).doesNotContain("h55-06", "h55-17", "h55-26", "h55-30", "h55-38")
                .contains("h55-01", "h55-41");
    }

    /**
     * What changed since the blind run, and how it was judged: while the observer's word on Ararat was "nothing seen"
     * (h55-37) the Ararat incident was REFUTED, and a refuted incident counts toward no SPREAD, so Tavush and Syunik
     * West lost SPREAD (a version each, HIGH down to MEDIUM); the observer's clarification (h55-40) confirmed it and
     * SPREAD came back on all three. The finals are the analyst's.
     */
    @Test
    void aRefutedIntervalWithdrawsTheSpreadUntilTheObserverConfirms() {
        BlindRound.Row row = round().row("r55-01");
        List<Assessment> versions = new Replayer(ClassifierEngine.withDefaults()).replay(row.arriving()).versions();
        List<Assessment> tavush = versions.stream().filter(a -> a.segment() == BorderSegment.TAVUSH
                && a.window().from().getMonthValue() == 10).toList();
        assertThat(tavush).extracting(a -> a.signals().stream().anyMatch(s -> s.type() == SignalType.SPREAD))
                .containsExactly(false, false, true, false, true);
        Assessment refuted = versions.stream().filter(a -> a.segment() == BorderSegment.ARARAT
                && a.occurrence() == org.borderwatch.common.model.Occurrence.REFUTED).findFirst().orElseThrow();
        assertThat(refuted.signals()).isEmpty();
    }
}
