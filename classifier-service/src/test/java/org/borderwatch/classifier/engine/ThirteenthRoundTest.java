package org.borderwatch.classifier.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.borderwatch.classifier.replay.Replayer;
import org.borderwatch.common.model.Assessment;
import org.junit.jupiter.api.Test;

/**
 * Thirteenth round: 20 more rows written blind to the classifier's code, with every final incident fixed before the
 * first run ({@code src/test/resources/round-13/rows.json}, read as a {@link BlindRound}; 56 final incidents in all):
 * a claim naming two segments, placeless and pre-emptive denials, an observer's coverage published before the claims
 * and an observer correcting itself, corrections and revised tolls, casualty figures that disagree, surge thresholds
 * at their boundary, the session gap at 5 h 59 and 6 h 01, a late report merging two incidents, QUIET_BROKEN at 29 and
 * 31 days, SPREAD at 23 and 25 hours, a retaliation cycle, heavy weapons beside small arms, closure. Checked as every
 * round of blind rows is ({@link BlindRoundTest}); {@code ClassifierTopologyTest} streams every row. 0 of the 20 rows
 * differed on the blind run.
 */
public class ThirteenthRoundTest extends BlindRoundTest {

    public ThirteenthRoundTest() {
        super(13, 20, 56);
    }

    /**
     * r13-12 beyond its final line: the report published a day late about 11:30 bridges the 06:00 and 17:00 sessions;
     * the older incident survives under its own id and the younger one closes with a version naming it.
     */
    @Test
    void aLateReportBridgingTwoSessionsKeepsTheOlderIncidentAndClosesTheYoungerIntoIt() {
        BlindRound.Row row = round().row("r13-12");
        Map<UUID, String> refs = BlindRound.refs(row.arriving());
        List<Assessment> versions = new Replayer(ClassifierEngine.withDefaults()).replay(row.arriving()).versions();
        UUID morning = firstHolding(versions, refs, "r13-12-az-1").incidentId();
        UUID evening = firstHolding(versions, refs, "r13-12-az-2").incidentId();
        assertThat(evening).isNotEqualTo(morning);
        Assessment closing = versions.stream().filter(a -> a.incidentId().equals(evening))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(closing.closed()).isTrue();
        assertThat(closing.rationale().get(closing.rationale().size() - 1))
                .startsWith("Merged into incident " + morning);
        assertThat(new Replayer.Outcome(versions, 0, 0, 0).finals()).extracting(Assessment::incidentId)
                .containsExactly(morning);
    }

    private static Assessment firstHolding(List<Assessment> versions, Map<UUID, String> refs, String sourceRef) {
        return versions.stream().filter(a -> a.reportIds().values().stream().flatMap(List::stream).map(refs::get)
                .anyMatch(sourceRef::equals)).findFirst().orElseThrow();
    }
}
