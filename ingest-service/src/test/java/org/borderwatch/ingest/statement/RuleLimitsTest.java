package org.borderwatch.ingest.statement;

import org.borderwatch.ingest.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The limits on what the statement rules read take effect as configured, and nonsense values are refused; and the
 * text the rules read joins a compound written with a typographic dash as with a hyphen.
 */
class RuleLimitsTest {

    private static RawStatement statement(String text) {
        return new RawStatement("r1", "Ministry of Defence of Azerbaijan",
                OffsetDateTime.parse("2025-03-16T10:20:00+04:00"), "en", text, null);
    }

    private static StatementNormalizer normalizer(RuleLimits limits) {
        return new StatementNormalizer(Fixtures.SOURCES,
                new StatementExtractor(Fixtures.GAZETTEER, org.borderwatch.ingest.IngestCore.DEFAULT_ZONE),
                org.borderwatch.ingest.IngestCore.DEFAULT_ZONE, limits);
    }

    @Test
    void aSmallerMarkRunLimitShortensRunsToThatMany() {
        String text = "Fire near Zo" + "\u0301".repeat(6) + "d.";
        assertThat(normalizer(RuleLimits.DEFAULTS).forRules(statement(text)).text()).as("six marks are within 8")
                .isEqualTo(text);
        assertThat(normalizer(new RuleLimits(65_536, 4)).forRules(statement(text)).text())
                .isEqualTo("Fire near Zo" + "\u0301".repeat(4) + "d.");
    }

    @Test
    void aSmallerTextLimitCutsAtTheLastSentenceEndBeforeIt() {
        String first = "On 16 March Armenian units fired at our positions. ";
        String text = first + "The situation remains tense. ".repeat(100);
        assertThat(normalizer(RuleLimits.DEFAULTS).forRules(statement(text)).text()).isEqualTo(text);
        String read = normalizer(new RuleLimits(1500, 8)).forRules(statement(text)).text();
        assertThat(read).startsWith(first).endsWith("tense.").hasSizeLessThanOrEqualTo(1500);
        assertThat(text.substring(read.length())).startsWith(" The situation");
    }

    @Test
    void aDashJoiningTwoLettersIsReadAsAHyphenAndNoOtherDashIs() {
        StatementNormalizer n = normalizer(RuleLimits.DEFAULTS);
        assertThat(n.forRules(statement("Movement along the Lachin\u2013Khankendi road was halted.")).text())
                .isEqualTo("Movement along the Lachin-Khankendi road was halted.");
        assertThat(n.forRules(statement("small\u2011arms fire from the Goris\u2010Kapan road")).text())
                .isEqualTo("small-arms fire from the Goris-Kapan road");
        for (String kept : new String[] {"On the night of 12\u201313 September", "near Sotk \u2013 mortars",
                "from 21:10\u201321:40", "Lachin\u2014Khankendi", "Sotk\u2013 Kut"}) {
            RawStatement s = statement(kept);
            assertThat(n.forRules(s)).as(kept).isSameAs(s);
        }
    }

    @Test
    void nonsenseLimitsAreRefused() {
        assertThatThrownBy(() -> new RuleLimits(100, 8)).hasMessageContaining("maxTextChars");
        assertThatThrownBy(() -> new RuleLimits(65_536, 0)).hasMessageContaining("maxMarkRun");
        assertThatThrownBy(() -> new RuleLimits(65_536, 1000)).hasMessageContaining("maxMarkRun");
    }
}
