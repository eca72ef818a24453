package org.borderwatch.alert.delivery;

import java.time.Instant;
import java.util.Optional;

/**
 * When an operator may give up on an outbox row deliberately (plain Java). A row that is waiting (PENDING), gave up
 * (FAILED) or was claimed by a worker whose lease ran out (IN_FLIGHT, lease over: the worker died or hangs) may be
 * abandoned; a row being sent right now (IN_FLIGHT under a lease still running) may not, so an operator never races a
 * send; a DELIVERED or ABANDONED row has nothing left to give up.
 */
public final class Abandonment {

    private Abandonment() {
    }

    /**
     * Why the row may not be abandoned now, or empty when it may.
     *
     * @param leaseUntil the end of the row's lease (null when it has none); a lease ending exactly now still holds,
     *                   as for a claim (the row is claimable again once {@code leaseUntil < now})
     */
    public static Optional<String> refusal(String deliveryId, DeliveryStatus status, Instant leaseUntil,
                                           Instant now) {
        return switch (status) {
            case PENDING, FAILED -> Optional.empty();
            case IN_FLIGHT -> leaseUntil != null && !leaseUntil.isBefore(now)
                    ? Optional.of("delivery " + deliveryId + " is being sent now (its lease runs until " + leaseUntil
                    + "): abandon it once that send has ended or its lease has run out")
                    : Optional.empty();
            case DELIVERED -> Optional.of("delivery " + deliveryId + " is DELIVERED: it reached its target, there "
                    + "is nothing to give up");
            case ABANDONED -> Optional.of("delivery " + deliveryId + " is ABANDONED already");
        };
    }
}
