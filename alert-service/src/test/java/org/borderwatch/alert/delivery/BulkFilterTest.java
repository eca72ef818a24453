package org.borderwatch.alert.delivery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What a bulk abandon or re-queue selects, and each wrong field of its filter named (table-driven). */
class BulkFilterTest {

    private static List<String> list(String s) {
        return s == null ? null : Arrays.asList(s.split(";", -1));
    }

    private static BulkFilter parse(BulkFilter.Action action, String statuses, String channels, String sub,
                                    String target, String before, String after, List<String> problems) {
        return BulkFilter.parse(action, true, list(statuses), list(channels), sub, target, before, after, problems);
    }

    @ParameterizedTest(name = "{0} statuses={1} channels={2} sub={3} target={4} before={5} after={6} -> {7}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // accepted
            "ABANDON | -                | -            | s1 | -   | -                    | -                    | ",
            "ABANDON | PENDING;FAILED   | webhook      | -  | -   | -                    | -                    | ",
            "ABANDON | IN_FLIGHT        | -            | -  | -   | -                    | -                    | ",
            "REQUEUE | FAILED           | email;kafka  | -  | -   | -                    | -                    | ",
            "REQUEUE | -                | -            | -  | t   | -                    | -                    | ",
            "ABANDON | -                | -            | -  | -   | 2026-11-24T12:00:00Z | 2026-11-24T12:00:00Z | ",
            "ABANDON | -                | -            | -  | -   | 2026-11-24T16:00:00+04:00 | -               | ",
            "ABANDON | ' '              | -            | s1 | -   | -                    | -                    | ",
            // refused, each naming its field
            "ABANDON | DELIVERED        | -            | -  | -   | -                    | -                    | field 'filter.statuses': DELIVERED rows cannot be abandoned; allowed: PENDING, IN_FLIGHT, FAILED",
            "ABANDON | ABANDONED        | -            | -  | -   | -                    | -                    | field 'filter.statuses': ABANDONED rows cannot be abandoned",
            "REQUEUE | PENDING          | -            | -  | -   | -                    | -                    | field 'filter.statuses': PENDING rows cannot be re-queued; allowed: FAILED",
            "ABANDON | failed           | -            | -  | -   | -                    | -                    | field 'filter.statuses' must be one of PENDING",
            "ABANDON | -                | sms          | -  | -   | -                    | -                    | field 'filter.channels' must be one of webhook, email, kafka, got 'sms'",
            "ABANDON | -                | WEBHOOK      | -  | -   | -                    | -                    | field 'filter.channels'",
            "ABANDON | -                | -            | -  | -   | yesterday            | -                    | field 'filter.createdBefore' must be an ISO-8601 date-time",
            "ABANDON | -                | -            | -  | -   | 2026-11-24T12:00:00  | -                    | field 'filter.createdBefore' must be an ISO-8601 date-time",
            "ABANDON | -                | -            | -  | -   | -                    | 24.11.2026           | field 'filter.createdAfter' must be an ISO-8601 date-time",
            "ABANDON | -                | -            | -  | -   | 2026-11-23T12:00:00Z | 2026-11-24T12:00:00Z | field 'filter.createdAfter' (2026-11-24T12:00:00Z) must not be after 'filter.createdBefore'",
            "ABANDON | -                | -            | -  | -   | -                    | -                    | field 'filter' needs one or more of statuses, channels, subscriptionId, target, createdBefore, createdAfter",
            "REQUEUE | -                | -            | ' '| ' ' | -                    | -                    | a bulk action over the whole outbox is refused",
    })
    void eachCriterionIsReadOrItsFieldNamed(BulkFilter.Action action, String statuses, String channels, String sub,
                                             String target, String before, String after, String problem) {
        List<String> problems = new ArrayList<>();
        BulkFilter filter = parse(action, statuses, channels, sub, target, before, after, problems);
        if (problem == null) {
            assertThat(problems).isEmpty();
            assertThat(filter).isNotNull();
            assertThat(action.changeable()).containsAll(filter.statuses());
        } else {
            assertThat(filter).isNull();
            assertThat(problems).singleElement().asString().contains(problem);
        }
    }

    @Test
    void noStatusesMeansEveryStatusTheActionCanChangeAndTheRestIsKeptAsGiven() {
        List<String> problems = new ArrayList<>();
        BulkFilter abandon = parse(BulkFilter.Action.ABANDON, null, "webhook;kafka", " s1 ", "https://p.example/h",
                "2026-11-24T16:00:00+04:00", "2026-11-20T00:00:00Z", problems);
        assertThat(problems).isEmpty();
        assertThat(abandon.statuses()).isEqualTo(EnumSet.of(DeliveryStatus.PENDING, DeliveryStatus.IN_FLIGHT,
                DeliveryStatus.FAILED));
        assertThat(abandon.channels()).containsExactly("WEBHOOK", "KAFKA");
        assertThat(abandon.subscriptionId()).isEqualTo("s1");
        assertThat(abandon.createdBefore()).isEqualTo(Instant.parse("2026-11-24T12:00:00Z"));
        assertThat(abandon.createdAfter()).isEqualTo(Instant.parse("2026-11-20T00:00:00Z"));
        assertThat(abandon.describe()).isEqualTo("statuses PENDING|IN_FLIGHT|FAILED, channels webhook|kafka, "
                + "subscriptionId s1, target https://p.example/h, createdAfter 2026-11-20T00:00:00Z, "
                + "createdBefore 2026-11-24T12:00:00Z");
        BulkFilter requeue = parse(BulkFilter.Action.REQUEUE, null, null, "s1", null, null, null, problems);
        assertThat(requeue.statuses()).isEqualTo(Set.of(DeliveryStatus.FAILED));
    }

    @Test
    void everyWrongFieldIsOneProblemAndAMissingFilterIsNamed() {
        List<String> problems = new ArrayList<>();
        assertThat(parse(BulkFilter.Action.ABANDON, "DELIVERED;LOST", "sms", null, null, "soon", null, problems))
                .isNull();
        assertThat(problems).hasSize(4);
        List<String> missing = new ArrayList<>();
        assertThat(BulkFilter.parse(BulkFilter.Action.REQUEUE, false, null, null, null, null, null, null, missing))
                .isNull();
        assertThat(missing).containsExactly("field 'filter' is required: one or more of statuses, channels, "
                + "subscriptionId, target, createdBefore, createdAfter");
    }
}
