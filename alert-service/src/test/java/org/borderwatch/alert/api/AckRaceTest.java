package org.borderwatch.alert.api;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An acknowledgement that loses the race for its alert on every attempt is a 409 problem, not a 500. */
class AckRaceTest {

    @Test
    void anAttemptThatLosesIsReadAgainUntilItWins() {
        AtomicInteger tries = new AtomicInteger();
        String answer = AlertController.retryWhileChanging(20,
                () -> tries.incrementAndGet() < 3 ? Optional.empty() : Optional.of("stored"),
                () -> new IllegalStateException("not reached"));
        assertThat(answer).isEqualTo("stored");
        assertThat(tries).hasValue(3);
    }

    @Test
    void losingEveryAttemptIsA409AlertChangedProblemSayingToRetry() {
        UUID alert = UUID.randomUUID();
        AtomicInteger tries = new AtomicInteger();
        assertThatThrownBy(() -> AlertController.retryWhileChanging(AlertController.ACK_ATTEMPTS, () -> {
            tries.incrementAndGet();
            return Optional.empty();
        }, () -> AlertController.changedWhileAcknowledging(alert, AlertController.ACK_ATTEMPTS)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    ProblemDetail p = new ApiProblems(java.time.Duration.ofSeconds(10)).api(e);
                    assertThat(p.getStatus()).isEqualTo(HttpStatus.CONFLICT.value());
                    assertThat(p.getType()).isEqualTo(URI.create("urn:borderwatch:problem:alert-changed"));
                    assertThat(p.getTitle()).isEqualTo("The alert changed while acknowledging");
                    assertThat(p.getDetail()).startsWith("the alert changed while acknowledging; retry")
                            .contains(alert.toString()).contains("20 times").contains("nothing was recorded");
                });
        assertThat(tries).hasValue(20);
    }
}
