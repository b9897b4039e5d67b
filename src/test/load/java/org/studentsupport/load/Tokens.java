package org.studentsupport.load;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Access tokens of the demo users from the realm's Keycloak (password grant), renewed when two minutes old. */
final class Tokens {

    private static final long RENEW_AFTER_MILLIS = 120_000;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();

    private record Token(String value, long takenAt) {
    }

    private Tokens() {
    }

    static String of(String user) {
        Token token = TOKENS.get(user);
        if (token == null || System.currentTimeMillis() - token.takenAt() > RENEW_AFTER_MILLIS) {
            synchronized (Tokens.class) {
                token = TOKENS.get(user);
                if (token == null || System.currentTimeMillis() - token.takenAt() > RENEW_AFTER_MILLIS) {
                    token = new Token(take(user), System.currentTimeMillis());
                    TOKENS.put(user, token);
                }
            }
        }
        return token.value();
    }

    private static String take(String user) {
        String form = "grant_type=password&client_id=student-support-web&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=demo-password";
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(MixedWorkload.TOKEN_URL))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("no token for " + user + ": " + response.statusCode() + " " + response.body());
            }
            return new ObjectMapper().readTree(response.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("no token for " + user, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
