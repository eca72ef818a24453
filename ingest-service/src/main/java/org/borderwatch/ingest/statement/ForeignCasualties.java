package org.borderwatch.ingest.statement;

import org.borderwatch.common.model.Casualties;
import org.borderwatch.common.model.Party;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Casualty counts in the texts the stance rules do not read (Russian, Armenian, Azerbaijani): killed and wounded
 * counts only ("погибли четыре военнослужащих", "զոհվել է երկու զինծառայող", "iki hərbçi şəhid olub"). Whose losses
 * when the text says "our" in its language ("двое наших военнослужащих", "մեր չորս զինծառայող", "hərbçimiz"): the
 * source's side; else when the people counted carry a nationality ("49 армянских военнослужащих", "военнослужащих
 * ВС Армении", "Azərbaycan Ordusunun hərbçisi", "հայկական բանակի վեց զինծառայող"): that side — never the side
 * named as attacker elsewhere in the sentence. No stance or actor is read from these words.
 */
final class ForeignCasualties {

    private ForeignCasualties() {
    }

    private static final Pattern WORD = Alternations.compile("[\\p{L}\\d]++(?:[-'’][\\p{L}\\d]++)*+");
    /** Clauses: a count belongs to the casualty word of its own clause ("Убит один военнослужащий, трое ранены"). */
    private static final Pattern CLAUSE = Alternations.compile("[^.,;:!?։՝\\n]+");

    private static final Map<String, Integer> NUMBERS = Map.ofEntries(
            // Russian (cardinals and the collective numerals used for people)
            Map.entry("один", 1), Map.entry("одного", 1), Map.entry("одна", 1), Map.entry("два", 2),
            Map.entry("двух", 2), Map.entry("двое", 2), Map.entry("три", 3), Map.entry("трех", 3),
            Map.entry("трёх", 3), Map.entry("трое", 3), Map.entry("четыре", 4), Map.entry("четырех", 4),
            Map.entry("четырёх", 4), Map.entry("четверо", 4), Map.entry("пять", 5), Map.entry("пятеро", 5),
            Map.entry("шесть", 6), Map.entry("шестеро", 6), Map.entry("семь", 7), Map.entry("семеро", 7),
            Map.entry("восемь", 8), Map.entry("девять", 9), Map.entry("десять", 10),
            // Armenian (also with the article -ը: "երեքը")
            Map.entry("մեկ", 1), Map.entry("մեկը", 1), Map.entry("երկու", 2), Map.entry("երկուսը", 2),
            Map.entry("երեք", 3), Map.entry("երեքը", 3), Map.entry("չորս", 4), Map.entry("չորսը", 4),
            Map.entry("հինգ", 5), Map.entry("հինգը", 5), Map.entry("վեց", 6), Map.entry("վեցը", 6),
            Map.entry("յոթ", 7), Map.entry("յոթը", 7), Map.entry("ութ", 8), Map.entry("ութը", 8),
            Map.entry("ինը", 9), Map.entry("տաս", 10), Map.entry("տասը", 10),
            // Azerbaijani
            Map.entry("bir", 1), Map.entry("iki", 2), Map.entry("üç", 3), Map.entry("dörd", 4), Map.entry("beş", 5),
            Map.entry("altı", 6), Map.entry("yeddi", 7), Map.entry("səkkiz", 8), Map.entry("doqquz", 9),
            Map.entry("on", 10));

