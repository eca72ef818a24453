package org.borderwatch.ingest.statement;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * The rules' regular expressions with their alternations regrouped by first character, for speed only: the same
 * matches, the same groups. The JDK's matcher tries every alternative of an alternation at every position it
 * reaches, one after another, so a rule of a hundred phrasings costs a hundred tries at each word of a text. Here
 * the alternatives of each alternation that start with a literal character are gathered by that character (with
 * the case folded as the pattern folds it), each gathering behind a look-ahead of its first characters, so a word
 * costs about one try per gathering.
 *
 * <p>Why the matches stay the same: at any one position of the text, two alternatives whose first characters can
 * never be the same character cannot both match there, so their order does not matter; alternatives that could
 * (the same first letter, or a first character this class does not work out, or an alternative that may match
 * nothing) keep their order, and an alternative of the latter kind is not moved past at all. The look-ahead admits
 * every character its alternatives can start with. Capturing groups are renumbered when alternatives move, so a
 * pattern with an unnamed capturing group, a back reference, inline flags or quoting is left as written; named
 * groups are read by name throughout the rules. {@code AlternationsTest} compares the matches of every rule with
 * and without the regrouping.
 */
final class Alternations {

    /** Alternations with fewer alternatives are left as written: nothing to gain. */
    private static final int MIN_ALTERNATIVES = 3;

    /** A pattern whose matches may start with more characters than this gets no look-ahead in front. */
    private static final int MAX_GUARD = 64;

    private Alternations() {
    }

    /** Every pattern compiled here, as written and as compiled, for the test that compares their matches. */
    private static final List<Compiled> COMPILED = new CopyOnWriteArrayList<>();

    /** A rule's regex as written, its flags, and the pattern compiled from it regrouped. */
    record Compiled(String regex, int flags, Pattern pattern) {
    }

    /** {@code Pattern.compile(regroup(regex), flags)}. */
    static Pattern compile(String regex, int flags) {
        Pattern p = Pattern.compile(regroup(regex), flags);
        COMPILED.add(new Compiled(regex, flags, p));
        return p;
    }

    /** {@code Pattern.compile(regroup(regex))}. */
    static Pattern compile(String regex) {
        return compile(regex, 0);
    }

    /** The patterns compiled so far (those of the classes loaded). */
    static List<Compiled> compiled() {
        return List.copyOf(COMPILED);
    }

    /**
     * The top-level alternatives of a regex as written ("a|(?:b|c)" gives "a" and "(?:b|c)"), or the regex alone when
     * it uses a construct this class leaves alone.
     */
    static List<String> alternatives(String regex) {
        try {
            Parser parser = new Parser(regex);
            Alt alt = parser.alternation();
            if (parser.pos != regex.length()) {
                return List.of(regex);
            }
            List<String> out = new ArrayList<>();
            for (Seq seq : alt.seqs()) {
                StringBuilder b = new StringBuilder();
                for (Atom a : seq.atoms()) {
                    b.append(a.source());
                }
                out.add(b.toString());
            }
            return out;
        } catch (Unsupported e) {
            return List.of(regex);
        }
    }

    /** The regex with its alternations regrouped, or as written when it uses a construct this class leaves alone. */
    static String regroup(String regex) {
        try {
            Parser parser = new Parser(regex);
            Alt alt = parser.alternation();
            if (parser.pos != regex.length()) {
                return regex; // an unbalanced ')': let Pattern.compile report it
            }
            StringBuilder out = new StringBuilder(regex.length() + 64);
            Set<Character> first = alt.first();
            if (first != null && !first.isEmpty() && first.size() <= MAX_GUARD) {
                // where no match can start, one class check instead of the pattern's first steps (a \\b, a group)
                guard(out, first);
            }
            alt.render(out);
            return out.toString();
        } catch (Unsupported e) {
            return regex;
        }
    }

    /** A construct this class does not rewrite around. */
    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private interface Atom {
        /** The literal characters a match of this atom can start with, or null when not known (or any). */
        Set<Character> first();

        /** Whether it may match the empty string (a look-around or boundary, or a quantifier that allows none). */
        boolean nullable();

        /** Zero-width (boundary, anchor, look-around): it neither starts a match's characters nor ends a sequence's. */
        boolean zeroWidth();

        void render(StringBuilder out);

        /** The atom as written. */
        String source();
    }

