package org.borderwatch.ingest.stream;

/**
 * A send to the broker failed or did not finish within {@code ingest.publish-timeout}. Whether the broker stored
 * the records is unknown: a timed-out send may still complete.
 */
public class PublishFailedException extends RuntimeException {

    public PublishFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
