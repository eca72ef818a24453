package org.borderwatch.deploy.local.ports;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Checks, before anything starts, that every port the launcher needs is free. */
public final class PortCheck {

    private final String host;

    public PortCheck(String host) {
        this.host = host;
    }

    /**
     * @throws PortInUseException       for the first port that is taken
     * @throws IllegalArgumentException if two requests name the same port
     */
    public void requireFree(List<PortRequest> requests) {
        Map<Integer, PortRequest> seen = new HashMap<>();
        for (PortRequest request : requests) {
            PortRequest other = seen.putIfAbsent(request.port(), request);
            if (other != null) {
                throw new IllegalArgumentException("Port " + request.port() + " is given to both " + other.what()
                        + " (" + other.option() + ") and " + request.what() + " (" + request.option() + ").");
            }
        }
        for (PortRequest request : requests) {
            if (!isFree(request.port())) {
                throw new PortInUseException(request.what(), host, request.port(), request.option());
            }
        }
    }

    /** True if a server socket can be bound to the port on the host (and on every interface). */
    public boolean isFree(int port) {
        return canBind(address(port)) && canBind(new InetSocketAddress(port));
    }

    private InetSocketAddress address(int port) {
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Unknown host " + host, e);
        }
    }

    private static boolean canBind(InetSocketAddress address) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(address);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port that is free right now, for tests and for picking the controller port. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