    /** Text kept as written: an escape, a class, a dot, an anchor, possibly with a quantifier. */
    private record Verbatim(String source, Set<Character> first, boolean nullable, boolean zeroWidth) implements Atom {
        @Override
        public void render(StringBuilder out) {
            out.append(source);
        }
    }

    /**
     * A group: "(?:", "(?>", "(?<name>", or a look-around opening, its alternation, ")" and a quantifier. A
     * look-around is kept as written ({@code source}): it only answers yes or no, and a look-behind must keep a
     * bounded length.
     */
    private record Group(String open, Alt body, String quantifier, boolean lookaround, String source) implements Atom {
        @Override
        public Set<Character> first() {
            return lookaround ? null : body.first();
        }

        @Override
        public boolean nullable() {
            return lookaround || minZero(quantifier) || body.nullable();
        }

        @Override
        public boolean zeroWidth() {
            return lookaround;
        }

        @Override
        public void render(StringBuilder out) {
            if (lookaround) {
                out.append(source);
                return;
            }
            out.append(open);
            body.render(out);
            out.append(')').append(quantifier);
        }
    }

    private record Seq(List<Atom> atoms) {
        /** The first characters of a match, or null when they are not known or the sequence may match nothing. */
        Set<Character> first() {
            Set<Character> acc = new LinkedHashSet<>();
            for (Atom a : atoms) {
                if (a.zeroWidth()) {
                    continue;
                }
                Set<Character> f = a.first();
                if (f == null) {
                    return null;
                }
                acc.addAll(f);
                if (!a.nullable()) {
                    return acc;
                }
            }
            return null; // may match the empty string: it can start before any character, or at the end
        }

        boolean nullable() {
            return atoms.stream().allMatch(Atom::nullable);
        }

        /** Starts with a boundary or look-behind: dearer than the look-ahead of a character class put before it. */
        boolean startsWithBoundaryOrLookBehind() {
            return !atoms.isEmpty() && atoms.get(0).zeroWidth()
                    && !(atoms.get(0) instanceof Group g && (g.open().equals("(?=") || g.open().equals("(?!")));
        }

        void render(StringBuilder out) {
            for (Atom a : atoms) {
                a.render(out);
            }
        }
    }

    private record Alt(List<Seq> seqs) {
        Set<Character> first() {
            Set<Character> acc = new LinkedHashSet<>();
            for (Seq s : seqs) {
                Set<Character> f = s.first();
                if (f == null) {
                    return null;
                }
                acc.addAll(f);
            }
            return acc;
        }

        boolean nullable() {
            return seqs.stream().anyMatch(Seq::nullable);
        }

        void render(StringBuilder out) {
            if (seqs.size() < MIN_ALTERNATIVES) {
                renderInOrder(out, seqs);
                return;
            }
            List<Set<Character>> firsts = seqs.stream().map(Seq::first).toList();
            boolean separator = false;
            int i = 0;
            while (i < seqs.size()) {
                if (separator) {
                    out.append('|');
                }
                separator = true;
                if (firsts.get(i) == null) { // not known: it keeps its place, nothing moves past it
                    seqs.get(i).render(out);
                    i++;
                    continue;
                }
                int end = i;
                while (end < seqs.size() && firsts.get(end) != null) {
                    end++;
                }
                renderRun(out, seqs.subList(i, end), firsts.subList(i, end));
                i = end;
            }
        }

