package org.borderwatch.testkit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WebhookReceiverTest {

    private final HttpClient client = HttpClient.newHttpClient();
    private WebhookReceiver receiver;

    @AfterEach
    void close() {
        if (receiver != null) {
            receiver.close();
        }
    }

    private CompletableFuture<Integer> post(String path, String body, String deliveryId) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(receiver.url(path)))
                .header(WebhookReceiver.DELIVERY_HEADER, deliveryId).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode);
    }

    @Test
    void recordsPathHeadersBodyArrivalAndAnswer() {
        receiver = new WebhookReceiver();
        Instant before = Instant.now();

        assertThat(post("/a", "{\"x\":1}", "d-1").join()).isEqualTo(204);

        assertThat(receiver.requests("/b")).isEmpty();
        assertThat(receiver.requests("/a")).singleElement().satisfies(r -> {
            assertThat(r.bodyText()).isEqualTo("{\"x\":1}");
            assertThat(r.header("x-borderwatch-delivery")).as("header names ignore case").isEqualTo("d-1");
            assertThat(r.header("Content-Type")).isEqualTo("application/json");
            assertThat(r.header("X-Absent")).isNull();
            assertThat(r.answered()).isEqualTo(204);
            assertThat(r.receivedAt()).isBetween(before, Instant.now());
            assertThat(r.toString()).contains("/a", "d-1", "{\"x\":1}");
        });
    }

    @Test
    void answersTheSuccessStatusItWasGiven() {
        receiver = new WebhookReceiver(200);

        assertThat(post("/a", "{}", "d-1").join()).isEqualTo(200);
        assertThat(receiver.accepted("/a")).hasSize(1);
    }

    @Test
    void failsTheFirstRequestsThenAccepts() {
        receiver = new WebhookReceiver();
        receiver.failFirst("/a", 2, 503);

        assertThat(post("/a", "1", "d").join()).isEqualTo(503);
        assertThat(post("/a", "2", "d").join()).isEqualTo(503);
        assertThat(post("/a", "3", "d").join()).isEqualTo(204);
        assertThat(post("/other", "4", "d").join()).as("only the path told to fail").isEqualTo(204);

        assertThat(receiver.requests("/a")).extracting(WebhookReceiver.Request::answered).containsExactly(503, 503, 204);
        assertThat(receiver.accepted("/a")).extracting(WebhookReceiver.Request::bodyText).containsExactly("3");
    }

    @Test
    void holdsAnswersUntilReleased() {
        receiver = new WebhookReceiver();
        CountDownLatch release = new CountDownLatch(1);
        receiver.holdUntil("/held", release);

        CompletableFuture<Integer> first = post("/held", "1", "d-1");
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.held("/held") == 1);
        CompletableFuture<Integer> second = post("/held", "2", "d-2");
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.held("/held") == 2);

        assertThat(first).isNotDone();
        assertThat(receiver.arrivals("/held")).containsExactly("d-1", "d-2");
        assertThat(receiver.requests("/held")).as("recorded when answered").isEmpty();

        release.countDown();
        assertThat(first.join()).isEqualTo(204);
        assertThat(second.join()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.held("/held") == 0);
        assertThat(receiver.requests("/held")).hasSize(2);
    }

    @Test
    void delaysAnswersAndTimesArrivalsBeforeTheDelay() {
        receiver = new WebhookReceiver();
        receiver.answerAfter("/slow", Duration.ofMillis(300));
        long sent = System.nanoTime();

        assertThat(post("/slow", "1", "d").join()).isEqualTo(204);

        long answered = System.nanoTime();
        assertThat(Duration.ofNanos(answered - sent)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(receiver.requests("/slow")).singleElement()
                .satisfies(r -> assertThat(Duration.ofNanos(answered - r.arrivedNanos()))
                        .isGreaterThanOrEqualTo(Duration.ofMillis(300)));
    }
}
