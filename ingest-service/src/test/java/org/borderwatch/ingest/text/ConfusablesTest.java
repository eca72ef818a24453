package org.borderwatch.ingest.text;

import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.ingest.Fixtures;
import org.borderwatch.ingest.gazetteer.PlaceResolution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Look-alike letters of another script inside a word. The words are written with Java escapes so the test says which
 * letter is which: \u043e is the Cyrillic о, \u0435 the Cyrillic е, \u0422 the Cyrillic Т, \u0391 the Greek Α …
 */
class ConfusablesTest {

    /** word as sent | word as read */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // Cyrillic look-alikes inside a Latin word: folded to Latin
            "S\u043etk                    | Sotk",
            "\u0422\u0435gh               | Tegh",
            "B\u0435rd                    | Berd",
            "\u041a\u0430p\u0430n         | Kapan",
            "Y\u0435r\u0430skh            | Yeraskh",
            "N\u0435rkin                  | Nerkin",
            "\u0410z\u0435rb\u0430ij\u0430ni | Azerbaijani",
            // Greek and Armenian look-alikes
            "\u039derkin                  | Nerkin",
            "\u0397and                    | Hand",
            "K\u03bfrnidz\u03bfr          | Kornidzor",
            "S\u0585tk                    | Sotk",
            // compatibility forms: full-width, mathematical bold, a ligature, full-width digits
            "\uff33\uff4f\uff54\uff4b     | Sotk",
            "\ud835\udc12\ud835\udc28\ud835\udc2d\ud835\udc24 | Sotk",
            "\ufb01red                    | fired",
            "\uff11\uff14                 | 14",
            // invisible characters inside a word are dropped
            "So\u00adtk                   | Sotk",
            "So\u200btk                   | Sotk",
            "Te\u200dgh                   | Tegh",
            // Latin twins inside a Cyrillic word: folded to Cyrillic
            "Co\u0442\u043a              | \u0421\u043e\u0442\u043a",
            "\u0421\u043e\u0442k          | \u0421\u043e\u0442\u043a",
            // one script already, or a letter in neither table: as sent
            "Sotk                         | Sotk",
            "\u0421\u043e\u0442\u043a     | \u0421\u043e\u0442\u043a",
            "\u0421\u043e\u0441           | \u0421\u043e\u0441",
            "S\u043e\u0442k               | S\u043e\u0442k",
            "K\u0259lb\u0259c\u0259r      | K\u0259lb\u0259c\u0259r",
            "D\u0131\u011f                | D\u0131\u011f",
            "\u054d\u0578\u0569\u0584     | \u054d\u0578\u0569\u0584",
            "caf\u00e9                    | caf\u00e9"})
    void foldsAWordToTheScriptItOtherwiseIs(String sent, String read) {
        assertThat(Confusables.foldWord(sent)).isEqualTo(read);
    }

    @Test
    void foldsOnlyTheMixedWordsOfAText() {
        String text = "Units fired at S\u043etk and \u0421\u043e\u0442\u043a, 1\u20132 km from the border \u2014 "
                + "\u201cB\u0435rd\u201d.";
        assertThat(Confusables.foldText(text)).isEqualTo("Units fired at Sotk and \u0421\u043e\u0442\u043a, "
                + "1\u20132 km from the border \u2014 \u201cBerd\u201d.");
        String plain = "Armenian units fired at Sotk.";
        assertThat(Confusables.foldText(plain)).isSameAs(plain);
    }

    /** The gazetteer finds a place whatever look-alikes its name is written with, and never another place. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "fire at S\u043etk                         | sotk",
            "near the village of \u0422\u0435gh         | tegh",
            "near N\u0435rkin H\u0430nd                 | nerkin-hand",
            "from the direction of \u039aalbajar        | kalbajar",
            "at \uff2b\uff55\uff54                      | kut",
            "near So\u00adtk                            | sotk",
            "near \u0421\u043e\u0442k                   | sotk"})
    void theGazetteerFindsLookAlikeNames(String text, String id) {
        assertThat(Fixtures.GAZETTEER.find(text)).singleElement().extracting(m -> m.place().id()).isEqualTo(id);
    }

    /**
     * A front written partly with look-alikes resolves to all its segments (it used to drop the disguised place and
     * give fewer), and a word that stays mixed names nothing: UNRESOLVED, never a guess.
     */
    @Test
    void aDisguisedPlaceIsNotDroppedFromAFront() {
        PlaceResolution front = Fixtures.GAZETTEER.resolve("fire at positions near N\u0435rkin H\u0430nd and Kut");
        assertThat(front.resolvedSegments()).containsExactlyInAnyOrder(BorderSegment.SYUNIK_EAST,
                BorderSegment.GEGHARKUNIK);
        assertThat(Fixtures.GAZETTEER.resolve("fire at S\u043e\u0442k").segments())
                .isEqualTo(List.of(BorderSegment.UNRESOLVED));
    }
}
