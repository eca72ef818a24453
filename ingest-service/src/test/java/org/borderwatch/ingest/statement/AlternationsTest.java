package org.borderwatch.ingest.statement;

import org.borderwatch.common.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The regrouped rules find what the rules as written find: the same matches, with the same named groups, on every
 * fixture text (as written and lower-cased, for the rules that read lower-cased text), on seeded random texts
 * made of the rules' own words, and from every word start of some texts (the rules that read forward from a
 * position with {@code lookingAt}).
 */
class AlternationsTest {

    private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    private static List<String> texts;

    @BeforeAll
    static void loadRulesAndTexts() throws IOException, URISyntaxException, ClassNotFoundException {
        // every class whose patterns are compiled through Alternations, initialised
        for (Class<?> rules : List.of(StatementRules.class, StatementExtractor.class, TimeExpressions.class,
                DayPart.class, ForeignCasualties.class)) {
            Class.forName(rules.getName(), true, rules.getClassLoader());
        }
        texts = new ArrayList<>();
        Path dir = Path.of(AlternationsTest.class.getResource("/fixtures").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    var statement = line.isBlank() ? null
                            : Json.tree(line.getBytes(StandardCharsets.UTF_8)).get("statement");
                    if (statement != null && statement.get("text") != null) { // other formats' fixtures aside
                        texts.add(statement.get("text").asString());
                    }
                }
            }
        }
        List<String> lower = texts.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
        texts.addAll(lower);
    }

    @Test
    void theRulesAreCompiledThroughIt() {
        // the event-type scan, the date and relative-day rules, the day parts: the rules are all in the registry
        assertThat(Alternations.compiled().size()).as("patterns compiled").isGreaterThan(150);
        assertThat(Alternations.compiled().stream().anyMatch(c -> c.pattern() == StatementRules.EVENT_SCAN)).isTrue();
        // and most of them were regrouped (a pattern with an unnamed group is left as written)
        long regrouped = Alternations.compiled().stream()
                .filter(c -> !c.pattern().pattern().equals(c.regex())).count();
        assertThat(regrouped).as("patterns regrouped of " + Alternations.compiled().size()).isGreaterThan(100);
    }

    @Test
    void findsTheSameMatchesInTheFixtureTexts() {
        assertSameFindsIn(texts);
    }

    @Test
    void findsTheSameMatchesInRandomTextsOfTheRulesWords() {
        List<String> words = new ArrayList<>(vocabulary());
        Random random = new Random(20261123);
        String[] glue = {" ", " ", " ", " ", ", ", ". ", "-", " the ", " of ", " 12 ", "'s ", " on 5 May ", "\n"};
        List<String> randomTexts = new ArrayList<>();
        for (int t = 0; t < 300; t++) {
            StringBuilder b = new StringBuilder();
            int n = 5 + random.nextInt(60);
            for (int i = 0; i < n; i++) {
                String w = words.get(random.nextInt(words.size()));
                b.append(random.nextInt(4) == 0 ? w.toUpperCase(Locale.ROOT) : w)
                        .append(glue[random.nextInt(glue.length)]);
            }
            randomTexts.add(b.toString());
        }
        assertSameFindsIn(randomTexts);
    }

    @Test
    void looksTheSameFromEveryWordStart() {
        List<String> some = texts.subList(0, Math.min(60, texts.size()));
        for (Alternations.Compiled c : Alternations.compiled()) {
            Pattern written = Pattern.compile(c.regex(), c.flags());
            List<String> groups = groupNames(c.regex());
            for (String text : some) {
                for (int i = 0; i < text.length(); i++) {
                    if (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) {
                        continue;
                    }
                    Matcher a = written.matcher(text).region(i, text.length());
                    Matcher b = c.pattern().matcher(text).region(i, text.length());
                    boolean found = a.lookingAt();
                    assertThat(b.lookingAt()).as("%s at %d of %s", c.regex(), i, text).isEqualTo(found);
                    if (found) {
                        assertSameMatch(a, b, groups, c.regex(), text);
                    }
                }
            }
        }
    }

    @Test
    void leavesAloneWhatItCannotRegroupSafely() {
        // an unnamed group's number would change, a back reference or inline flags too: as written
        for (String regex : List.of("(a)|b|c|d", "a|b|c|\\1", "(?i)a|b|c", "\\Qa|b\\E|c|d")) {
            assertThat(Alternations.regroup(regex)).isEqualTo(regex);
        }
        // alternatives of the same first letter keep their order; a first character not worked out keeps its place
        String regrouped = Alternations.regroup("sat|mat|sit|\\w+|set|map");
        assertThat(regrouped).isEqualTo("(?=[s])(?:sat|sit)|mat|\\w+|set|map");
        // where every match starts with a known character, a look-ahead of those characters goes in front
        assertThat(Alternations.regroup("(?:the\\s+)?night|[0-3]?\\d\\.|\\bdawn"))
                .isEqualTo("(?=[tn0123456789d])(?:the\\s+)?night|[0-3]?\\d\\.|(?=[d])(?:\\bdawn)");
        assertThat(Alternations.alternatives("a|(?:b|c)|d")).containsExactly("a", "(?:b|c)", "d");
    }

    private static void assertSameFindsIn(List<String> someTexts) {
        for (Alternations.Compiled c : Alternations.compiled()) {
            Pattern written = Pattern.compile(c.regex(), c.flags());
            List<String> groups = groupNames(c.regex());
            for (String text : someTexts) {
                assertSameFinds(written, c.pattern(), groups, text);
            }
        }
    }

    private static void assertSameFinds(Pattern written, Pattern regrouped, List<String> groups, String text) {
        Matcher a = written.matcher(text);
        Matcher b = regrouped.matcher(text);
        while (true) {
            boolean found = a.find();
            assertThat(b.find()).as("%s in %s", written.pattern(), text).isEqualTo(found);
            if (!found) {
                return;
            }
            assertSameMatch(a, b, groups, written.pattern(), text);
        }
    }

    private static void assertSameMatch(Matcher a, Matcher b, List<String> groups, String regex, String text) {
        assertThat(b.start()).as("%s in %s", regex, text).isEqualTo(a.start());
        assertThat(b.end()).as("%s in %s", regex, text).isEqualTo(a.end());
        assertThat(b.groupCount()).isEqualTo(a.groupCount());
        for (String g : groups) {
            assertThat(b.start(g)).as("group %s of %s in %s", g, regex, text).isEqualTo(a.start(g));
            assertThat(b.end(g)).as("group %s of %s in %s", g, regex, text).isEqualTo(a.end(g));
        }
    }

    private static List<String> groupNames(String regex) {
        List<String> names = new ArrayList<>();
        Matcher m = GROUP_NAME.matcher(regex);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The words written in the rules ("fired", "shelling", "ночь"), so random texts hit many alternatives. */
    private static Set<String> vocabulary() {
        Set<String> words = new LinkedHashSet<>();
        Matcher m = Pattern.compile("(?<!\\\\)\\p{L}{2,}").matcher("");
        for (Alternations.Compiled c : Alternations.compiled()) {
            m.reset(c.regex());
            while (m.find()) {
                words.add(m.group());
            }
        }
        return words;
    }
}
