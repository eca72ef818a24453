package org.borderwatch.alert.delivery;

/**
 * A send that did not succeed. {@code retryable} false means the target refused for good (for example HTTP 400
 * or 404, an unsafe address): the delivery fails at once instead of being retried.
 */
public class DeliveryException extends RuntimeException {
    private final boolean retryable;
    private final Integer statusCode;

    public DeliveryException(String reason, boolean retryable, Integer statusCode, Throwable cause) {
        super(reason, cause);
        this.retryable = retryable;
        this.statusCode = statusCode;
    }

    public DeliveryException(String reason, boolean retryable, Integer statusCode) {
        this(reason, retryable, statusCode, null);
    }

    public boolean retryable() {
        return retryable;
    }

    public Integer statusCode() {
        return statusCode;
    }
}
