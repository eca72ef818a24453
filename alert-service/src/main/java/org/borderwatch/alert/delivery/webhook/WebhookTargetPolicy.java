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
 * private, link-local, unique-local, carrier-grade-NAT, multicast, unspecified, documentation, benchmarking or other
 * reserved address, nor to an IPv6 form that carries such an IPv4 address (see {@link #isInternal}), unless its host
 * name or address is on the allow-list (entries: host names, single addresses, or CIDR blocks such as 10.1.0.0/16).
 * Checked when a subscription is created and again before every send (DNS may change in between).
 */
public final class WebhookTargetPolicy {

    /** Resolves a host name; replaced in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final List<String> allowList;
    private final boolean requireHttps;
    private final Resolver resolver;

    /** @param requireHttps refuse http URLs (alert contents and signatures would travel in clear) */
    public WebhookTargetPolicy(List<String> allowList, boolean requireHttps, Resolver resolver) {
        this.allowList = allowList == null ? List.of()
                : allowList.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).toList();
        this.requireHttps = requireHttps;
        this.resolver = resolver;
    }

    /** http allowed. */
    public WebhookTargetPolicy(List<String> allowList, Resolver resolver) {
        this(allowList, false, resolver);
    }

    public WebhookTargetPolicy(List<String> allowList, boolean requireHttps) {
        this(allowList, requireHttps, InetAddress::getAllByName);
    }

    /** http allowed. */
    public WebhookTargetPolicy(List<String> allowList) {
        this(allowList, false);
    }

    /**
     * Empty when the URL may be called, else the reason it may not: {@link #urlProblem} and then, unless the host is
     * on the allow-list by name (then nothing is resolved here), {@link #checkedAddresses} (one resolution). Used when a subscription is created; a
     * send uses the two parts separately so that it connects to exactly the addresses checked.
     */
    public Optional<String> problem(String url) {
        Optional<String> problem = urlProblem(url);
        if (problem.isPresent()) {
            return problem;
        }
        String host = URI.create(url).getHost().toLowerCase(Locale.ROOT);
        if (allowList.contains(host.startsWith("[") ? host.substring(1, host.length() - 1) : host)) {
            return Optional.empty(); // allowed by name: whatever it resolves to when a send connects
        }
        try {
            checkedAddresses(host);
            return Optional.empty();
        } catch (RefusedHostException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * The checks of a URL that need no name resolution: a valid URI, http or https (https only when required), no
     * credentials, a host; and when the host is an address literal, that address (nothing to resolve, nothing to
     * rebind). Empty when the URL passes them.
     */
    public Optional<String> urlProblem(String url) {
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
        if (requireHttps && !scheme.equals("https")) {
            return Optional.of("webhook url must use https (alert.webhook.require-https): over http the alert and "
                    + "its signature travel in clear");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("webhook url must not carry credentials");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return Optional.of("webhook url has no host");
        }
        if (isAddressLiteral(host)) {
            try {
                checkedAddresses(host);
            } catch (RefusedHostException e) {
                return Optional.of(e.getMessage());
            }
        }
        return Optional.empty();
    }

    /**
     * Resolves the host <b>once</b> and checks every address it resolves to; the caller connects to these addresses
     * and no others (code review F11: a second resolution by the HTTP client could answer differently — DNS
     * rebinding). A host on the allow-list by name is resolved and not checked.
     *
     * @param host a host name or address literal (IPv6 with or without brackets)
     * @return the addresses, all allowed
     * @throws RefusedHostException with the reason, when the host does not resolve or one of its addresses is
     *                              internal and not allow-listed
     */
    public InetAddress[] checkedAddresses(String host) throws RefusedHostException {
        if (host == null || host.isBlank()) {
            throw new RefusedHostException("webhook url has no host");
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(name);
        } catch (UnknownHostException e) {
            throw new RefusedHostException("webhook host '" + name + "' does not resolve");
        }
        if (addresses == null || addresses.length == 0) {
            throw new RefusedHostException("webhook host '" + name + "' does not resolve");
        }
        if (allowList.contains(name)) {
            return addresses.clone();
        }
        for (InetAddress address : addresses) {
            if (isInternal(address) && !allowed(address)) {
                throw new RefusedHostException("webhook host '" + name + "' resolves to " + address.getHostAddress()
                        + ", a loopback, private, link-local or reserved address (or an IPv6 form of one); ask an "
                        + "administrator to allow-list it");
            }
        }
        return addresses.clone();
    }

    /**
     * A host the policy refuses (or that does not resolve): an {@link UnknownHostException}, so that a connection
     * factory's name resolver can throw it; its message is the reason in words.
     */
    public static final class RefusedHostException extends UnknownHostException {
        public RefusedHostException(String reason) {
            super(reason);
        }
    }

    /**
     * Whether a URI's host is an address literal rather than a name: IPv6 (it has a colon) or only digits and dots
     * (which Java reads as an IPv4 address, also in forms such as {@code 2130706433}), so checking it needs no DNS.
     */
    static boolean isAddressLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    /**
     * IPv4 blocks that are never a partner's public endpoint: this network, private, carrier-grade NAT, loopback,
     * link-local, IETF protocol assignments, the three documentation networks, the old 6to4 relay anycast,
     * benchmarking, multicast, reserved and broadcast.
     */
    static final List<String> INTERNAL_V4 = List.of("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8",
            "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16",
            "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4");

    /**
     * IPv6 blocks refused whatever follows: the IPv4-compatible form {@code ::/96} (deprecated, and with it
     * {@code ::} and {@code ::1}), discard-only, benchmarking, documentation, local-use NAT64 (translated inside the
     * operator's own network), site-local, unique-local, link-local and multicast.
     */
    static final List<String> INTERNAL_V6 = List.of("::/96", "100::/64", "2001:2::/48", "2001:db8::/32",
            "64:ff9b:1::/48", "fec0::/10", "fc00::/7", "fe80::/10", "ff00::/8");

    /**
     * Whether the address is internal or reserved (security review F6). IPv6 forms that carry an IPv4 address are
     * judged by that address: IPv4-mapped ({@code ::ffff:0:0/96}, which Java turns into the IPv4 address), well-known NAT64 ({@code 64:ff9b::/96}), 6to4
     * ({@code 2002::/16}, the IPv4 in bits 16–47) and Teredo ({@code 2001::/32}: the server's IPv4 in bits 32–63 and
     * the client's, inverted, in the last 32 bits — either internal refuses).
     */
    static boolean isInternal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress() || a.isAnyLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        if (a instanceof Inet4Address) {
            return INTERNAL_V4.stream().anyMatch(block -> inCidr(a, block));
        }
        if (!(a instanceof Inet6Address)) {
            return true; // an address family this guard does not know is not called
        }
        if (INTERNAL_V6.stream().anyMatch(block -> inCidr(a, block))) {
            return true;
        }
        byte[] b = a.getAddress();
        // (an IPv4-mapped address, ::ffff:a.b.c.d, is an Inet4Address already: Java converts it when parsing)
        if (inCidr(a, "64:ff9b::/96")) {
            return isInternal(v4(b, 12, false));
        }
        if (inCidr(a, "2002::/16")) {
            return isInternal(v4(b, 2, false));
        }
        if (inCidr(a, "2001::/32")) {
            return isInternal(v4(b, 4, false)) || isInternal(v4(b, 12, true));
        }
        return false;
    }

    /** The IPv4 address in bytes {@code from .. from+3} of an IPv6 address, bit-inverted when asked (Teredo). */
    private static InetAddress v4(byte[] b, int from, boolean inverted) {
        byte[] v4 = java.util.Arrays.copyOfRange(b, from, from + 4);
        if (inverted) {
            for (int i = 0; i < 4; i++) {
                v4[i] = (byte) ~v4[i];
            }
        }
        try {
            return InetAddress.getByAddress(v4);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
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
