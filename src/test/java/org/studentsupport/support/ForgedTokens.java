package org.studentsupport.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.function.Consumer;

/** Tokens an attacker could make: signed with a key of their own, or a real token with its payload edited. */
public final class ForgedTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private ForgedTokens() {
    }

    /** The claims of a real token, re-signed with a fresh RSA key under a key id Keycloak never issued. */
    public static String resignedWithForeignKey(String realToken) {
        try {
            String[] parts = realToken.split("\\.");
            ObjectNode header = (ObjectNode) JSON.readTree(DECODER.decode(parts[0]));
            header.put("kid", "foreign-" + System.nanoTime());
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            String signingInput = ENCODER.encodeToString(JSON.writeValueAsBytes(header)) + "." + parts[1];
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(keys.getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + ENCODER.encodeToString(rsa.sign());
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A real token whose payload was edited while its original signature was kept. */
    public static String withEditedPayload(String realToken, Consumer<ObjectNode> edit) {
        try {
            String[] parts = realToken.split("\\.");
            ObjectNode payload = (ObjectNode) JSON.readTree(DECODER.decode(parts[1]));
            edit.accept(payload);
            return parts[0] + "." + ENCODER.encodeToString(JSON.writeValueAsBytes(payload)) + "." + parts[2];
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long expiry(String token) {
        try {
            return JSON.readTree(DECODER.decode(token.split("\\.")[1])).get("exp").asLong();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
