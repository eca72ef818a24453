package org.borderwatch.alert.delivery;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Which outbox rows an operator may give up on, and the words of a refusal (table-driven). */
class AbandonmentTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of(DeliveryStatus.PENDING, null, null),
                Arguments.of(DeliveryStatus.FAILED, null, null),
                // a worker that died or hangs: its lease ran out, the row waits to be claimed again
                Arguments.of(DeliveryStatus.IN_FLIGHT, NOW.minusSeconds(1), null),
                Arguments.of(DeliveryStatus.IN_FLIGHT, null, null),
                Arguments.of(DeliveryStatus.IN_FLIGHT, NOW.plusSeconds(30), "delivery d-1 is being sent now (its "
                        + "lease runs until 2026-11-24T10:00:30Z): abandon it once that send has ended or its lease "
                        + "has run out"),
                // a lease ending exactly now still holds, as for a claim (claimable again once leaseUntil < now)
                Arguments.of(DeliveryStatus.IN_FLIGHT, NOW, "delivery d-1 is being sent now (its lease runs until "
                        + "2026-11-24T10:00:00Z): abandon it once that send has ended or its lease has run out"),
                Arguments.of(DeliveryStatus.DELIVERED, null, "delivery d-1 is DELIVERED: it reached its target, "
                        + "there is nothing to give up"),
                Arguments.of(DeliveryStatus.ABANDONED, null, "delivery d-1 is ABANDONED already"));
    }

    @ParameterizedTest(name = "{0} lease until {1}")
    @MethodSource("rows")
    void aRowMayBeAbandonedUnlessItIsBeingSentOrFinished(DeliveryStatus status, Instant leaseUntil, String refusal) {
        assertThat(Abandonment.refusal("d-1", status, leaseUntil, NOW).orElse(null)).isEqualTo(refusal);
    }
}
