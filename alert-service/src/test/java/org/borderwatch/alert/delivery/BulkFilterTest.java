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
            "ABANDON | UNRELAYED        | -            | -  | -   | -                    | -                    | ",
            "ABANDON | FAILED;UNRELAYED | webhook      | -  | -   | -                    | 2026-11-24T12:00:00Z | ",
            // refused, each naming its field
            "ABANDON | DELIVERED        | -            | -  | -   | -                    | -                    | field 'filter.statuses': DELIVERED rows cannot be abandoned; allowed: PENDING, IN_FLIGHT, FAILED, UNRELAYED",
            "ABANDON | ABANDONED        | -            | -  | -   | -                    | -                    | field 'filter.statuses': ABANDONED rows cannot be abandoned",
            "REQUEUE | PENDING          | -            | -  | -   | -                    | -                    | field 'filter.statuses': PENDING rows cannot be re-queued; allowed: FAILED",
            "ABANDON | failed           | -            | -  | -   | -                    | -                    | field 'filter.statuses' must be one of PENDING",
            "ABANDON | unrelayed        | -            | -  | -   | -                    | -                    | field 'filter.statuses' must be one of PENDING, IN_FLIGHT, DELIVERED, FAILED, ABANDONED, UNRELAYED, got 'unrelayed'",
            "REQUEUE | UNRELAYED        | -            | -  | -   | -                    | -                    | field 'filter.statuses': UNRELAYED rows (held in their alert documents, never copied to the outbox) cannot be re-queued: abandon them; allowed: FAILED",
            "REQUEUE | FAILED;UNRELAYED | -            | s1 | -   | -                    | -                    | field 'filter.statuses': UNRELAYED rows",
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
        assertThat(abandon.unrelayed()).as("the rows held in alert documents too").isTrue();
        assertThat(abandon.describe()).isEqualTo("statuses PENDING|IN_FLIGHT|FAILED|UNRELAYED, channels webhook|kafka, "
                + "subscriptionId s1, target https://p.example/h, createdAfter 2026-11-20T00:00:00Z, "
                + "createdBefore 2026-11-24T12:00:00Z");
        BulkFilter requeue = parse(BulkFilter.Action.REQUEUE, null, null, "s1", null, null, null, problems);
        assertThat(requeue.statuses()).isEqualTo(Set.of(DeliveryStatus.FAILED));
        assertThat(requeue.unrelayed()).isFalse();
    }

    @ParameterizedTest(name = "{0} statuses={1} -> {2}, outbox rows {3}")
    @CsvSource(delimiter = ',', nullValues = "-", value = {
            "ABANDON, -, PENDING|IN_FLIGHT|FAILED|UNRELAYED, true",
            "ABANDON, UNRELAYED, UNRELAYED, false",
            "ABANDON, UNRELAYED;UNRELAYED, UNRELAYED, false",
            "ABANDON, FAILED, FAILED, true",
            "ABANDON, UNRELAYED;PENDING, PENDING|UNRELAYED, true",
            "REQUEUE, -, FAILED, true",
    })
    void theStatusesAskedForAndWhetherOutboxRowsAreSelectedAtAll(BulkFilter.Action action, String statuses,
                                                                 String applied, boolean outbox) {
        List<String> problems = new ArrayList<>();
        BulkFilter filter = parse(action, statuses, null, "s1", null, null, null, problems);
        assertThat(problems).isEmpty();
        assertThat(filter.describe()).isEqualTo("statuses " + applied + ", subscriptionId s1");
        assertThat(filter.outbox()).isEqualTo(outbox);
        assertThat(filter.unrelayed()).isEqualTo(applied.contains("UNRELAYED"));
    }

    @ParameterizedTest(name = "statuses={0} row: {1} {2} {3} {4} -> {5}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // a row held in an alert document, read as stored there, against channels webhook, subscription s1,
            // target t, created in [10:00, 12:00)
            "UNRELAYED        | WEBHOOK | s1 | t | 2026-11-24T11:00:00Z | true",
            "-                | WEBHOOK | s1 | t | 2026-11-24T11:00:00Z | true",
            "FAILED;UNRELAYED | WEBHOOK | s1 | t | 2026-11-24T10:00:00Z | true",
            "FAILED           | WEBHOOK | s1 | t | 2026-11-24T11:00:00Z | false",
            "UNRELAYED        | STREAM  | s1 | t | 2026-11-24T11:00:00Z | false",
            "UNRELAYED        | webhook | s1 | t | 2026-11-24T11:00:00Z | false",
            "UNRELAYED        | -       | s1 | t | 2026-11-24T11:00:00Z | false",
            "UNRELAYED        | WEBHOOK | s2 | t | 2026-11-24T11:00:00Z | false",
            "UNRELAYED        | WEBHOOK | -  | t | 2026-11-24T11:00:00Z | false",
            "UNRELAYED        | WEBHOOK | s1 | u | 2026-11-24T11:00:00Z | false",
            "UNRELAYED        | WEBHOOK | s1 | - | 2026-11-24T11:00:00Z | false",
            "UNRELAYED        | WEBHOOK | s1 | t | 2026-11-24T12:00:00Z | false",
            "UNRELAYED        | WEBHOOK | s1 | t | 2026-11-24T09:59:59Z | false",
            "UNRELAYED        | WEBHOOK | s1 | t | -                    | false",
    })
    void aRowHeldInItsAlertDocumentIsSelectedByTheSameCriteria(String statuses, String channel, String sub,
                                                               String target, Instant createdAt, boolean selected) {
        List<String> problems = new ArrayList<>();
        BulkFilter filter = parse(BulkFilter.Action.ABANDON, statuses, "webhook", "s1", "t", "2026-11-24T12:00:00Z",
                "2026-11-24T10:00:00Z", problems);
        assertThat(problems).isEmpty();
        assertThat(filter.selectsHeld(channel, sub, target, createdAt)).isEqualTo(selected);
    }

    @Test
    void aHeldRowWithoutTimeOrTargetIsSelectedWhenNoCriterionAsksForThem() {
        List<String> problems = new ArrayList<>();
        BulkFilter filter = parse(BulkFilter.Action.ABANDON, "UNRELAYED", null, "stream:live", null, null, null,
                problems);
        assertThat(filter.selectsHeld("STREAM", "stream:live", null, null)).isTrue();
        assertThat(filter.selectsHeld("STREAM", "feed:border.alerts", null, null)).isFalse();
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
