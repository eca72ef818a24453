package org.borderwatch.classifier.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.borderwatch.common.model.Casualties;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.Signal;
import org.borderwatch.common.model.SignalType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeverityRulesTest {

    @ParameterizedTest(name = "{0} killed={1} wounded={2} signals={3} -> {4}")
    @CsvSource(delimiter = '|', textBlock = """
            UNVERIFIED | 0 | 0 |                                               | LOW
            REFUTED    | 0 | 0 |                                               | INFO
            CONFIRMED  | 0 | 0 |                                               | LOW
            DISPUTED   | 0 | 1 |                                               | MEDIUM
            DISPUTED   | 0 | 0 | HEAVY_WEAPONS                                 | MEDIUM
            DISPUTED   | 0 | 0 | CLAIM_SURGE UNCORROBORATED_SURGE              | HIGH
            REFUTED    | 0 | 0 | CLAIM_SURGE UNCORROBORATED_SURGE              | MEDIUM
            CONFIRMED  | 1 | 0 | FATALITIES                                    | HIGH
            CONFIRMED  | 4 | 1 | FATALITIES RETALIATION_CYCLE                  | CRITICAL
            CONFIRMED  | 0 | 0 | HEAVY_WEAPONS SPREAD RETALIATION_CYCLE        | CRITICAL
            UNVERIFIED | 0 | 0 | HEAVY_WEAPONS SPREAD                          | HIGH
            DISPUTED   | 0 | 0 | CLAIM_SURGE UNCORROBORATED_SURGE QUIET_BROKEN | HIGH
            """)
    void severity(Occurrence occurrence, int killed, int wounded, String signals, Severity expected) {
        List<Signal> list = signals == null ? List.of() : Arrays.stream(signals.trim().split("\\s+"))
                .map(s -> new Signal(SignalType.valueOf(s), List.of(), null)).toList();
        List<Casualties> casualties = killed + wounded == 0 ? List.of()
                : List.of(new Casualties(killed, wounded, Party.AM));
        assertThat(SeverityRules.severity(occurrence, casualties, list, SeveritySettings.defaults(), 3))
                .isEqualTo(expected);
    }
}