    private static final Pattern KILLED = Alternations.compile("погиб\\p{L}*|убит[ыао]?|скончал\\p{L}*|զոհվ\\p{L}*|սպանվ\\p{L}*");
    private static final Pattern WOUNDED = Alternations.compile("ранен[ыао]?|վիրավորվ\\p{L}*|yaralan\\p{L}*|yaralandı");
    /** Two-word forms: "получил ранение", "həlak olub", "şəhid olub". */
    private static final Pattern KILLED_FIRST = Alternations.compile("həlak|şəhid");
    private static final Pattern KILLED_SECOND = Alternations.compile("ol\\p{L}*");
    private static final Pattern WOUNDED_FIRST = Alternations.compile("получил[иа]?|получивш\\p{L}*");
    private static final Pattern WOUNDED_SECOND = Alternations.compile("ранени[ея]");
    /** Singular verb forms: one person when no number is given ("получил ранение военнослужащий"). */
    private static final Pattern SINGULAR = Alternations.compile("погиб|убит|ранен|получил|скончался");

    private static final Pattern PERSON = Alternations.compile("военнослужащ\\p{L}*|солдат\\p{L}*|человек\\p{L}*|"
            + "пограничник\\p{L}*|офицер\\p{L}*|контрактник\\p{L}*|жител\\p{L}*|мирн\\p{L}*|"
            + "զինծառայող\\p{L}*|զինվոր\\p{L}*|քաղաքացի\\p{L}*|բնակիչ\\p{L}*|սահմանապահ\\p{L}*|սպա\\p{L}*|"
            + "hərbçi\\p{L}*|hərbi|sakin\\p{L}*|qulluqçu\\p{L}*|əsgər\\p{L}*|nəfər\\p{L}*|mülki|sərhədçi\\p{L}*|zabit\\p{L}*");
    /** A side's name or adjective (lower case): whose people, when attached to the word for them. */
    private static final Pattern ARMENIAN = Alternations.compile("армянск\\p{L}*|армени[яиюей]|հայկական|հհ|հայաստանի|"
            + "erməni\\p{L}*|ermənistan\\p{L}*");
    private static final Pattern AZERBAIJANI = Alternations.compile("азербайджанск\\p{L}*|азербайджан[аеуомы]?|"
            + "ադրբեջանական|ադրբեջանի|ադրբեջան|azərbaycan\\p{L}*");
    /** Words between a side's name and the people: its army ("Вооруженных сил", "բանակի", "Ordusunun", "ЗОУ"). */
    private static final Pattern ARMY = Alternations.compile("вооруж\\p{L}*|сил|вс|армии|армия|пограничн\\p{L}*|войск\\p{L}*|"
            + "բանակի|զու|զինված|ուժերի|ordu\\p{L}*|silahlı|qüvvə\\p{L}*|sərhəd|xidmətinin");
    /** A full stop after an initial ("əsgər E. Məmmədov") ends no clause. */
    private static final Pattern INITIAL = Alternations.compile("(?<=(?<!\\p{L})\\p{Lu})\\.");
    /** Singular people in Azerbaijani (no plural -lar/-lər) and Armenian (no plural -ներ/-եր). */
    private static final Pattern PLURAL = Alternations.compile(".*(?:lar|lər|ներ|եր)\\p{L}{0,4}");
    /** "bir neçə", "несколько", "մի քանի": several people, no count (not one). */
    private static final Pattern VAGUE = Alternations.compile("neçə|sıra|bəzi|несколько|ряд|քանի");
    private static final Pattern SINGULAR_AZ_HY = Alternations.compile("şəhid|həlak|yaralan\\p{L}*|զոհվել|վիրավորվել");

    /** "Our": Russian наш-, Armenian մեր, Azerbaijani bizim or a person noun with the suffix -(ı)mız. */
    private static final Pattern OUR = Alternations.compile("наш\\p{L}*|մեր|bizim");
    private static final Pattern OUR_SUFFIX = Alternations.compile("(?:hərbçi|qulluqçu|əsgər|sərhədçi|zabit)\\p{L}*"
            + "(?:mız|miz|muz|müz)");
    private static final Pattern NO_LOSSES = Alternations.compile("(?iu)потерь\\s+нет|без\\s+потерь|пострадавших\\s+нет|"
            + "никто\\s+не\\s+пострадал|itki\\p{L}*\\s+yoxdur|itki\\p{L}*\\s+olmayıb|կորուստներ\\s+չկան|"
            + "տուժածներ\\s+չկան|կորուստ\\s+չունենք");

