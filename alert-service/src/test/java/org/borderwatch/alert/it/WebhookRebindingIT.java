package org.borderwatch.alert.it;

import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.alert.Fixtures;
import org.borderwatch.alert.ItDns;
import org.borderwatch.testkit.WebhookReceiver;
import org.borderwatch.alert.delivery.DeliveryStatus;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.alert.store.OutboxRow;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Code review F11 / security review S2 (DNS rebinding) through the whole service: a webhook host name is resolved
 * once per connection by the SSRF check itself, and the connection goes to the address it checked. A name that
 * passes the check when the subscription is created and resolves to a forbidden address when the alert is sent is
 * refused at the send (FAILED with the reason, nothing reaches the receiver); a name whose address is allowed is
 * delivered to that address under its own name. The names exist only in the test's scripted DNS ({@link ItDns}).
 */
class WebhookRebindingIT extends AlertServiceITSupport {

    private List<OutboxRow> rows(UUID incident, String subscriptionId) {
        return deliveryStore.byAlert(AlertLifecycle.alertIdOf(incident)).stream()
                .filter(r -> r.subscriptionId().equals(subscriptionId)).toList();
    }

    private static int receiverPort() {
        return URI.create(RECEIVER.url("/")).getPort();
    }

    @Test
    void aNameThatRebindsToAForbiddenAddressAfterTheSubscriptionIsRefusedAtDeliveryTime() {
        String host = "flip-" + UUID.randomUUID().toString().substring(0, 8) + ItDns.DOMAIN;
        String path = "/rebind-" + UUID.randomUUID();
        // the allow-listed 127.0.0.1 when the subscription is checked, then 127.0.0.2 (loopback, not allowed)
        ItDns.script(host, "127.0.0.1", "127.0.0.2");
        String sub = subscribeWebhook("staff1", "http://" + host + ":" + receiverPort() + path,
                "{\"segments\":[\"TAVUSH\"],\"minSeverity\":\"CRITICAL\"}");
        assertThat(ItDns.lookups(host)).as("checked once at creation").isEqualTo(1);
        UUID incident = UUID.randomUUID();

        sendAssessments(Fixtures.assessment(incident, 1, BorderSegment.TAVUSH, Severity.CRITICAL,
                Occurrence.UNVERIFIED, false));

        await().atMost(Duration.ofSeconds(30)).until(() -> rows(incident, sub).stream()
                .anyMatch(r -> r.status() == DeliveryStatus.FAILED));
        OutboxRow row = rows(incident, sub).get(0);
        assertThat(row.lastError()).isEqualTo("webhook host '" + host + "' resolves to 127.0.0.2, a loopback, "
                + "private, link-local or reserved address (or an IPv6 form of one); ask an administrator to "
                + "allow-list it");
        assertThat(RECEIVER.requests(path)).isEmpty();
        var api = get("/api/v1/alerts/" + AlertLifecycle.alertIdOf(incident) + "/deliveries", "staff1").body();
        assertThat(api).contains("\"status\":\"FAILED\"").contains("resolves to 127.0.0.2");
    }

    @Test
    void anAllowedNameIsDeliveredToTheAddressTheCheckResolvedUnderItsOwnHostName() {
        String host = "steady-" + UUID.randomUUID().toString().substring(0, 8) + ItDns.DOMAIN;
        String path = "/pinned-" + UUID.randomUUID();
        ItDns.script(host, "127.0.0.1");
        String sub = subscribeWebhook("staff1", "http://" + host + ":" + receiverPort() + path,
                "{\"segments\":[\"TAVUSH\"],\"minSeverity\":\"CRITICAL\"}");
        UUID incident = UUID.randomUUID();

        sendAssessments(Fixtures.assessment(incident, 1, BorderSegment.TAVUSH, Severity.CRITICAL,
                Occurrence.UNVERIFIED, false));

        await().atMost(Duration.ofSeconds(30)).until(() -> rows(incident, sub).stream()
                .anyMatch(r -> r.status() == DeliveryStatus.DELIVERED));
        List<WebhookReceiver.Request> got = RECEIVER.requests(path).stream()
                .filter(r -> notificationAlerts(r).stream().anyMatch(a -> a.incidentId().equals(incident)))
                .toList();
        assertThat(got).hasSize(1);
        WebhookReceiver.Request request = got.get(0);
        assertThat(request.header("Host")).isEqualTo(host + ":" + receiverPort());
        assertThat(request.header("X-BorderWatch-Signature")).isEqualTo(
                signatureOf(SECRET, request.header("X-BorderWatch-Timestamp"), request.body()));
        assertThat(request.header("X-BorderWatch-Delivery")).isEqualTo(rows(incident, sub).get(0).id());
    }
}
