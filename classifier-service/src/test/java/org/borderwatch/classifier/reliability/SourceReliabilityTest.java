package org.borderwatch.classifier.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.borderwatch.classifier.TestReports;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceReliabilityTest {

    private final SourceReliability reliability = new SourceReliability(ReliabilitySettings.defaults());

    @ParameterizedTest(name = "party source confirmed={0} refuted={1} -> {2}")
    @CsvSource({"0,0,0.5", "2,0,0.6667", "0,2,0.3333", "6,0,0.8", "0,8,0.1667"})
    void partyPosteriorMean(long confirmed, long refuted, double expected) {
        assertThat(reliability.of(TestReports.AZ_MOD, new SourceRecord(confirmed, refuted)))
                .isEqualTo(expected, within(1e-4));
    }

    @ParameterizedTest(name = "observer confirmed={0} refuted={1} -> {2}")
    @CsvSource({"0,0,0.8", "0,10,0.4"})
    void observerStartsHigh(long confirmed, long refuted, double expected) {
        assertThat(reliability.of(TestReports.EUMA, new SourceRecord(confirmed, refuted)))
                .isEqualTo(expected, within(1e-4));
    }

    @org.junit.jupiter.api.Test
    void noisyOr() {
        assertThat(SourceReliability.noisyOr(List.of(0.5, 0.5))).isEqualTo(0.75, within(1e-9));
        assertThat(SourceReliability.noisyOr(List.of())).isZero();
    }
}
