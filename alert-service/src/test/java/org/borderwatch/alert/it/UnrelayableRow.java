package org.borderwatch.alert.it;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.borderwatch.alert.dispatch.AlertDispatcher;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An outbox row the relay can never copy, left in an alert document as a crash between the two writes would leave
 * it: a live-stream row (appended to the stream log, which reads its message) whose message cannot be read.
 */
final class UnrelayableRow {

    private UnrelayableRow() {
    }

    /**
     * Puts such a row, made from one of the alert's delivery rows, into the alert's document as its only held row.
     *
     * @return the row's id
     */
    static String plant(MongoTemplate mongo, String alertId) {
        Document row = deliveryRow(mongo, alertId);
        row.remove("updatedAt");
        String id = "unrelayable-" + UUID.randomUUID();
        row.put("_id", id);
        row.put("subscriptionId", AlertDispatcher.STREAM_SUBSCRIPTION);
        row.put("alert", "{\"incidentId\": \"cut off here");
        hold(mongo, alertId, List.of(row));
        return id;
    }

    /**
     * A live-stream row of one of the alert's messages (as the dispatcher writes one: channel STREAM, no target)
     * whose message cannot be read, created at {@code createdAt}.
     */
    static Document streamRow(MongoTemplate mongo, String alertId, Instant createdAt) {
        Document row = pendingRow(mongo, alertId, "unrelayable-" + UUID.randomUUID(), createdAt);
        row.put("subscriptionId", AlertDispatcher.STREAM_SUBSCRIPTION);
        row.put("subscriptionName", "live stream");
        row.put("channel", "STREAM");
        row.put("target", null);
        row.put("alert", "{\"incidentId\": \"cut off here");
        return row;
    }

    /** A readable webhook row of the alert's message to a subscription, waiting, created at {@code createdAt}. */
    static Document webhookRow(MongoTemplate mongo, String alertId, String subscriptionId, String url,
                               Instant createdAt) {
        Document row = pendingRow(mongo, alertId, "held-" + UUID.randomUUID(), createdAt);
        row.put("subscriptionId", subscriptionId);
        row.put("subscriptionName", "desk " + subscriptionId);
        row.put("channel", "WEBHOOK");
        row.put("target", url);
        return row;
    }

    /** Makes these rows the ones the alert's document holds, as a crash between the two writes would leave them. */
    static void hold(MongoTemplate mongo, String alertId, List<Document> rows) {
        assertThat(mongo.getCollection("alerts").updateOne(Filters.eq("_id", alertId), Updates.combine(
                Updates.set("pending", rows), Updates.set("pendingCount", rows.size()))).getModifiedCount())
                .isEqualTo(1);
    }

    private static Document deliveryRow(MongoTemplate mongo, String alertId) {
        Document row = mongo.getCollection("deliveries").find(Filters.eq("alertId", alertId)).first();
        assertThat(row).as("a delivery row of alert " + alertId + " to copy").isNotNull();
        return row;
    }

    /** A fresh PENDING row of the message of one of the alert's delivery rows, due at once. */
    private static Document pendingRow(MongoTemplate mongo, String alertId, String id, Instant createdAt) {
        Document from = deliveryRow(mongo, alertId);
        Date created = Date.from(createdAt);
        return new Document("_id", id).append("alertId", alertId).append("incidentId", from.get("incidentId"))
                .append("sequence", from.get("sequence")).append("event", from.get("event"))
                .append("groupKey", "single|" + id).append("status", "PENDING").append("notBefore", created)
                .append("createdAt", created).append("receivedAt", created).append("attempts", 0)
                .append("rounds", 0).append("alert", from.get("alert"));
    }
}
