package org.borderwatch.ingest.statement;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small cardinal numbers written as words ("four servicemen") or digits. */
public final class NumberWords {

    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("no", 0), Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
            Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
            Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30),
            Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70),
            Map.entry("eighty", 80), Map.entry("ninety", 90), Map.entry("hundred", 100),
            Map.entry("a dozen", 12), Map.entry("dozens", 24));

    private static final String UNIT = "one|two|three|four|five|six|seven|eight|nine";
    private static final String BELOW_HUNDRED = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:"
            + UNIT + "))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|" + UNIT;

    /** A count of people as one token: digits (with thousands separators) or a number below a hundred in words. */
    static final String COUNT = "(?<![\\d.,])(?:\\d{1,3}(?:[,\\u00A0\\u2009\\u202F]\\d{3})?+|\\d{4})(?![\\d.,]\\d)|\\b(?:" + BELOW_HUNDRED + ")\\b";

    /** "Two hundred and seven", "three hundred twenty-one", "one hundred": a number of hundreds told in words. */
    private static final Pattern HUNDREDS = Pattern.compile("(?i)\\b(?<h>" + UNIT + ")\\s+hundred"
            + "(?:\\s+(?:and\\s+)?(?<rest>" + BELOW_HUNDRED + "))?\\b");

    /** A number with thousands separators: "3,800", "1 200" (a space, thin or no-break), at most 999,999. */
    private static final Pattern THOUSANDS = Pattern.compile("\\d{1,3}[,\\s\\u00A0\\u2009\\u202F]\\d{3}");

    private NumberWords() {
    }

    /**
     * The text with every number of hundreds told in words ("Two hundred and seven servicemen") written in digits
     * and padded with spaces to the same length ("207" and eighteen spaces), so that offsets into the text stay valid
     * and the number is one word (was "seven", the last word, counted alone).
     */
    static String hundredsAsDigits(String text) {
        Matcher m = HUNDREDS.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text);
        do {
            int value = parse(m.group("h")) * 100 + (m.group("rest") == null ? 0 : parse(m.group("rest")));
            String digits = Integer.toString(value);
            out.replace(m.start(), m.end(), digits + " ".repeat(m.end() - m.start() - digits.length()));
        } while (m.find());
        return out.toString();
    }

    /** The value of a token ("four", "twenty-one", "4"), or null when it is not a number. */
    public static Integer parse(String token) {
        String t = token.toLowerCase(Locale.ROOT).strip();
        if (t.isEmpty()) {
            return null;
        }
        if (t.chars().allMatch(Character::isDigit)) {
            return t.length() <= 4 ? Integer.valueOf(t) : null;
        }
        if (THOUSANDS.matcher(t).matches()) {
            return Integer.valueOf(t.replaceAll("\\D", "")); // "3,800", "1 200": one number
        }
        Integer direct = WORDS.get(t);
        if (direct != null) {
            return direct;
        }
        int dash = t.indexOf('-');
        if (dash > 0) {
            Integer tens = WORDS.get(t.substring(0, dash));
            Integer units = WORDS.get(t.substring(dash + 1));
            if (tens != null && units != null && tens >= 20 && tens % 10 == 0 && units < 10) {
                return tens + units;
            }
        }
        return null;
    }
}
