package org.borderwatch.ingest.text;

import org.borderwatch.ingest.text.Sentences.Span;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Sentence boundaries: after a full stop, and after a headline line that has none. */
class SentencesTest {

    private static List<String> sentences(String text) {
        return Sentences.split(text).stream().map(s -> s.of(text)).toList();
    }

    @Test
    void aFullStopBeforeACapitalEndsASentenceButNotAnInitialOrARank() {
        assertThat(sentences("Units fired at Sotk. Private R. M. was wounded. Pvt. Aliyev died."))
                .containsExactly("Units fired at Sotk.", "Private R. M. was wounded.", "Pvt. Aliyev died.");
    }

    @Test
    void aHeadlineLineWithoutAFullStopIsASentenceOfItsOwn() {
        assertThat(sentences("Armenian forces fire on Nakhchivan positions\nOn 5 May at 21:10 units fired at Sadarak. "
                + "No losses."))
                .containsExactly("Armenian forces fire on Nakhchivan positions", "On 5 May at 21:10 units fired at Sadarak.",
                        "No losses.");
        assertThat(sentences("🔴 BREAKING | SYUNIK\r\n\r\nTwo soldiers wounded near Tegh."))
                .containsExactly("🔴 BREAKING | SYUNIK", "Two soldiers wounded near Tegh.");
        assertThat(sentences("Serviceman killed - MoD\n2 soldiers wounded"))
                .containsExactly("Serviceman killed - MoD", "2 soldiers wounded");
    }

    @Test
    void aLineThatRunsOnIsNoHeadline() {
        // a text wrapped by its sender: the line ends with a word a sentence goes on from, or the next starts lower case
        assertThat(sentences("At 21:10 units of the Azerbaijani armed forces stationed near\nKhachik fired at our posts."))
                .hasSize(1);
        assertThat(sentences("At 21:10 Azerbaijani units stationed near Kut fired\nat Armenian positions near Sotk."))
                .hasSize(1);
        // … unless a blank line follows it: a paragraph of its own
        assertThat(sentences("Shots fired near\n\nOn 5 May units fired at Sotk."))
                .containsExactly("Shots fired near", "On 5 May units fired at Sotk.");
        // only the first line is a headline; a line that ends with its full stop is split there once
        assertThat(sentences("Units fired at Sotk.\nOur units returned fire\nOn 6 May it was calm."))
                .containsExactly("Units fired at Sotk.", "Our units returned fire\nOn 6 May it was calm.");
        // a first line over 200 characters is no headline
        String longLine = "Units fired " + "again and ".repeat(25) + "Sotk";
        assertThat(sentences(longLine + "\nOn 5 May it was calm.")).hasSize(1);
    }

    @Test
    void theSpansCoverTheHeadlineAndTheBodyWithoutTheLineBreak() {
        String text = "  Calm in Tavush  \nOn 5 May units fired at Sotk.";
        List<Span> spans = Sentences.split(text);
        assertThat(spans).containsExactly(new Span(0, 16), new Span(19, text.length()));
    }

    @Test
    void aLongRunOfSpacesIsSplitInLinearTime() {
        String text = " ".repeat(200_000) + "\n" + " ".repeat(200_000) + "Units fired at Sotk.";
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThat(Sentences.split(text)).hasSize(1));
    }
}
