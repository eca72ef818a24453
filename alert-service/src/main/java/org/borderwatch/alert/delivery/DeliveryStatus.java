package org.borderwatch.alert.delivery;

public enum DeliveryStatus {
    /** Waiting for its time (group wait, digest tick, retry backoff, an open circuit). */
    PENDING,
    /** Claimed by a worker under a lease; an expired lease makes it claimable again. */
    IN_FLIGHT,
    DELIVERED,
    /** Given up after the last attempt, or refused permanently by the target; the reason says why. */
    FAILED,
    /**
     * Given up deliberately by an operator (ADMIN, with a reason; audited): never sent again, not counted in the
     * backlog. A row that was in flight under a lease that ran out may have reached its target before.
     */
    ABANDONED
}
