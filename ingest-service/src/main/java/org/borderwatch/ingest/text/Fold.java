package org.borderwatch.ingest.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Folding for name matching: look-alike letters of another script inside a word folded ({@link Confusables}), lower
 * case, no diacritics, Azerbaijani dotless i and schwa mapped to i and e, every run of non-letters and non-digits is
 * a token boundary (an invisible soft hyphen or zero-width character inside a word is none). "Kəlbəcər", "KELBECER" and "Kelbecer" fold alike.
 */
public final class Fold {

    private Fold() {
    }

    /** One folded token. */
    public static String token(String s) {
        String d = Normalizer.normalize(Confusables.foldWord(s), Normalizer.Form.NFD); // "Sоtk" (Cyrillic о) is Sotk
        StringBuilder b = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            c = Character.toLowerCase(c);
            switch (c) {
                case 'ı' -> c = 'i';
                case 'ə' -> c = 'e';
                case 'ё' -> c = 'е';
                default -> { }
            }
            b.append(c);
        }
        return b.toString();
    }

    /**
     * A folded name with each doubled Latin letter written once, for matching place names, whose transliterations vary
     * ("Teghh" and "Tegh", "Kollugishlaq" and "Kolugishlaq").
     */
    public static String single(String folded) {
        StringBuilder b = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (i > 0 && c == folded.charAt(i - 1) && c < 0x250 && Character.isLetter(c)) {
                continue;
            }
            b.append(c);
        }
        return b.toString();
    }

    /** Folds a phrase to its tokens joined by one space. */
    public static String phrase(String s) {
        return String.join(" ", tokens(s).stream().map(Token::folded).toList());
    }

    /** The tokens of a text with their character offsets in the original. */
    public static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && !Character.isLetterOrDigit(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            int start = i;
            while (i < n && isWordChar(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            if (i > start) {
                out.add(new Token(token(text.substring(start, i)), start, i));
            }
        }
        return out;
    }

    private static boolean isWordChar(int cp) {
        return Confusables.isWordChar(cp); // letters, digits, marks, and invisible format characters ("So\u00ADtk")
    }

    /** True when the string is written mostly in Latin letters. */
    public static boolean isLatin(String s) {
        int latin = 0;
        int letters = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
                    latin++;
                }
            }
        }
        return letters == 0 || latin * 10 >= letters * 6;
    }

    /** A token: its folded form and where it is in the original text. */
    public record Token(String folded, int start, int end) {
    }
}
