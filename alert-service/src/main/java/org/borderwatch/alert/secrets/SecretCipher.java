package org.borderwatch.alert.secrets;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encrypts secrets at rest (webhook secrets in the {@code subscriptions} collection) with AES-256-GCM from the JDK.
 * Plain Java.
 *
 * <p>A sealed value reads {@code v1:<keyId>:<base64(iv ‖ ciphertext ‖ tag)>}: a 96-bit random IV per value, a
 * 128-bit tag, and as associated data the context the caller names (the subscription's id), so a sealed secret copied
 * onto another subscription does not open. {@code keyId} is the first 8 hex digits of the key's SHA-256 — it names
 * which key sealed a value without revealing it. One key seals; earlier keys (rotation) still open what they sealed.
 */
public final class SecretCipher {

    /** The prefix of every sealed value of this format. */
    public static final String PREFIX = "v1:";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String keyId;
    private final Map<String, SecretKeySpec> keys;
    private final SecureRandom random = new SecureRandom();

    private SecretCipher(String keyId, Map<String, SecretKeySpec> keys) {
        this.keyId = keyId;
        this.keys = keys;
    }

    /**
     * @param key          base64 of 32 random bytes: seals new values and opens its own
     * @param previousKeys base64 keys used before (open only)
     * @throws IllegalArgumentException naming what is wrong with a key (never its value)
     */
    public static SecretCipher of(String key, List<String> previousKeys) {
        byte[] primary = decodeKey("alert.secrets.key", key);
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        String id = keyIdOf(primary);
        keys.put(id, new SecretKeySpec(primary, "AES"));
        int i = 0;
        for (String previous : previousKeys == null ? List.<String>of() : previousKeys) {
            byte[] bytes = decodeKey("alert.secrets.previous-keys[" + i++ + "]", previous);
            keys.putIfAbsent(keyIdOf(bytes), new SecretKeySpec(bytes, "AES"));
        }
        return new SecretCipher(id, Map.copyOf(keys));
    }

    /** Why a configured key is not usable, or null when it is (for validating settings; never echoes the key). */
    public static String keyProblem(String name, String key) {
        try {
            decodeKey(name, key);
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static byte[] decodeKey(String name, String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException(name + " is empty");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not base64 (standard alphabet, e.g. the output of "
                    + "`openssl rand -base64 32`)");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalArgumentException(name + " must be 32 bytes (256 bits) in base64, not " + bytes.length
                    + " bytes");
        }
        return bytes;
    }

    private static String keyIdOf(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The id of the key that seals. */
    public String keyId() {
        return keyId;
    }

    /** Whether a stored value is sealed in this format (else it is an older clear-text value). */
    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    /** The id of the key a sealed value was sealed with. */
    public static String keyIdOf(String sealed) {
        if (!isSealed(sealed)) {
            throw new IllegalArgumentException("not a sealed value");
        }
        int end = sealed.indexOf(':', PREFIX.length());
        return end < 0 ? "" : sealed.substring(PREFIX.length(), end);
    }

    /** Whether this cipher holds the key that sealed the value. */
    public boolean canOpen(String sealed) {
        return keys.containsKey(keyIdOf(sealed));
    }

    /**
     * @param context associated data the value is bound to (e.g. the subscription's id); the same must be given to
     *                {@link #open}
     */
    public String seal(String plaintext, String context) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(keyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return PREFIX + keyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /**
     * @throws SecretUnreadableException when the value was sealed with a key this cipher does not hold, for another
     *                                   context, or was altered
     */
    public String open(String sealed, String context) {
        String id = keyIdOf(sealed);
        SecretKeySpec key = keys.get(id);
        if (key == null) {
            throw new SecretUnreadableException("sealed with key " + id + ", which is neither alert.secrets.key ("
                    + keyId + ") nor one of alert.secrets.previous-keys");
        }
        byte[] all;
        try {
            all = Base64.getDecoder().decode(sealed.substring(PREFIX.length() + id.length() + 1));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new SecretUnreadableException("the sealed value is damaged (not base64)");
        }
        if (all.length < IV_BYTES + TAG_BITS / 8) {
            throw new SecretUnreadableException("the sealed value is damaged (too short)");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SecretUnreadableException("the sealed value does not open with key " + id
                    + " for this record (altered, or copied from another record)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** A stored secret that cannot be opened; the message says why, never the value. */
    public static final class SecretUnreadableException extends RuntimeException {
        public SecretUnreadableException(String message) {
            super(message);
        }
    }
}
