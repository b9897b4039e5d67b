package org.studentsupport.notification;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The signature of a webhook delivery: HMAC-SHA256 with the webhook's secret over
 * {@code <timestamp>.<body>}, hex-encoded, sent as {@code X-Signature-256: sha256=<hex>} with the timestamp in
 * {@code X-Timestamp}. Signing the timestamp lets a receiver refuse an old delivery replayed.
 */
public final class WebhookSignature {

    public static final String SIGNATURE_HEADER = "X-Signature-256";
    public static final String TIMESTAMP_HEADER = "X-Timestamp";
    public static final String EVENT_ID_HEADER = "X-Event-Id";
    public static final String EVENT_TYPE_HEADER = "X-Event-Type";

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSignature() {
    }

    /** {@code sha256=<hex>} of the timestamp and body. */
    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** A new secret: 32 random bytes, URL-safe base64. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
