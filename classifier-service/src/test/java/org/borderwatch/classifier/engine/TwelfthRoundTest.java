package org.borderwatch.classifier.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.borderwatch.classifier.replay.Replayer;
import org.borderwatch.common.model.Assessment;
import org.junit.jupiter.api.Test;

/**
 * Twelfth round: 20 rows written blind to the classifier's code, in the writer's own words about public border events
 * (2026 dates), each checked against the contract and this module's README before the first run
 * ({@code src/test/resources/round-12/rows.json}, read as a {@link BlindRound}; 61 final incidents in all), checked
 * as every round of blind rows is ({@link BlindRoundTest}), and the round's finding (r12-11) in detail.
 * {@code ClassifierTopologyTest} streams every row.
 * <p>
 * One expectation moved since the round was written: r12-02 (France's foreign ministry condemning the mortar fire on
 * Jermuk beside Armenia's claim and Azerbaijan's denial) was written CONFIRMED by the README's reading then, a third
 * party's own account confirms. In c23 (an audit's finding C5, the lead's decision) a third party that is no observer
 * corroborates and does not confirm: DISPUTED/CONTESTED, MEDIUM, HEAVY_WEAPONS as before
 * ({@link #aThirdCountrysAccountCorroboratesTheClaimItDoesNotConfirmIt}).
 */
public class TwelfthRoundTest extends BlindRoundTest {

    public TwelfthRoundTest() {
        super(12, 20, 61);
    }

    /** r12-02 as moved in c23: the rationale says why France's word does not confirm; the dispute decides. */
    @Test
    void aThirdCountrysAccountCorroboratesTheClaimItDoesNotConfirmIt() {
        BlindRound.Row row = round().row("r12-02");
        List<Assessment> finals = new Replayer(ClassifierEngine.withDefaults()).replay(row.arriving()).finals();
        assertThat(finals).hasSize(1);
        Assessment jermuk = finals.get(0);
        assertThat(jermuk.occurrence()).isEqualTo(org.borderwatch.common.model.Occurrence.DISPUTED);
        assertThat(jermuk.rationale()).contains("Ministry for Europe and Foreign Affairs of France (statement of "
                + "2026-02-03 19:00 +04:00) is a third party, no independent observer: its account corroborates, it "
                + "does not confirm.");
        assertThat(jermuk.rationale()).noneMatch(s -> s.startsWith("Occurrence CONFIRMED"));
    }

    /**
     * r12-11, the round's finding: the denial of a claim whose incident closed and was evicted is assessed alone as
     * what it is, the accused side's denial of a known claim (DISPUTED, not "a claim no one has answered"), and says
     * that the closed incident keeps its own verdict; the denial within the grace of the other closure corrects that
     * incident's final version instead.
     */
    @Test
    void aDenialOfAnEvictedClaimIsAssessedAloneAsTheDisputeItIs() {
        BlindRound.Row row = round().row("r12-11");
        Map<UUID, String> refs = BlindRound.refs(row.arriving());
        List<Assessment> finals = new Replayer(ClassifierEngine.withDefaults()).replay(row.arriving()).finals();
        Assessment own = finals.stream().filter(a -> a.reportIds().values().stream().flatMap(List::stream)
                .map(refs::get).toList().equals(List.of("r12-11-am-den-kut"))).findFirst().orElseThrow();
        assertThat(own.rationale()).anyMatch(s -> s.startsWith("It answers ") && s.contains("near Kut in GEGHARKUNIK"
                + " (last verdict UNVERIFIED), whose incident had already closed"));
        assertThat(own.rationale()).contains("Occurrence DISPUTED for this statement alone: the claim it answers and"
                + " the accused side's denial, no independent word; the closed incident keeps its own verdict.");
        assertThat(own.rationale()).noneMatch(s -> s.startsWith("Occurrence UNVERIFIED"));
        Assessment corrected = finals.stream().filter(a -> a.reportIds().values().stream().flatMap(List::stream)
                .map(refs::get).anyMatch("r12-11-am-den-aravus"::equals)).findFirst().orElseThrow();
        assertThat(corrected.rationale().get(corrected.rationale().size() - 1))
                .startsWith("Final version corrected after the closure");
    }
}
