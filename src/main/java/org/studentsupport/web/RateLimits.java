package org.studentsupport.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A request limit per client on the API paths, announced on every response with the
 * {@code RateLimit-*} headers; past the limit a request gets a 429 problem and does nothing. Health,
 * metrics and the contract are not limited.
 *
 * <p>The client is the caller the bearer token names (its subject, or the client id of a token
 * without one), so that users behind one ingress or one school network each have their own
 * allowance; a request without a token counts against its address. The address is the one Quarkus
 * resolves: {@code X-Forwarded-For} is believed only from the proxies in
 * {@code quarkus.http.proxy.trusted-proxies}.
 *
 * <p>The limiter runs before the token is verified, so the subject it reads may be forged. A
 * request that ends in 401 is therefore given back to the subject it named and counted against its
 * address instead; an address past the limit with refused tokens is refused outright, without
 * counting against the subject it names. Forged tokens naming a real user thus neither open new
 * allowances nor use up that user's.
 *
 * <p>Counts are kept per instance: with N replicas behind a load balancer a client gets up to N
 * times the limit (README, "Rate limits").
 */
@ApplicationScoped
public class RateLimits {

    public static final String LIMIT = "RateLimit-Limit";
    public static final String REMAINING = "RateLimit-Remaining";
    public static final String RESET = "RateLimit-Reset";
    private static final long WINDOW_MILLIS = 60_000;
    // Bounds the table of clients so that a flood of keys cannot grow it without end.
    private static final int MAX_CLIENTS = 100_000;

    private final int perMinute;
    private final Problems problems;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Map<String, Window> refusedTokens = new ConcurrentHashMap<>();

    public RateLimits(@ConfigProperty(name = "studentsupport.rate-limit.requests-per-minute", defaultValue = "1200") int perMinute,
                      Problems problems) {
        this.perMinute = perMinute;
        this.problems = problems;
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE + 1).handler(this::limit);
        router.route("/hsds/*").order(Integer.MIN_VALUE + 1).handler(this::limit);
    }

    /** One client's count in its current minute. */
    private static final class Window {
        private long start;
        private int used;

        Window(long start) {
            this.start = start;
        }

        synchronized int count(long now, int increment) {
            if (now - start >= WINDOW_MILLIS) {
                start = now;
                used = 0;
            }
            used += increment;
            return used;
        }

        /** Gives back one request counted in the window that started at {@code windowStart}. */
        synchronized void refund(long windowStart) {
            if (start == windowStart && used > 0) {
                used--;
            }
        }

        synchronized long start() {
            return start;
        }

        synchronized long resetSeconds(long now) {
            return Math.max(1, (start + WINDOW_MILLIS - now + 999) / 1000);
        }
    }

    private void limit(RoutingContext ctx) {
        if (perMinute <= 0) {
            ctx.next();
            return;
        }
        long now = System.currentTimeMillis();
        String address = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
        String client = clientKey(ctx.request().getHeader("Authorization"), address);
        Window refused = refusedTokens.get(address);
        if (refused != null && refused.count(now, 0) > perMinute) {
            // Refused tokens from this address: stop it before it counts against anyone's allowance.
            tooMany(ctx, refused.resetSeconds(now));
            return;
        }
        Window window = window(windows, client, now);
        int used = window.count(now, 1);
        long windowStart = window.start();
        long resetSeconds = window.resetSeconds(now);
        ctx.response().putHeader(LIMIT, Integer.toString(perMinute))
                .putHeader(REMAINING, Integer.toString(Math.max(0, perMinute - used)))
                .putHeader(RESET, Long.toString(resetSeconds));
        if (used <= perMinute) {
            if (!client.equals(address)) {
                ctx.addHeadersEndHandler(v -> {
                    if (ctx.response().getStatusCode() == 401) {
                        long end = System.currentTimeMillis();
                        window.refund(windowStart);
                        window(refusedTokens, address, end).count(end, 1);
                    }
                });
            }
            ctx.next();
            return;
        }
        tooMany(ctx, resetSeconds);
    }

    private void tooMany(RoutingContext ctx, long resetSeconds) {
        ctx.response().putHeader(LIMIT, Integer.toString(perMinute))
                .putHeader(REMAINING, "0")
                .putHeader(RESET, Long.toString(resetSeconds));
        ctx.response().setStatusCode(429)
                .putHeader("Retry-After", Long.toString(resetSeconds))
                .putHeader("Content-Type", Problems.MEDIA_TYPE)
                .end(problems.body(ProblemKind.TOO_MANY_REQUESTS,
                        "At most " + perMinute + " requests a minute; retry in " + resetSeconds + " s",
                        ctx.normalizedPath(), List.of(), Map.of()));
    }

    private static Window window(Map<String, Window> table, String key, long now) {
        if (table.size() > MAX_CLIENTS) {
            table.values().removeIf(w -> w.count(now, 0) == 0);
            if (table.size() > MAX_CLIENTS) {
                table.clear();
            }
        }
        return table.computeIfAbsent(key, k -> new Window(now));
    }

    /**
     * The token's subject (or, without one, its client id), read from the payload of a bearer JWT;
     * the address when there is no readable token.
     */
    static String clientKey(String authorization, String address) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return address;
        }
        String[] parts = authorization.substring(7).trim().split("\\.");
        if (parts.length != 3 || parts[1].length() > 16_384) {
            return address;
        }
        try {
            JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            String subject = claims.getValue("sub") instanceof String s && !s.isBlank() ? s : null;
            String clientId = claims.getValue("azp") instanceof String c && !c.isBlank() ? c
                    : claims.getValue("client_id") instanceof String c2 && !c2.isBlank() ? c2 : null;
            if (subject != null) {
                return "sub:" + subject;
            }
            return clientId != null ? "client:" + clientId : address;
        } catch (RuntimeException unreadable) {
            return address;
        }
    }
}