    static Casualties read(String text, Party sourceParty) {
        Integer killed = null;
        Integer wounded = null;
        boolean ours = false;
        Party named = null;
        text = INITIAL.matcher(text).replaceAll(" ");
        Matcher clause = CLAUSE.matcher(text);
        while (clause.find()) {
            List<String> words = new ArrayList<>();
            Matcher w = WORD.matcher(clause.group());
            while (w.find()) {
                words.add(w.group().toLowerCase(Locale.ROOT));
            }
            for (int i = 0; i < words.size(); i++) {
                String word = words.get(i);
                String next = i + 1 < words.size() ? words.get(i + 1) : "";
                boolean isKilled = KILLED.matcher(word).matches()
                        || (KILLED_FIRST.matcher(word).matches() && KILLED_SECOND.matcher(next).matches());
                boolean isWounded = !isKilled && (WOUNDED.matcher(word).matches()
                        || (WOUNDED_FIRST.matcher(word).matches() && WOUNDED_SECOND.matcher(next).matches()));
                if (!isKilled && !isWounded) {
                    continue;
                }
                Integer count = count(words, i);
                if (count == null && SINGULAR.matcher(word).matches() && words.stream().anyMatch(t ->
                        PERSON.matcher(t).matches())) {
                    count = 1;
                }
                if (count == null && SINGULAR_AZ_HY.matcher(word).matches() && singularVerb(next)
                        && words.stream().anyMatch(t -> PERSON.matcher(t).matches() && !PLURAL.matcher(t).matches())
                        && words.stream().noneMatch(t -> PERSON.matcher(t).matches() && PLURAL.matcher(t).matches()
                        || VAGUE.matcher(t).matches())) {
                    count = 1; // "Azərbaycan Ordusunun hərbçisi şəhid olub", "զոհվել է զինծառայող": one person
                }
                if (count == null) {
                    continue;
                }
                if (isKilled) {
                    killed = killed == null ? count : Math.max(killed, count);
                } else {
                    wounded = wounded == null ? count : Math.max(wounded, count);
                }
                ours |= saysOur(words);
                if (named == null) {
                    named = nationality(sentenceWords(text, clause.start()));
                }
            }
        }
        if (killed == null && wounded == null) {
            return NO_LOSSES.matcher(text).find() ? new Casualties(0, 0, null) : null;
        }
        Party whose = ours && sourceParty != null && sourceParty.isBelligerent() ? sourceParty : named;
        boolean noneElse = (killed == null || wounded == null) && NO_LOSSES.matcher(text).find();
        return new Casualties(killed == null && noneElse ? Integer.valueOf(0) : killed,
                wounded == null && noneElse ? Integer.valueOf(0) : wounded,
                whose); // a count not given is not known, unless there were no (other) losses
    }

    /**
     * The nearest count to the casualty word at {@code i} in its clause: a number word anywhere within four words, or
     * digits right before a word naming people (also past a side's adjective), or the casualty word itself (so "13
     * февраля" is not a count).
     */
    private static Integer count(List<String> words, int i) {
        for (int d = 1; d <= 4; d++) {
            for (int k : new int[] {i + d, i - d}) {
                if (k < 0 || k >= words.size()) {
                    continue;
                }
                String w = words.get(k);
                Integer n = NUMBERS.get(w);
                boolean person = k + 1 < words.size() && PERSON.matcher(words.get(k + 1)).matches();
                boolean several = w.equals("bir") && k + 1 < words.size() && words.get(k + 1).equals("neçə");
                if (several) { // "bir neçə" is "several": no count
                    return null;
                }
                if (n != null && (!w.equals("on") || person)) { // Azerbaijani "on" (ten) only before people
                    return n;
                }
                boolean sidesPeople = k + 2 < words.size() && side(words.get(k + 1)) != null
                        && PERSON.matcher(words.get(k + 2)).matches(); // "49 армянских военнослужащих"
                if (w.chars().allMatch(Character::isDigit) && w.length() <= 3 && k + 1 < words.size()
                        && (k + 1 == i || PERSON.matcher(words.get(k + 1)).matches() || sidesPeople)) {
                    return Integer.valueOf(w);
                }
            }
        }
        return null;
    }

