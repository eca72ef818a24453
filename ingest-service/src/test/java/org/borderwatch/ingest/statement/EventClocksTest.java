package org.borderwatch.ingest.statement;

import org.borderwatch.ingest.statement.TimeExpressions.ClockSpan;
import org.borderwatch.ingest.statement.TimeExpressions.DateSpan;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code eventClocks} checked every clock against every dropped date, copying the text between them: cubic in a
 * text of thousands of dates and times ("month-years-then-times", 16 s at 64 KB). The faster rule must keep exactly
 * the same clocks: here against the old rule, on seeded random texts made of dates, clock times and gap words.
 */
class EventClocksTest {

    private static final Pattern GAP = Pattern.compile("\\s*,?\\s*(?:at\\s+)?(?:around\\s+|about\\s+)?",
            Pattern.CASE_INSENSITIVE);
    private static final String[] PIECES = {"16 March", "11 November", "April 2024", " ", "  ", ", ", "at ", "At ",
            "around ", "about ", "the statement of ", "its 11 November statement ", "09:35", "22:40 to 23:10",
            "at 18:40", "the statement issued at ", " fired ", ". ", "and ", "\\n", "on the night of 16 to 17 March ", "round ", "tab\t"};

    /** The rule as it was (the reference). */
    private static List<ClockSpan> before(String text, List<ClockSpan> clocks, List<DateSpan> all, List<DateSpan> event) {
        List<DateSpan> dropped = all.stream().filter(d -> !event.contains(d)).toList();
        if (dropped.isEmpty()) { // since batch 24: a statement's own time ("the statement issued at 08:30") too
            return clocks.stream().filter(c -> !StatementRules.STATEMENT_DATE_BEFORE.matcher(
                    text.substring(Math.max(0, c.start() - 80), c.start())).find()).toList();
        }
        return clocks.stream().filter(c -> dropped.stream().noneMatch(d -> {
            int from = Math.min(d.end(), c.start());
            int to = Math.max(d.end(), c.start());
            return d.end() <= c.start() && GAP.matcher(text.substring(from, to)).matches()
                    || StatementRules.STATEMENT_DATE_BEFORE.matcher(
                    text.substring(Math.max(0, c.start() - 80), c.start())).find();
        })).toList();
    }

    @Test
    void keepsExactlyTheClocksTheQuadraticRuleKept() {
        long seed = Long.getLong("fuzz.seed", 20_251_122L);
        Random random = new Random(seed);
        LocalDate reference = LocalDate.of(2025, 3, 20);
        int compared = 0;
        int droppedByRule = 0;
        for (int round = 0; round < 400; round++) {
            StringBuilder b = new StringBuilder();
            for (int i = 0, n = 5 + random.nextInt(30); i < n; i++) {
                b.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String text = b.toString();
            List<DateSpan> all = TimeExpressions.dates(text, reference);
            List<ClockSpan> clocks = TimeExpressions.clocks(text);
            List<DateSpan> event = new ArrayList<>();
            all.forEach(d -> {
                if (random.nextInt(3) == 0) {
                    event.add(d);
                }
            });
            assertThat(StatementExtractor.eventClocks(text, clocks, all, event))
                    .as("seed %d round %d: %s", seed, round, text)
                    .isEqualTo(before(text, clocks, all, event));
            compared += clocks.size();
            droppedByRule += clocks.size() - before(text, clocks, all, event).size();
        }
        assertThat(compared).as("clocks compared").isGreaterThan(500);
        assertThat(droppedByRule).as("clocks the rule drops").isGreaterThan(50);
    }
}
