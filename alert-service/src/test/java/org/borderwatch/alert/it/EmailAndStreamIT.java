package org.borderwatch.alert.it;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.alert.Fixtures;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.SignalType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** E-mail through a real SMTP server, and the live stream read by a real HTTP client. */
class EmailAndStreamIT extends AlertServiceITSupport {

    @Test
    void emailCarriesPlainTextAndHtml() throws Exception {
        String address = "desk-" + UUID.randomUUID() + "@borderwatch.test";
        var created = post("/api/v1/subscriptions", "staff2", """
                {"name":"desk","channel":{"type":"email","address":"%s"},
                 "filter":{"segments":["TAVUSH"],"signals":["FATALITIES"]}}""".formatted(address));
        assertThat(created.statusCode()).isEqualTo(201);
        UUID incident = UUID.randomUUID();

        sendAssessments(Fixtures.assessment(incident, 1, BorderSegment.TAVUSH, Severity.CRITICAL,
                Occurrence.CONFIRMED, false, SignalType.FATALITIES));

        await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(MAIL.getReceivedMessages())
                .anyMatch(m -> recipient(m).equals(address)));
        MimeMessage mail = Arrays.stream(MAIL.getReceivedMessages()).filter(m -> recipient(m).equals(address))
                .findFirst().orElseThrow();
        assertThat(mail.getSubject()).startsWith("[BorderWatch] FIRED: CRITICAL TAVUSH");
        assertThat(mail.getHeader("X-BorderWatch-Delivery")).hasSize(1);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        mail.writeTo(raw);
        String source = raw.toString(StandardCharsets.UTF_8);
        assertThat(source).contains("text/plain").contains("text/html");
        assertThat(bodyOf(mail, "text/plain")).contains("Incident " + incident).contains("AZ MoD claimed");
        assertThat(bodyOf(mail, "text/html")).contains("<li>AZ MoD claimed");
    }

    private static String recipient(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (Exception e) {
            return "";
        }
    }

    /** The first part of that MIME type, searched through nested multiparts; null when there is none. */
    static String bodyOf(jakarta.mail.Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return part.getContent().toString();
        }
        if (part.getContent() instanceof MimeMultipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                String found = bodyOf(mp.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    @Test
    void streamDeliversMatchingAlertsAsServerSentEvents() {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/alerts/stream?segments=LACHIN_CORRIDOR&minSeverity=MEDIUM"))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("staff1:staff1-pw".getBytes(StandardCharsets.UTF_8)))
                .build();
        var response = client.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(
                new java.util.concurrent.Flow.Subscriber<String>() {
                    @Override
                    public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
                        s.request(Long.MAX_VALUE);
                    }

                    @Override
                    public void onNext(String item) {
                        lines.add(item);
                    }

                    @Override
                    public void onError(Throwable t) {
                    }

                    @Override
                    public void onComplete() {
                    }
                }));
        await().atMost(Duration.ofSeconds(20)).until(() -> lines.contains(":connected"));
        UUID low = UUID.randomUUID();
        UUID high = UUID.randomUUID();
        UUID elsewhere = UUID.randomUUID();

        sendAssessments(
                Fixtures.assessment(low, 1, BorderSegment.LACHIN_CORRIDOR, Severity.LOW, Occurrence.UNVERIFIED, false,
                        Fixtures.EVENT_TIME.plusYears(3)),
                Fixtures.assessment(elsewhere, 1, BorderSegment.GEGHARKUNIK, Severity.HIGH, Occurrence.UNVERIFIED,
                        false),
                Fixtures.assessment(high, 1, BorderSegment.LACHIN_CORRIDOR, Severity.HIGH, Occurrence.DISPUTED, false,
                        Fixtures.EVENT_TIME.plusYears(3)));

        await().atMost(Duration.ofSeconds(30)).until(() -> lines.stream().anyMatch(l -> l.contains(high.toString())));
        assertThat(response).isNotCompletedExceptionally();
        assertThat(lines).contains("event:fired");
        assertThat(lines.stream().filter(l -> l.startsWith("data:")))
                .allMatch(l -> !l.contains(low.toString()) && !l.contains(elsewhere.toString()))
                .anyMatch(l -> l.contains("\"severity\":\"HIGH\""));
        assertThat(lines.stream().filter(l -> l.startsWith("data:") && l.contains(high.toString())))
                .as("the first message has nothing to compare with").noneMatch(l -> l.contains("\"changes\""));

        // an update's event says what changed since the previous message
        sendAssessments(Fixtures.assessment(high, 2, BorderSegment.LACHIN_CORRIDOR, Severity.HIGH,
                Occurrence.REFUTED, false, Fixtures.EVENT_TIME.plusYears(3)));
        await().atMost(Duration.ofSeconds(30)).until(() -> lines.contains("event:updated"));
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.stream()
                .anyMatch(l -> l.startsWith("data:") && l.contains(high.toString())
                        && l.contains("\"changes\":[\"occurrence DISPUTED -> REFUTED\"]")));
        response.cancel(true);
    }
}
