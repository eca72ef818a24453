package org.borderwatch.alert.it;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.alert.Fixtures;
import org.borderwatch.testkit.WebhookReceiver;
import org.borderwatch.alert.secrets.SecretCipher;
import org.borderwatch.alert.store.SubscriptionStore;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhook secrets at rest (security review F12): the stored subscription holds the secret sealed with
 * {@code alert.secrets.key} (AES-256-GCM), never in clear, the API never returns it, and deliveries are signed with
 * the original secret; a subscription stored in clear by an earlier version keeps working and is sealed by the
 * start-up pass, one sealed with a previous key is re-sealed with the current one.
 */
class SecretsAtRestIT extends AlertServiceITSupport {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    SubscriptionStore subscriptions;

    @Autowired
    SecretCipher cipher;

    @Value("${alert.secrets.previous-keys[0]}")
    String previousKey;

    private MongoCollection<Document> collection() {
        return mongo.getCollection("subscriptions");
    }

    private Document stored(String id) {
        return collection().find(Filters.eq("_id", id)).first();
    }

    private static final String FILTER = "{\"segments\":[\"GEGHARKUNIK\"],\"occurrences\":[\"CONFIRMED\"],"
            + "\"minSeverity\":\"CRITICAL\"}";

    /** Sends a CRITICAL CONFIRMED GEGHARKUNIK incident and returns what reached the path, with its signature checked. */
    private WebhookReceiver.Request deliveredTo(String path) {
        UUID incident = UUID.randomUUID();
        sendAssessments(Fixtures.assessment(incident, 1, BorderSegment.GEGHARKUNIK, Severity.CRITICAL,
                Occurrence.CONFIRMED, false));
        await().atMost(Duration.ofSeconds(30)).until(() -> RECEIVER.accepted(path).stream()
                .anyMatch(r -> notificationAlerts(r).stream().anyMatch(a -> a.incidentId().equals(incident))));
        return RECEIVER.accepted(path).stream()
                .filter(r -> notificationAlerts(r).stream().anyMatch(a -> a.incidentId().equals(incident)))
                .findFirst().orElseThrow();
    }

    @Test
    void theStoredSubscriptionHoldsTheSecretSealedAndDeliveriesAreSignedWithTheOriginal() {
        String path = "/sealed-" + UUID.randomUUID();
        String id = subscribeWebhook("staff1", RECEIVER.url(path), FILTER);

        Document doc = stored(id);
        assertThat(doc.toJson()).doesNotContain(SECRET);
        Document channel = doc.get("channel", Document.class);
        assertThat(channel.containsKey("secret")).isFalse();
        assertThat(channel.getString("secretSealed")).startsWith("v1:" + cipher.keyId() + ":");
        String answer = get("/api/v1/subscriptions/" + id, "staff1").body();
        assertThat(answer).doesNotContain(SECRET).doesNotContain("secretSealed").contains("\"secretSet\":true");
        assertThat(get("/api/v1/subscriptions", "admin").body()).doesNotContain(SECRET).doesNotContain("v1:");

        WebhookReceiver.Request request = deliveredTo(path);
        assertThat(request.header("X-BorderWatch-Signature")).isEqualTo(
                signatureOf(SECRET, request.header("X-BorderWatch-Timestamp"), request.body()));
    }

    @Test
    void aSecretStoredInClearByAnEarlierVersionKeepsWorkingAndIsSealedAtStartUp() {
        String path = "/legacy-" + UUID.randomUUID();
        String legacySecret = "legacy-clear-secret-" + UUID.randomUUID();
        // the document as the earlier version wrote it: the secret in clear under channel.secret
        String id = subscribeWebhook("staff1", RECEIVER.url(path), FILTER);
        Document doc = stored(id);
        Document channel = doc.get("channel", Document.class);
        channel.remove("secretSealed");
        channel.put("secret", legacySecret);
        collection().replaceOne(Filters.eq("_id", id), doc);
        assertThat(stored(id).toJson()).contains(legacySecret);

        // read as it is before the pass
        assertThat(subscriptions.find(id).orElseThrow().channel().secret()).isEqualTo(legacySecret);

        SubscriptionStore.SealingPass pass = subscriptions.sealStoredSecrets(); // what start-up runs
        assertThat(pass.sealed()).isGreaterThanOrEqualTo(1);
        Document after = stored(id);
        assertThat(after.toJson()).doesNotContain(legacySecret);
        assertThat(after.get("channel", Document.class).containsKey("secret")).isFalse();
        assertThat(subscriptions.find(id).orElseThrow().channel().secret()).isEqualTo(legacySecret);

        WebhookReceiver.Request request = deliveredTo(path);
        assertThat(request.header("X-BorderWatch-Signature")).isEqualTo(
                signatureOf(legacySecret, request.header("X-BorderWatch-Timestamp"), request.body()));
    }

    @Test
    void aSecretSealedWithAPreviousKeyIsReadAndResealedWithTheCurrentOne() {
        String id = subscribeWebhook("staff1", RECEIVER.url("/rotated-" + UUID.randomUUID()), FILTER);
        SecretCipher before = SecretCipher.of(previousKey, List.of());
        Document doc = stored(id);
        doc.get("channel", Document.class).put("secretSealed", before.seal(SECRET, id));
        collection().replaceOne(Filters.eq("_id", id), doc);
        assertThat(subscriptions.find(id).orElseThrow().channel().secret()).isEqualTo(SECRET);

        assertThat(subscriptions.sealStoredSecrets().resealed()).isGreaterThanOrEqualTo(1);

        assertThat(stored(id).get("channel", Document.class).getString("secretSealed"))
                .startsWith("v1:" + cipher.keyId() + ":");
        assertThat(subscriptions.find(id).orElseThrow().channel().secret()).isEqualTo(SECRET);
    }
}
