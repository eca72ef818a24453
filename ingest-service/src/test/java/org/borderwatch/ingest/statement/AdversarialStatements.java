package org.borderwatch.ingest.statement;

import org.borderwatch.common.json.Json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * Adversarial statement texts for the robustness audit: each class is a text shape a rule could be slow on (one
 * endless sentence, thousands of places, numbers, party adjectives, punctuation, runs of one character, nested
 * counter-accusations). {@link #text} builds a class's text to a given size in UTF-8 bytes, so that the whole
 * record stays under the record limit; {@link #record} wraps it as a statement.
 */
public final class AdversarialStatements {

    /** The input classes, by name, each a unit repeated (or a generator) up to the size. */
    public static final Map<String, IntFunction<String>> CLASSES = new LinkedHashMap<>();

    static {
        unit("one-letter", "a");
        unit("one-full-stop", ".");
        unit("one-space", " ");
        unit("one-digit", "7");
        unit("one-hyphen", "-");
        unit("one-comma", ",");
        unit("one-quote", "\"");
        unit("one-open-parenthesis", "(");
        unit("one-cyrillic-letter", "ж");
        unit("one-armenian-letter", "ա");
        unit("one-newline", "\n");
        unit("one-colon", ":");
        unit("long-sentence-no-stop", "Armenian armed forces units posted toward Digh settlement in Gorus region "
                + "subjected Azerbaijan Army positions facing Lachin to fire, ");
        unit("many-short-claims", "On 16 March at 09:35 Armenian units fired at our positions from Digh. ");
        unit("place-names", "Digh Tegh Sotk Zod Vardenis Basarkechar Yeraskh Arazdeyen Khoznavar Berd Kalbajar ");
        unit("place-names-commas", "Digh, Tegh, Sotk, Zod, Vardenis, Basarkechar, Yeraskh, Arazdeyen, Khoznavar, ");
        unit("direction-phrases", "in the direction of Digh and in the Nakhchivan direction and the Lachin direction ");
        unit("party-tokens", "Armenian Azerbaijani ");
        unit("party-tokens-stops", "Armenian. Azerbaijani. ");
        unit("numbers", "1 22 333 4444 55555 ");
        unit("digit-groups-with-dots", "1.2.3.4.5.6.7.8.9.0.");
        unit("times-and-dates", "at 09:35 from 22:40 to 23:10 on 16 March on the night of 16 to 17 March ");
        unit("dates-no-separator", "16 17 18 March April May 2025 2024 ");
        unit("number-words", "four two three servicemen were killed wounded ");
        unit("casualty-phrases", "four servicemen were killed and two were wounded, ");
        unit("commas-and-spaces", ", , , ");
        unit("quotes-and-words", "\"Armenian\" «fire» \"Digh\" ");
        unit("parentheses-nested", "((Armenian (units (fired (at (Digh ");
        unit("whitespace-tabs", " \t \u00a0 \u2003 ");
        unit("hyphen-words", "Armenian-Azerbaijani-border-Digh-Tegh-");
        unit("cyrillic-hyphen-words", "армянские-подразделения-убит-ранен-");
        unit("apostrophe-words", "o'd'a’b'");
        unit("in-response-no-stop", "in response to the provocation of the enemy near Digh and Tegh ");
        unit("wounded-no-stop", "a soldier was wounded ");
        unit("wounded-and-died", "the soldier was wounded and died of his wounds ");
        CLASSES.put("combining-marks-one-word", bytes -> "a" + repeat("\u0301\u0316", bytes - 1));
        unit("combining-marks-words", "Digh\u0301\u0316\u0301 Tegh\u0316\u0301 ");
        CLASSES.put("supplementary-marks-one-word", bytes -> "a" + repeat("\uDB40\uDD00", bytes - 1));
        unit("emoji", "\uD83D\uDCA3\uD83D\uDD25 ");
        unit("lone-surrogates", "\uD83D x \uDCA3 ");
        unit("cyrillic-words", "Армянские подразделения обстреляли позиции в направлении Кельбаджара ");
        unit("armenian-words", "Ադրբեջանական զինուժը կրակ է բացել Սոթքի ուղղությամբ ");
        unit("on-the-contrary-nested", "The claim is false. On the contrary, it was the Armenian side that, "
                + "on the contrary, ");
        unit("on-the-contrary-no-stop", "on the contrary, in fact, in reality, it was the Armenian side that ");
        unit("denial-cues", "does not correspond to reality, disinformation, categorically refutes, is false ");
        unit("observer-cues", "patrols observed no incidents heard several bursts of gunfire came under fire ");
        unit("event-cues", "fired shelled drone mortar artillery incursion detained engineering works build-up ");
        unit("recall-cues", "Recall that earlier this week last week on Tuesday the day before ");
        unit("release-and-mines", "released detainees handed over mines neutralised cleared hectares ");
        unit("retaliation-cues", "retaliation revenge response measures ");
        unit("sentence-per-word", "Fire. ");
        unit("question-marks", "Fired? ");
        unit("semicolons", "fired; ");
        unit("caps", "ARMENIAN UNITS FIRED AT DIGH ");
        unit("alternating-space-dot", " .");
        unit("digits-and-colons", "09:35:22:40:23:10:");
        unit("years", "2025 1991 2030 ");
        unit("total-phrases", "the number of servicemen killed has reached four and risen to 5 ");
        unit("appositive-persons", "Private A. B. C., born in 2003 in the village, was fatally wounded ");
        unit("listed-counts", "killed: 1, wounded: 2, killed - 3, ");
        unit("people-groups", "two servicemen, a civilian and three soldiers and ");
        unit("lost-lives", "lost their lives lost lives ");
        unit("anaphor-denials", "Baku claims Armenian units fired near Berd. That is baseless. ");
        unit("recall-sentences", "Recall that on 12 April two servicemen were wounded near Sotk. ");
        unit("observer-sentences", "A patrol near Sotk heard several bursts of gunfire. The rest of the border was calm. ");
        unit("counter-claims", "The claim is false. On the contrary, at 21:10 Armenian units fired near Sotk. "
                + "As a result, one soldier was wounded. ");
        unit("briefing-questions", "Question: Did Armenian units fire near Tegh? Answer: this information does not "
                + "correspond to reality. ");
        unit("weekday-dates", "on Tuesday last Monday on the night of 16 to 17 March from 00:05 ");
        unit("month-years", "April 2024 March 2025 May 2021 in September 2022 ");
        // parts of the day with days in one endless sentence: each part once asked whether its sentence tells an event
        unit("parts-of-day-endless", "late on Monday afternoon overnight into Tuesday this evening in the small hours of Friday ");
        unit("actors-without-verbs", "Armenian units. Azerbaijani forces. ");
        CLASSES.put("actors-then-verbs", bytes -> repeat("Armenian units. ", bytes / 2)
                + repeat("fired at ", bytes / 2));
        CLASSES.put("wound-words-then-one-death", bytes -> repeat("wounded ", bytes - 40)
                + "died of his wounds");
        // found by mixing classes: thousands of dates, then thousands of clock times (16 s at 64 KB before the fix)
        CLASSES.put("month-years-then-times", bytes -> repeat("April 2024 March 2025 May 2021 in September 2022 ",
                bytes / 2) + repeat("at 09:35 from 22:40 to 23:10 on 16 March on the night of 16 to 17 March ",
                bytes / 2));
        for (int seed = 1; seed <= 3; seed++) {
            int s = seed;
            CLASSES.put("random-cue-mix-" + s, bytes -> randomMix(new Random(s), bytes));
        }
        CLASSES.put("random-code-points", bytes -> randomCodePoints(new Random(4), bytes));
    }

    private static final String[] VOCABULARY = ("Armenian Azerbaijani units fired at our positions in the direction "
            + "of Digh Tegh Sotk Zod Vardenis Nakhchivan Lachin Kalbajar Gegharkunik Syunik on 16 March at 09:35 "
            + "from 22:40 to 23:10 the night of 17 April four two servicemen killed wounded retaliation revenge "
            + "On the contrary , . ; \" ( ) « » - 1 22 333 does not correspond to reality disinformation false "
            + "observed no incidents heard gunfire released detainees mines Recall that earlier this week "
            + "мины ժամը").split(" ");

    private AdversarialStatements() {
    }

    private static void unit(String name, String unit) {
        CLASSES.put(name, bytes -> repeat(unit, bytes));
    }

    /** {@code unit} repeated while the text's JSON-escaped UTF-8 size stays within {@code bytes}. */
    static String repeat(String unit, int bytes) {
        int unitBytes = escapedBytes(unit);
        StringBuilder b = new StringBuilder();
        int size = 0;
        while (size + unitBytes <= bytes) {
            b.append(unit);
            size += unitBytes;
        }
        return b.toString();
    }

    private static String randomMix(Random random, int bytes) {
        StringBuilder b = new StringBuilder();
        int size = 0;
        while (true) {
            String w = VOCABULARY[random.nextInt(VOCABULARY.length)] + " ";
            int n = escapedBytes(w);
            if (size + n > bytes) {
                return b.toString();
            }
            b.append(w);
            size += n;
        }
    }

    /** Random code points of every plane but the private ones, with spaces and full stops now and then. */
    private static String randomCodePoints(Random random, int bytes) {
        StringBuilder b = new StringBuilder();
        int size = 0;
        while (true) {
            int cp = random.nextInt(10) == 0 ? (random.nextBoolean() ? ' ' : '.') : random.nextInt(0x30000);
            if (Character.getType(cp) == Character.SURROGATE || Character.getType(cp) == Character.UNASSIGNED) {
                continue;
            }
            String c = new String(Character.toChars(cp));
            int n = escapedBytes(c);
            if (size + n > bytes) {
                return b.toString();
            }
            b.append(c);
            size += n;
        }
    }

    private static int escapedBytes(String s) {
        return Json.write(s).getBytes(StandardCharsets.UTF_8).length - 2;
    }

    /** A class's text whose JSON string (escaped, UTF-8) is at most {@code bytes} long. */
    public static String text(String name, int bytes) {
        return CLASSES.get(name).apply(bytes);
    }

    /** The statement record around a text (about 200 bytes besides the text). */
    public static byte[] record(String text) {
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("sourceRef", "adversarial");
        statement.put("source", "Ministry of Defence of Azerbaijan");
        statement.put("publishedAt", "2025-03-16T10:20:00+04:00");
        statement.put("language", "en");
        statement.put("text", text);
        return Json.write(statement).getBytes(StandardCharsets.UTF_8);
    }

    /** Every class at a text size that keeps the record within {@code recordBytes}. */
    public static List<Map.Entry<String, byte[]>> corpus(int recordBytes) {
        List<Map.Entry<String, byte[]>> out = new ArrayList<>();
        CLASSES.forEach((name, gen) -> out.add(Map.entry(name, record(gen.apply(recordBytes - 256)))));
        return out;
    }
}
