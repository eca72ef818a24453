package org.borderwatch.common;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/** Name-based UUIDs (RFC 9562 version 5, SHA-1): the same name always gives the same id, so replays are stable. */
public final class Uuids {

    /** Namespace for report ids: v5 of the URL namespace and "urn:borderwatch:report". */
    public static final UUID REPORT_NAMESPACE = v5(UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8"),
            "urn:borderwatch:report");
    /** Namespace for incident ids. */
    public static final UUID INCIDENT_NAMESPACE = v5(UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8"),
            "urn:borderwatch:incident");
    /** Namespace for alert ids and delivery idempotency keys. */
    public static final UUID ALERT_NAMESPACE = v5(UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8"),
            "urn:borderwatch:alert");

    private Uuids() {
    }

    public static UUID v5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
        ByteBuffer ns = ByteBuffer.allocate(16);
        ns.putLong(namespace.getMostSignificantBits()).putLong(namespace.getLeastSignificantBits());
        sha1.update(ns.array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // IETF variant
        ByteBuffer bb = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bb.getLong(), bb.getLong());
    }

    /** A report's id: its source and the partner's own reference (or a hash of its content when there is none). */
    public static UUID reportId(String sourceId, String sourceRefOrContentHash) {
        return v5(REPORT_NAMESPACE, sourceId + "\n" + sourceRefOrContentHash);
    }

    /** An incident's id: its segment and the id of its first report. */
    public static UUID incidentId(String segment, UUID firstReportId) {
        return v5(INCIDENT_NAMESPACE, segment + "\n" + firstReportId);
    }
}
