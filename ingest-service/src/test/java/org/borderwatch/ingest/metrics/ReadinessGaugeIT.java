package org.borderwatch.ingest.metrics;

import org.borderwatch.ingest.IngestITSupport;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The running service against the testkit's real broker: once its readiness group is UP, the background evaluation
 * sets {@code borderwatch_readiness} to 1 on the Prometheus scrape, with the application tag only.
 */
class ReadinessGaugeIT extends IngestITSupport {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void isOneOnThePrometheusScrapeOnceTheServiceIsReady() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
            assertThat(get("/actuator/prometheus").body())
                    .contains("borderwatch_readiness{application=\"ingest-service\"} 1");
        });
    }
}
