package org.borderwatch.ingest.statement;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;

class ForwardMatchesTest {

    private static final String SENTENCE = "One serviceman was wounded, and another soldier who was wounded on 9 "
            + "January died of his wounds while a third was wounded; the toll has reached 3 and then risen to four.";

    /** The answer is region(from, end).find()'s, whatever order the positions are asked in. */
    @Test
    void answersLikeASearchFromEachPosition() {
        Random random = new Random(7);
        for (var pattern : new java.util.regex.Pattern[] {StatementRules.DIED_OF_WOUNDS, StatementRules.OTHER_PERSON}) {
            ForwardMatches forward = new ForwardMatches(pattern, SENTENCE, SENTENCE.length());
            for (int k = 0; k < 400; k++) {
                // mostly increasing, sometimes back: both must give the plain search's answer
                int from = k < 200 ? k * SENTENCE.length() / 200 : random.nextInt(SENTENCE.length());
                from = wordEnd(from);
                Matcher plain = pattern.matcher(SENTENCE).region(from, SENTENCE.length());
                MatchResult got = forward.from(from);
                if (plain.find()) {
                    assertThat(got).as("from " + from).isNotNull();
                    assertThat(got.start()).as("from " + from).isEqualTo(plain.start());
                } else {
                    assertThat(got).as("from " + from).isNull();
                }
            }
        }
    }

    /** Callers ask at a word's end. */
    private static int wordEnd(int from) {
        int i = from;
        while (i < SENTENCE.length() && Character.isLetterOrDigit(SENTENCE.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * Thousands of wound words in one sentence, asked in order: one search per match (here none), not one per word —
     * asking afresh scanned to the sentence's end for every word (27 s for 64 KB of "wounded and died of his wounds").
     */
    @Test
    void positionsAskedInOrderSearchOncePerMatch() {
        String text = "a soldier was wounded ".repeat(3000);
        ForwardMatches died = new ForwardMatches(StatementRules.DIED_OF_WOUNDS, text, text.length());
        Matcher words = java.util.regex.Pattern.compile("\\bwounded\\b").matcher(text);
        int asked = 0;
        while (words.find()) {
            assertThat(died.from(words.end())).isNull();
            asked++;
        }
        assertThat(asked).isEqualTo(3000);
        assertThat(died.searches()).isEqualTo(1);

        String withDeaths = "the soldier was wounded and died of his wounds ".repeat(1000);
        ForwardMatches died2 = new ForwardMatches(StatementRules.DIED_OF_WOUNDS, withDeaths, withDeaths.length());
        Matcher w2 = java.util.regex.Pattern.compile("\\bwounded\\b").matcher(withDeaths);
        while (w2.find()) {
            assertThat(died2.from(w2.end())).isNotNull();
        }
        assertThat(died2.searches()).isLessThanOrEqualTo(1000); // one per match, however long the sentence
    }
}
