package org.borderwatch.deploy.local.services;

/** A service did not come up; the message is meant for the user. */
public final class ServiceStartException extends RuntimeException {
    public ServiceStartException(String message) {
        super(message);
    }
}
