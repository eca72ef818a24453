package org.borderwatch.alert.it;

import org.borderwatch.alert.AlertServiceITSupport;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexes the service creates at start-up, as the store lists them ({@code listIndexes} on the MongoDB-wire
 * store, or MongoDB where Docker runs it): one for every filter and sort of the verdict and alert queries (segment,
 * event-time range, occurrence — the effective one too —, severity, signals, and the alert list's newer occurrence
 * and signal fields), and the outbox's, stream's and audit's.
 */
class StoreIndexesIT extends AlertServiceITSupport {

    @Autowired
    MongoTemplate mongo;

    /** Each index of a collection as its keys in order, e.g. {@code segment:1,from:1}; {@code !} marks unique. */
    private List<String> indexes(String collection) {
        List<String> out = new ArrayList<>();
        for (Document index : mongo.getCollection(collection).listIndexes()) {
            Map<String, Integer> keys = new LinkedHashMap<>();
            Document key = index.get("key", Document.class);
            key.forEach((field, direction) -> keys.put(field, ((Number) direction).intValue()));
            String written = String.join(",", keys.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                    .toList());
            out.add(Boolean.TRUE.equals(index.get("unique")) ? "!" + written : written);
        }
        return out;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            // GET /api/v1/verdicts: newest event time first; segment, effective occurrence, severity, signals,
            // from/to on the event-time window
            "verdicts | from:-1",
            "verdicts | segment:1,from:1",
            "verdicts | occurrence:1",
            "verdicts | effectiveOccurrence:1",
            "verdicts | severity:1",
            "verdicts | signals:1",
            "verdicts | to:1",
            "verdict_versions | !incidentId:1,version:1",
            // GET /api/v1/alerts: most recently notified first; status, segment, severity, occurrence, signals,
            // from/to on the event-time window; inhibition's segment query; the repeat job; the jobs' flags
            "alerts | !incidentId:1",
            "alerts | lastNotifiedAt:-1",
            "alerts | status:1,lastNotifiedAt:1",
            "alerts | status:1,repeatFrom:1",
            "alerts | segment:1,windowFrom:1",
            "alerts | severity:1",
            "alerts | occurrence:1",
            "alerts | signals:1",
            "alerts | acknowledged:1,lastNotifiedAt:-1",
            "alerts | windowTo:1",
            "alerts | windowFrom:1",
            "alerts | pendingCount:1",
            "alerts | silencedFiring:1",
            "alerts | inhibitedBy:1",
            // the outbox: claims, per alert, expiry, open groups, an operator's re-queue
            "deliveries | status:1,notBefore:1",
            "deliveries | alertId:1,createdAt:1",
            "deliveries | status:1,updatedAt:1",
            "deliveries | groupKey:1,status:1",
            "deliveries | subscriptionId:1,status:1",
            "deliveries | target:1,status:1",
            "deliveries | requeueToken:1",
            "deliveries | status:1,createdAt:1",
            "deliveries | abandonToken:1",
            // the live stream's log: one entry per message, expiry, a resuming client's standing
            "stream_events | !key:1",
            "stream_events | at:1",
            "stream_events | alertId:1,_id:1",
            "silences | endsAt:1",
            "subscriptions | owner:1",
            "audit | target:1,at:1",
            "audit | actor:1,at:1",
            // GET /api/v1/audit: by action, and everything newest first
            "audit | action:1,at:1",
            "audit | at:-1"})
    void everyQueryHasItsIndex(String collection, String index) {
        assertThat(indexes(collection)).contains(index);
    }

    @Test
    void filterFieldsThatAreNotUniqueAreNotIndexedAsUnique() {
        // a unique index on a filter field would refuse the second alert of a severity: only these are unique
        List<String> unique = new ArrayList<>();
        for (String collection : List.of("verdicts", "verdict_versions", "alerts", "deliveries", "stream_events")) {
            indexes(collection).stream().filter(i -> i.startsWith("!")).forEach(i -> unique.add(collection + " " + i));
        }
        assertThat(unique).containsExactlyInAnyOrder("verdict_versions !incidentId:1,version:1",
                "alerts !incidentId:1", "stream_events !key:1");
    }
}
