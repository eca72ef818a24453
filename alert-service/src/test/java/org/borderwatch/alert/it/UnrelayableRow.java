package org.borderwatch.alert.it;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.borderwatch.alert.dispatch.AlertDispatcher;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

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
        Document row = mongo.getCollection("deliveries").find(Filters.eq("alertId", alertId)).first();
        assertThat(row).as("a delivery row of alert " + alertId + " to copy").isNotNull();
        row.remove("updatedAt");
        String id = "unrelayable-" + UUID.randomUUID();
        row.put("_id", id);
        row.put("subscriptionId", AlertDispatcher.STREAM_SUBSCRIPTION);
        row.put("alert", "{\"incidentId\": \"cut off here");
        assertThat(mongo.getCollection("alerts").updateOne(Filters.eq("_id", alertId), Updates.combine(
                Updates.set("pending", List.of(row)), Updates.set("pendingCount", 1))).getModifiedCount())
                .isEqualTo(1);
        return id;
    }
}
