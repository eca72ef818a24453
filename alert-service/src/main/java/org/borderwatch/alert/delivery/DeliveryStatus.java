package org.borderwatch.alert.delivery;

public enum DeliveryStatus {
    /** Waiting for its time (group wait, digest tick, retry backoff, an open circuit). */
    PENDING,
    /** Claimed by a worker under a lease; an expired lease makes it claimable again. */
    IN_FLIGHT,
    DELIVERED,
    /** Given up after the last attempt, or refused permanently by the target; the reason says why. */
    FAILED

}
