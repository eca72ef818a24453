package org.borderwatch.alert.delivery.webhook;

import org.borderwatch.alert.delivery.Grouping;
import org.borderwatch.alert.delivery.Notification;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.alert.routing.Channel;
import org.borderwatch.alert.routing.ChannelType;
import org.borderwatch.alert.routing.DeliveryMode;
import org.borderwatch.alert.routing.Subscription;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.AlertEvent;
import org.borderwatch.common.model.AlertStatus;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.testkit.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The idempotency key is signed: a JSON webhook's body carries the notification's {@code deliveryId}, which the
 * HMAC covers, and the {@code X-BorderWatch-Delivery} header is an unsigned copy of it. Sent by the service's own
 * webhook channel and client to a real HTTP receiver; the receiver here does what the README tells one to do —
 * verify the signature over the raw bytes with its own HMAC (not the service's code), then read {@code deliveryId}
 * from the verified body and de-duplicate on it.
 */
class SignedDeliveryIdTest {

    private static final String SECRET = "signed-id-secret-0123";

    private final WebhookReceiver receiver = new WebhookReceiver();
    @SuppressWarnings("resource") // closed in stop()
    private final WebhookClient client = new WebhookClient(Clock.systemUTC(), Duration.ofSeconds(5),
            new WebhookTargetPolicy(List.of("127.0.0.1")));
    private final WebhookChannel channel = new WebhookChannel(client, null); // JSON format: no CAP rendering

    @AfterEach
    void stop() {
        client.close();
        receiver.close();
    }

    @Test
    void theBodyCarriesTheSignedDeliveryIdAndTheHeaderIsOnlyACopy() {
        Subscription sub = new Subscription("signed-" + UUID.randomUUID(), "signed", "staff1",
                new Channel(ChannelType.WEBHOOK, receiver.url("/signed"), null, null, SECRET, "json"),
                null, null, null, Instant.now());
        Alert first = alert(1);
        Alert second = alert(2);
        // a grouped notification: its id is the batch key of its two rows, not either row's own key
        String deliveryId = Grouping.batchKey(List.of(Grouping.itemKey(sub.id(), first),
                Grouping.itemKey(sub.id(), second)));
        Notification notification = new Notification(deliveryId, sub.id(), sub.name(), sub.id() + "|TAVUSH",
                DeliveryMode.IMMEDIATE, OffsetDateTime.now(ZoneOffset.UTC), List.of(first, second));

        channel.send(sub, notification);
        channel.send(sub, notification); // a retry of the same notification (after a lost answer, say)

        List<WebhookReceiver.Request> arrived = receiver.requests("/signed");
        assertThat(arrived).hasSize(2);
        Receiver partner = new Receiver();
        for (WebhookReceiver.Request r : arrived) {
            assertThat(verified(r)).as("signature over timestamp.body").isTrue();
            assertThat(signedDeliveryId(r)).as("the signed body's id").isEqualTo(deliveryId)
                    .isEqualTo(r.header(WebhookSignature.HEADER_DELIVERY));
        }
        assertThat(partner.accept(arrived.get(0))).as("first arrival processed").isTrue();
        assertThat(partner.accept(arrived.get(1))).as("the retry is recognised by the signed id").isFalse();

        // someone on the way rewrites the unsigned header: the signature still holds (it never covered the header),
        // and what the signed body says is unchanged — a receiver de-duplicating on it is not fooled
        WebhookReceiver.Request forgedHeader = withHeader(arrived.get(1), WebhookSignature.HEADER_DELIVERY,
                "forged-" + UUID.randomUUID());
        assertThat(verified(forgedHeader)).isTrue();
        assertThat(signedDeliveryId(forgedHeader)).isEqualTo(deliveryId)
                .isNotEqualTo(forgedHeader.header(WebhookSignature.HEADER_DELIVERY));
        assertThat(partner.accept(forgedHeader)).as("still a duplicate").isFalse();

        // the id in the body cannot be changed without breaking the signature
        String text = arrived.get(0).bodyText();
        assertThat(text).contains("\"deliveryId\":\"" + deliveryId + "\"");
        byte[] forgedBody = text.replace(deliveryId, UUID.randomUUID().toString()).getBytes(StandardCharsets.UTF_8);
        WebhookReceiver.Request tampered = new WebhookReceiver.Request(arrived.get(0).path(),
                arrived.get(0).headers(), forgedBody, arrived.get(0).answered(), arrived.get(0).arrivedNanos(),
                arrived.get(0).receivedAt());
        assertThat(verified(tampered)).isFalse();
        assertThat(partner.accept(tampered)).as("refused, not processed as new").isFalse();
        assertThat(partner.processed).containsExactly(deliveryId);
    }

    /** A receiver as the README describes it: verify, then de-duplicate on the signed body's deliveryId. */
    private static final class Receiver {
        final Set<String> processed = new HashSet<>();

        boolean accept(WebhookReceiver.Request r) {
            return verified(r) && processed.add(signedDeliveryId(r));
        }
    }

    /** The README's Java recipe (without the freshness check: the timestamp is seconds old). */
    private static boolean verified(WebhookReceiver.Request r) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((r.header(WebhookSignature.HEADER_TIMESTAMP) + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = ("sha256=" + HexFormat.of().formatHex(mac.doFinal(r.body())))
                    .getBytes(StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(expected,
                    r.header(WebhookSignature.HEADER_SIGNATURE).getBytes(StandardCharsets.US_ASCII));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String signedDeliveryId(WebhookReceiver.Request r) {
        return Json.tree(r.body()).get("deliveryId").asString();
    }

    private static WebhookReceiver.Request withHeader(WebhookReceiver.Request r, String name, String value) {
        Map<String, List<String>> headers = new HashMap<>();
        r.headers().forEach((k, v) -> {
            if (!k.equalsIgnoreCase(name)) {
                headers.put(k, v);
            }
        });
        headers.put(name, List.of(value));
        return new WebhookReceiver.Request(r.path(), headers, r.body(), r.answered(), r.arrivedNanos(),
                r.receivedAt());
    }

    private static Alert alert(int n) {
        UUID incident = UUID.randomUUID();
        return new Alert(1, AlertLifecycle.alertIdOf(incident), incident, 1, 1, AlertEvent.FIRED, AlertStatus.FIRING,
                BorderSegment.TAVUSH, Severity.HIGH, Occurrence.CONFIRMED, null, null, null, null,
                "signed id test " + n, List.of("signed"), null, OffsetDateTime.now(ZoneOffset.UTC));
    }
}
