package org.borderwatch.ingest.text;

import java.text.Normalizer;
import java.util.Map;

/**
 * Look-alike letters inside a word of another script: "Sоtk" with a Cyrillic о, "Теgh" with a Cyrillic Т and е,
 * "Ｓｏｔｋ" in full-width letters, "So\u00ADtk" with a soft hyphen. Such a word is one word of one script that was typed,
 * copied or forged with look-alikes; read as it is it names nothing (a place that silently fails to resolve, or a
 * front that resolves to fewer segments than it names). This class folds it to the script it otherwise is:
 *
 * <ul>
 *     <li>to Latin: a word whose letters are all Latin, look-alikes of {@link #TO_LATIN} (Cyrillic, Greek and
 *     Armenian letters that look like a Latin one) or compatibility forms of Latin letters and digits (full-width,
 *     mathematical, ligatures: their NFKC form), with at least one that is not from the look-alike table —
 *     "Sоtk" → "Sotk", "Νerkin Ηand" → "Nerkin Hand", "ＴＥＧＨ" → "TEGH";</li>
 *     <li>to Cyrillic: a word with a Cyrillic letter that has no Latin twin whose other letters are Cyrillic or Latin
 *     twins of Cyrillic letters ({@link #TO_CYRILLIC}) — "Coтк" (Latin C and o) → "Сотк";</li>
 *     <li>invisible format characters inside a word (soft hyphen, zero-width space, joiners, word joiner, byte-order
 *     mark) are dropped — "So\u200Btk" → "Sotk".</li>
 * </ul>
 *
 * A word wholly in another script stays as it is ("Сотк" is the Russian name, which the gazetteer knows), and so does
 * a word with a letter that is in neither table ("Sотk": Cyrillic т is no Latin look-alike and k no Cyrillic one
 * — it matches nothing, and an unknown place is {@code UNRESOLVED}, never a guess). The table is deliberately small:
 * the letters of the scripts the sources write (Cyrillic for Russian, Armenian) and Greek, which the same fonts carry,
 * that are drawn like a Latin letter in common fonts — after Unicode's confusables list, not all of it.
 */
public final class Confusables {

    private Confusables() {
    }

    /** Cyrillic, Greek and Armenian letters drawn like a Latin letter: THE table (the README lists it). */
    static final Map<Character, Character> TO_LATIN = Map.ofEntries(
            // Cyrillic
            Map.entry('а', 'a'), Map.entry('с', 'c'), Map.entry('ԁ', 'd'), Map.entry('е', 'e'), Map.entry('ё', 'e'),
            Map.entry('һ', 'h'), Map.entry('і', 'i'), Map.entry('ј', 'j'), Map.entry('ӏ', 'l'), Map.entry('о', 'o'),
            Map.entry('р', 'p'), Map.entry('ԛ', 'q'), Map.entry('ѕ', 's'), Map.entry('у', 'y'), Map.entry('ԝ', 'w'),
            Map.entry('х', 'x'), Map.entry('А', 'A'), Map.entry('В', 'B'), Map.entry('С', 'C'), Map.entry('Е', 'E'),
            Map.entry('Н', 'H'), Map.entry('І', 'I'), Map.entry('Ј', 'J'), Map.entry('К', 'K'), Map.entry('М', 'M'),
            Map.entry('О', 'O'), Map.entry('Р', 'P'), Map.entry('Ѕ', 'S'), Map.entry('Т', 'T'), Map.entry('Х', 'X'),
            Map.entry('У', 'Y'), Map.entry('Ԛ', 'Q'), Map.entry('Ԝ', 'W'), Map.entry('Һ', 'H'),
            // Greek
            Map.entry('α', 'a'), Map.entry('ι', 'i'), Map.entry('κ', 'k'), Map.entry('ν', 'v'), Map.entry('ο', 'o'),
            Map.entry('ρ', 'p'), Map.entry('υ', 'u'), Map.entry('χ', 'x'), Map.entry('Α', 'A'), Map.entry('Β', 'B'),
            Map.entry('Ε', 'E'), Map.entry('Ζ', 'Z'), Map.entry('Η', 'H'), Map.entry('Ι', 'I'), Map.entry('Κ', 'K'),
            Map.entry('Μ', 'M'), Map.entry('Ν', 'N'), Map.entry('Ο', 'O'), Map.entry('Ρ', 'P'), Map.entry('Τ', 'T'),
            Map.entry('Υ', 'Y'), Map.entry('Χ', 'X'),
            // Armenian
            Map.entry('օ', 'o'), Map.entry('ս', 'u'), Map.entry('հ', 'h'), Map.entry('ո', 'n'), Map.entry('զ', 'q'),
            Map.entry('ց', 'g'), Map.entry('Օ', 'O'), Map.entry('Ս', 'U'), Map.entry('Տ', 'S'));

