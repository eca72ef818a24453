package org.borderwatch.ingest.pipeline;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of content, for report ids without a sourceRef and for duplicate detection. */
public final class ContentHash {

    private ContentHash() {
    }

    public static String sha256(String... parts) {
        MessageDigest d;
        try {
            d = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        for (String p : parts) {
            d.update((p == null ? "\u0000" : p).getBytes(StandardCharsets.UTF_8));
            d.update((byte) '\n');
        }
        return "sha256:" + HexFormat.of().formatHex(d.digest());
    }
}
