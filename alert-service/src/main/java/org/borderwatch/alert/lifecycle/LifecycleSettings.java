package org.borderwatch.alert.lifecycle;

import org.borderwatch.common.model.Severity;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * @param repeatInterval    how often a still-firing alert at or above {@code repeatMinSeverity} is sent again;
 *                          zero disables repeats
 * @param repeatMinSeverity the lowest severity that repeats
 * @param publicBaseUrl     the service's address as readers reach it (e.g. {@code https://alerts.example.org});
 *                          when set, every message links to its verdict at
 *                          {@code <publicBaseUrl>/api/v1/verdicts/<incidentId>}; null or blank: no link
 */
public record LifecycleSettings(Duration repeatInterval, Severity repeatMinSeverity, String publicBaseUrl) {

    /** The path of a verdict under the public base URL. */
    public static final String VERDICT_PATH = "/api/v1/verdicts/";

    public LifecycleSettings {
        Objects.requireNonNull(repeatInterval, "repeatInterval");
        repeatMinSeverity = repeatMinSeverity == null ? Severity.HIGH : repeatMinSeverity;
        if (repeatInterval.isNegative()) {
            throw new IllegalArgumentException("repeatInterval must not be negative");
        }
        publicBaseUrl = normalizedBaseUrl(publicBaseUrl);
    }

    public LifecycleSettings(Duration repeatInterval, Severity repeatMinSeverity) {
        this(repeatInterval, repeatMinSeverity, null);
    }

    /** Where the verdict on this incident can be read, or null when no public base URL is set. */
    public String verdictUrl(UUID incidentId) {
        return publicBaseUrl == null ? null : publicBaseUrl + VERDICT_PATH + incidentId;
    }

    /**
     * The base URL without trailing slashes, or null when blank. Only an absolute http(s) URL without query or
     * fragment is accepted: the link goes into e-mails and CAP documents, where anything else would be a broken or
     * dangerous link.
     */
    public static String normalizedBaseUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        String u = url.strip();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(u);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("public base URL is not a URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("public base URL must be an absolute http(s) URL without query or "
                    + "fragment, e.g. https://alerts.example.org: " + url);
        }
        return u;
    }
}