    /** Latin letters drawn like a letter of the Russian alphabet (the way back, for a Cyrillic word). */
    static final Map<Character, Character> TO_CYRILLIC = Map.ofEntries(
            Map.entry('a', 'а'), Map.entry('c', 'с'), Map.entry('e', 'е'), Map.entry('k', 'к'), Map.entry('o', 'о'),
            Map.entry('p', 'р'), Map.entry('x', 'х'), Map.entry('y', 'у'), Map.entry('A', 'А'), Map.entry('B', 'В'),
            Map.entry('C', 'С'), Map.entry('E', 'Е'), Map.entry('H', 'Н'), Map.entry('K', 'К'), Map.entry('M', 'М'),
            Map.entry('O', 'О'), Map.entry('P', 'Р'), Map.entry('T', 'Т'), Map.entry('X', 'Х'), Map.entry('Y', 'У'));

    /** The text with every word of mixed look-alikes folded (see the class comment); the same string when none is. */
    public static String foldText(String text) {
        StringBuilder out = null;
        int n = text.length();
        int i = 0;
        int copied = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!Character.isLetterOrDigit(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n && isWordChar(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            String word = text.substring(start, i);
            String folded = foldWord(word);
            if (!folded.equals(word)) {
                if (out == null) {
                    out = new StringBuilder(n);
                }
                out.append(text, copied, start).append(folded);
                copied = i;
            }
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copied, n).toString();
    }

    /** A letter, digit, combining mark or invisible format character: what a word is made of here. */
    static boolean isWordChar(int cp) {
        int type = Character.getType(cp);
        return Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK || isInvisible(cp);
    }

    /** Soft hyphen, zero-width space / non-joiner / joiner, word joiner, byte-order mark. */
    static boolean isInvisible(int cp) {
        return cp == 0x00AD || cp >= 0x200B && cp <= 0x200D || cp == 0x2060 || cp == 0xFEFF;
    }

    /** One word folded (see the class comment); the same string when it is of one script already. */
    public static String foldWord(String word) {
        boolean invisible = false;
        boolean latin = false;       // a Latin letter, or a compatibility form of one
        boolean lookAlike = false;   // a letter of TO_LATIN
        boolean otherScript = false; // a letter neither Latin nor in TO_LATIN nor a compatibility form
        boolean cyrillicOnly = false; // a Cyrillic letter with no Latin twin
        boolean latinTwin = false;   // a Latin letter with a Cyrillic twin
        boolean latinAlone = false;  // a Latin letter with no Cyrillic twin
        boolean compat = false;
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            i += Character.charCount(cp);
            if (isInvisible(cp)) {
                invisible = true;
                continue;
            }
            if (!Character.isLetter(cp)) {
                if (Character.isDigit(cp) && compatibilityLatin(cp) != null) { // a full-width or mathematical digit
                    compat = true;
                    latin = true;
                }
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (cp < 0x10000 && TO_LATIN.containsKey((char) cp)) {
                lookAlike = true;
            } else if (compatibilityLatin(cp) != null) {
                compat = true;
                latin = true;
                latinAlone = true;
            } else if (script == Character.UnicodeScript.LATIN) {
                latin = true;
                if (cp < 0x10000 && TO_CYRILLIC.containsKey((char) cp)) {
                    latinTwin = true;
                } else {
                    latinAlone = true;
                }
            } else {
                otherScript = true;
                cyrillicOnly |= script == Character.UnicodeScript.CYRILLIC;
            }
        }
        boolean toLatin = latin && !otherScript && (lookAlike || compat);
        boolean toCyrillic = !toLatin && cyrillicOnly && latinTwin && !latinAlone;
        if (!toLatin && !toCyrillic && !invisible) {
            return word;
        }
        StringBuilder b = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            i += Character.charCount(cp);
            if (isInvisible(cp)) {
                continue;
            }
            if (toLatin && cp < 0x10000 && TO_LATIN.containsKey((char) cp)) {
                b.append(TO_LATIN.get((char) cp));
            } else if (toLatin && compatibilityLatin(cp) != null) {
                b.append(compatibilityLatin(cp));
            } else if (toCyrillic && cp < 0x10000 && TO_CYRILLIC.containsKey((char) cp)) {
                b.append(TO_CYRILLIC.get((char) cp));
            } else {
                b.appendCodePoint(cp);
            }
        }
        return b.toString();
    }

    /**
     * The ASCII letters or digits a compatibility form stands for (full-width "Ｓ", mathematical "𝐒", the ligature
     * "ﬁ"), or null for any other character.
     */
    static String compatibilityLatin(int cp) {
        if (cp < 0x80 || cp >= 0x0250 && cp < 0x1D00) {
            return null; // ASCII itself; the alphabets between Latin Extended and the phonetic blocks fold to nothing
        }
        String s = new String(Character.toChars(cp));
        String k = Normalizer.normalize(s, Normalizer.Form.NFKC);
        if (k.equals(s) || k.isEmpty()) {
            return null;
        }
        for (int i = 0; i < k.length(); i++) {
            char c = k.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9')) {
                return null;
            }
        }
        return k;
    }
}