        /** A run of alternatives whose first characters are all known, gathered by overlapping first characters. */
        private static void renderRun(StringBuilder out, List<Seq> run, List<Set<Character>> firsts) {
            int n = run.size();
            int[] parent = new int[n];
            for (int i = 0; i < n; i++) {
                parent[i] = i;
            }
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    if (overlap(firsts.get(i), firsts.get(j))) {
                        parent[root(parent, j)] = root(parent, i);
                    }
                }
            }
            boolean separator = false;
            boolean[] done = new boolean[n];
            for (int i = 0; i < n; i++) {
                if (done[i]) {
                    continue;
                }
                int r = root(parent, i);
                List<Seq> members = new ArrayList<>();
                Set<Character> chars = new LinkedHashSet<>();
                for (int j = i; j < n; j++) {
                    if (!done[j] && root(parent, j) == r) {
                        done[j] = true;
                        members.add(run.get(j));
                        chars.addAll(firsts.get(j));
                    }
                }
                if (separator) {
                    out.append('|');
                }
                separator = true;
                if (members.size() == 1 && !members.get(0).startsWithBoundaryOrLookBehind()) {
                    members.get(0).render(out); // its own first literal (or guard) fails as fast as a look-ahead
                    continue;
                }
                guard(out, chars);
                out.append("(?:");
                renderInOrder(out, members);
                out.append(')');
            }
        }

        private static void renderInOrder(StringBuilder out, List<Seq> seqs) {
            for (int i = 0; i < seqs.size(); i++) {
                if (i > 0) {
                    out.append('|');
                }
                seqs.get(i).render(out);
            }
        }

        private static int root(int[] parent, int i) {
            while (parent[i] != i) {
                i = parent[i];
            }
            return i;
        }
    }

    /** A look-ahead admitting the characters (and, as the pattern folds case, their other cases). */
    private static void guard(StringBuilder out, Set<Character> chars) {
        out.append("(?=[");
        for (char c : chars) {
            if (Character.isLetterOrDigit(c)) {
                out.append(c);
            } else {
                out.append("\\x{").append(Integer.toHexString(c)).append('}');
            }
        }
        out.append("])");
    }

    /**
     * Whether some character could match a first literal of both sets. A literal matches at most the characters with
     * its case fold ({@code toLowerCase(toUpperCase(c))}) under any of the flags the rules use: exact, ASCII-only or
     * Unicode case-insensitive. So different folds never meet.
     */
    private static boolean overlap(Set<Character> a, Set<Character> b) {
        for (char x : a) {
            for (char y : b) {
                if (fold(x) == fold(y)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static char fold(char c) {
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    private static boolean minZero(String quantifier) {
        return quantifier.startsWith("?") || quantifier.startsWith("*") || quantifier.startsWith("{0");
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        Alt alternation() {
            List<Seq> seqs = new ArrayList<>();
            seqs.add(sequence());
            while (pos < s.length() && s.charAt(pos) == '|') {
                pos++;
                seqs.add(sequence());
            }
            return new Alt(seqs);
        }

        private Seq sequence() {
            List<Atom> atoms = new ArrayList<>();
            while (pos < s.length() && s.charAt(pos) != '|' && s.charAt(pos) != ')') {
                atoms.add(atom());
            }
            return new Seq(atoms);
        }

        private Atom atom() {
            char c = s.charAt(pos);
            if (c == '(') {
                return group();
            }
            int start = pos;
            Set<Character> first = null;
            boolean zeroWidth = false;
            if (c == '\\') {
                escape();
                char e = s.charAt(start + 1);
                zeroWidth = e == 'b' || e == 'B' || e == 'A' || e == 'z' || e == 'Z' || e == 'G';
                first = escapedFirst(e);
            } else if (c == '[') {
                charClass();
                first = classFirst(s.substring(start + 1, pos - 1));
            } else if (c == '^' || c == '$') {
                pos++;
                zeroWidth = true;
            } else if (c == '*' || c == '+' || c == '?' || c == '{' || c == ']' || c == '}'
                    || Character.isSurrogate(c)) {
                throw new Unsupported();
            } else {
                pos++;
                if (c != '.') {
                    first = Set.of(c);
                }
            }
            String quantifier = quantifier();
            if (zeroWidth && !quantifier.isEmpty()) {
                throw new Unsupported();
            }
            return new Verbatim(s.substring(start, pos), first, zeroWidth || minZero(quantifier), zeroWidth);
        }

        /** The characters an escape outside a class matches, when few and known: digits, white space, a symbol. */
        private static Set<Character> escapedFirst(char e) {
            if (e == 'd') {
                return chars("0123456789");
            } else if (e == 's') {
                return chars(" \t\n\u000B\f\r"); // what \\s matches without UNICODE_CHARACTER_CLASS
            } else if (!Character.isLetterOrDigit(e)) {
                return Set.of(e); // an escaped symbol: itself
            }
            return null;
        }

        /**
         * The characters a class matches ({@code body} between the brackets), when it lists only characters, ranges
         * of at most 64, {@code \\d}, {@code \\s} and escaped symbols; otherwise null (negated, nested, \\w, \\p ...).
         */
        private static Set<Character> classFirst(String body) {
            if (body.isEmpty() || body.charAt(0) == '^' || body.contains("[") || body.contains("&&")) {
                return null;
            }
            Set<Character> out = new LinkedHashSet<>();
            int i = 0;
            while (i < body.length()) {
                char c = body.charAt(i);
                if (c == '\\') {
                    Set<Character> e = i + 1 < body.length() ? escapedFirst(body.charAt(i + 1)) : null;
                    if (e == null) {
                        return null;
                    }
                    out.addAll(e);
                    i += 2;
                } else if (i + 2 < body.length() && body.charAt(i + 1) == '-' && body.charAt(i + 2) != '\\') {
                    char to = body.charAt(i + 2);
                    if (to < c || to - c > 64 || Character.isSurrogate(c) || Character.isSurrogate(to)) {
                        return null;
                    }
                    for (char r = c; r <= to; r++) {
                        out.add(r);
                    }
                    i += 3;
                } else if (Character.isSurrogate(c)) {
                    return null;
                } else {
                    out.add(c);
                    i++;
                }
            }
            return out;
        }

        private static Set<Character> chars(String cs) {
            Set<Character> out = new LinkedHashSet<>();
            for (char c : cs.toCharArray()) {
                out.add(c);
            }
            return out;
        }

        private void escape() {
            if (pos + 1 >= s.length()) {
                throw new Unsupported();
            }
            char e = s.charAt(pos + 1);
            pos += 2;
            if (e == 'p' || e == 'P') {
                if (pos < s.length() && s.charAt(pos) == '{') {
                    int close = s.indexOf('}', pos);
                    if (close < 0) {
                        throw new Unsupported();
                    }
                    pos = close + 1;
                } else {
                    pos++;
                }
            } else if (Character.isLetterOrDigit(e) && "bBAzZGwWsSdDhHvVntrfe".indexOf(e) < 0) {
                throw new Unsupported(); // quoting, back references, characters by number and the like
            }
        }

        private void charClass() {
            int depth = 0;
            if (s.startsWith("[]", pos) || s.startsWith("[^]", pos)) {
                throw new Unsupported();
            }
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c == '\\') {
                    escape();
                    continue;
                }
                pos++;
                if (c == '[') {
                    depth++;
                } else if (c == ']') {
                    depth--;
                    if (depth == 0) {
                        return;
                    }
                }
            }
            throw new Unsupported();
        }

        private Atom group() {
            int start = pos;
            boolean lookaround;
            if (s.startsWith("(?:", pos) || s.startsWith("(?>", pos)) {
                pos += 3;
                lookaround = false;
            } else if (s.startsWith("(?=", pos) || s.startsWith("(?!", pos)) {
                pos += 3;
                lookaround = true;
            } else if (s.startsWith("(?<=", pos) || s.startsWith("(?<!", pos)) {
                pos += 4;
                lookaround = true;
            } else if (s.startsWith("(?<", pos)) {
                int close = s.indexOf('>', pos);
                if (close < 0) {
                    throw new Unsupported();
                }
                for (int i = pos + 3; i < close; i++) {
                    if (!Character.isLetterOrDigit(s.charAt(i))) {
                        throw new Unsupported();
                    }
                }
                pos = close + 1;
                lookaround = false;
            } else {
                throw new Unsupported(); // an unnamed capturing group or inline flags
            }
            String open = s.substring(start, pos);
            Alt body = alternation();
            if (pos >= s.length() || s.charAt(pos) != ')') {
                throw new Unsupported();
            }
            pos++;
            String quantifier = quantifier();
            if (lookaround && !quantifier.isEmpty()) {
                throw new Unsupported();
            }
            return new Group(open, body, quantifier, lookaround, s.substring(start, pos));
        }

        private String quantifier() {
            int start = pos;
            if (pos >= s.length()) {
                return "";
            }
            char c = s.charAt(pos);
            if (c == '?' || c == '*' || c == '+') {
                pos++;
            } else if (c == '{') {
                int close = s.indexOf('}', pos);
                if (close < 0 || !s.substring(pos + 1, close).matches("\\d+(?:,\\d*)?")) {
                    throw new Unsupported();
                }
                pos = close + 1;
            } else {
                return "";
            }
            if (pos < s.length() && (s.charAt(pos) == '?' || s.charAt(pos) == '+')) {
                pos++;
            }
            return s.substring(start, pos);
        }
    }
}
