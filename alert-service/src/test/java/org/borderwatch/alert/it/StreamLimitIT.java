package org.borderwatch.alert.it;

import org.borderwatch.alert.AlertServiceITSupport;
import org.borderwatch.alert.SseClient;
import org.borderwatch.common.json.Json;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Security review F9: one user holds at most alert.stream.max-per-user (5) live streams; beyond, a 429 problem. */
class StreamLimitIT extends AlertServiceITSupport {

    private static final String SHORT = "/api/v1/alerts/stream?segments=KARABAKH&timeoutMillis=3000";

    @Test
    void aSixthStreamOfOneUserIsRefusedUntilOneEnds() {
        List<SseClient> open = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                open.add(SseClient.connect(port, SHORT, "streamer", null));
            }
            var sixth = call("GET", SHORT, "streamer", null, "text/event-stream");
            assertThat(sixth.statusCode()).as(sixth.body()).isEqualTo(429);
            JsonNode problem = Json.tree(sixth.body().getBytes(StandardCharsets.UTF_8));
            assertThat(problem.get("type").asString()).isEqualTo("urn:borderwatch:problem:too-many-streams");
            assertThat(problem.get("detail").asString()).contains("streamer has 5 live streams open already")
                    .contains("alert.stream.max-per-user");

            // another user is not affected
            try (SseClient other = SseClient.connect(port, SHORT, "staff2", null)) {
                assertThat(other.frames()).isNotEmpty();
            }
            // once the streams time out (3 s here), the user may open again
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> {
                var again = call("GET", SHORT.replace("3000", "1000"), "streamer", null, "text/event-stream");
                return again.statusCode() == 200;
            });
        } finally {
            open.forEach(SseClient::close);
        }
    }
}
