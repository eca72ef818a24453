package org.borderwatch.alert.delivery.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Guards against server-side request forgery: a webhook must be http(s) and must not resolve to a loopback,
 * private, link-local, unique-local, carrier-grade-NAT, multicast or unspecified address, unless its host name or
 * address is on the allow-list (entries: host names, single addresses, or CIDR blocks such as 10.1.0.0/16).
 * Checked when a subscription is created and again before every send (DNS may change in between).
 */
public final class WebhookTargetPolicy {

    /** Resolves a host name; replaced in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final List<String> allowList;
    private final Resolver resolver;

    public WebhookTargetPolicy(List<String> allowList, Resolver resolver) {
        this.allowList = allowList == null ? List.of()
                : allowList.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
        this.resolver = resolver;
    }

    public WebhookTargetPolicy(List<String> allowList) {
        this(allowList, InetAddress::getAllByName);
    }

    /** Empty when the URL may be called, else the reason it may not. */
    public Optional<String> problem(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            return Optional.of("webhook url is not a valid URI");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("webhook url must use http or https, not '" + scheme + "'");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("webhook url must not carry credentials");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return Optional.of("webhook url has no host");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (allowList.contains(host)) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            return Optional.of("webhook host '" + host + "' does not resolve");
        }
        for (InetAddress address : addresses) {
            if (isInternal(address) && !allowed(address)) {
                return Optional.of("webhook host '" + host + "' resolves to " + address.getHostAddress()
                        + ", a loopback, private or link-local address; ask an administrator to allow-list it");
            }
        }
        return Optional.empty();
    }

    static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) || first >= 240;
        }
        if (a instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) { // fc00::/7 unique local
                return true;
            }
            boolean mapped = true; // ::ffff:a.b.c.d
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isInternal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean allowed(InetAddress address) {
        for (String entry : allowList) {
            if (entry.contains("/")) {
                if (inCidr(address, entry)) {
                    return true;
                }
            } else if (entry.equals(address.getHostAddress().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    static boolean inCidr(InetAddress address, String cidr) {
        String[] parts = cidr.split("/", 2);
        try {
            InetAddress network = InetAddress.getByName(parts[0]);
            int prefix = Integer.parseInt(parts[1]);
            byte[] a = address.getAddress();
            byte[] n = network.getAddress();
            if (a.length != n.length) {
                return false;
            }
            for (int i = 0; i < prefix; i++) {
                int mask = 0x80 >> (i % 8);
                if ((a[i / 8] & mask) != (n[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return false;
        }
    }
}
