package org.borderwatch.deploy.local.ports;

/** A port the launcher needs is taken; the message is a complete sentence for the user. */
public final class PortInUseException extends RuntimeException {

    private final int port;

    public PortInUseException(String what, String host, int port, String option) {
        super("Port " + port + " on " + host + " (" + what + ") is already in use — is BorderWatch already running? "
                + "Stop the other program or choose another port with " + option + ".");
        this.port = port;
    }

    public int port() {
        return port;
    }
}