    /** Azerbaijani "şəhid olub" / "yaralanıb" (no plural ending), Armenian "զոհվել է" (not "են"). */
    private static boolean singularVerb(String next) {
        return !next.endsWith("lar") && !next.endsWith("lər") && !next.equals("են");
    }

    /** The words of the sentence around a clause (clauses split at commas; a nationality may sit before one). */
    private static List<String> sentenceWords(String text, int at) {
        int from = at;
        while (from > 0 && ".!?։\n".indexOf(text.charAt(from - 1)) < 0) {
            from--;
        }
        int to = at;
        while (to < text.length() && ".!?։\n".indexOf(text.charAt(to)) < 0) {
            to++;
        }
        List<String> words = new ArrayList<>();
        Matcher w = WORD.matcher(text.substring(from, to));
        while (w.find()) {
            words.add(w.group().toLowerCase(Locale.ROOT));
        }
        return words;
    }

    /**
     * The side of the people counted in a sentence, when a word for them carries it: right before them, past numbers,
     * other words for people and army words ("49 армянских военнослужащих", "Azərbaycan Ordusunun hərbçisi",
     * "հայկական բանակի վեց զինծառայողներ"), or right after them through army words ("военнослужащих ВС Армении"), or
     * right after them as the side's adjective before an army word ("военнослужащих азербайджанской армии").
     * A side named anywhere else (the attacker) is not whose losses they are.
     */
    private static Party nationality(List<String> words) {
        Party found = null;
        for (int p = 0; p < words.size(); p++) {
            if (!PERSON.matcher(words.get(p)).matches()) {
                continue;
            }
            Party side = null;
            for (int k = p - 1; k >= Math.max(0, p - 4) && side == null; k--) {
                String w = words.get(k);
                side = side(w);
                if (side == null && !(ARMY.matcher(w).matches() || PERSON.matcher(w).matches() || NUMBERS.containsKey(w)
                        || w.chars().allMatch(Character::isDigit))) {
                    break;
                }
            }
            for (int k = p + 1; k <= Math.min(words.size() - 1, p + 3) && side == null
                    && ARMY.matcher(words.get(p + 1)).matches(); k++) {
                side = side(words.get(k));
                if (side == null && !ARMY.matcher(words.get(k)).matches()) {
                    break;
                }
            }
            // … or right after them, the side's adjective before an army word: "семь военнослужащих азербайджанской
            // армии", "солдат армянских вооруженных сил"
            if (side == null && p + 2 < words.size() && ARMY.matcher(words.get(p + 2)).matches()) {
                side = side(words.get(p + 1));
            }
            if (side != null) {
                if (found != null && found != side) {
                    return null; // both sides' people: whose losses is not one side
                }
                found = side;
            }
        }
        return found;
    }

    private static Party side(String word) {
        if (ARMENIAN.matcher(word).matches()) {
            return Party.AM;
        }
        return AZERBAIJANI.matcher(word).matches() ? Party.AZ : null;
    }

    private static boolean saysOur(List<String> words) {
        for (int k = 0; k < words.size(); k++) {
            String w = words.get(k);
            if (OUR_SUFFIX.matcher(w).matches()) {
                return true;
            }
            if (OUR.matcher(w).matches()) {
                for (int j = k + 1; j <= Math.min(words.size() - 1, k + 2); j++) {
                    if (PERSON.matcher(words.get(j)).matches()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
