package org.borderwatch.deploy.local.ports;

/**
 * A port the launcher is about to listen on.
 *
 * @param what   what will listen there, for the message ("Kafka", "the MongoDB-wire store")
 * @param option the command-line option that changes it
 */
public record PortRequest(String what, int port, String option) {
    public PortRequest {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(what + ": port " + port + " is outside 1-65535 (" + option + ")");
        }
    }
}
