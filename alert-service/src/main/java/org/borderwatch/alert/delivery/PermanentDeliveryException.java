package org.borderwatch.alert.delivery;

/** The target refused for good (HTTP 4xx other than 408/425/429, an unsafe address): never retried. */
public class PermanentDeliveryException extends DeliveryException {
    public PermanentDeliveryException(String reason, Integer statusCode) {
        super(reason, false, statusCode);
    }
}
