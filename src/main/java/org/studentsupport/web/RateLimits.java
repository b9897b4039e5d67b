package org.studentsupport.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed-window request limit per client address on the API paths, announced on every response
 * with the {@code RateLimit-*} headers; past the limit a request gets a 429 problem and does nothing.
 * Health, metrics and the contract are not limited.
 */
@ApplicationScoped
public class RateLimits {

    public static final String LIMIT = "RateLimit-Limit";
    public static final String REMAINING = "RateLimit-Remaining";
    public static final String RESET = "RateLimit-Reset";
    private static final long WINDOW_MILLIS = 60_000;
    // Bounds the table of clients so that a flood of addresses cannot grow it without end.
    private static final int MAX_CLIENTS = 100_000;

    private final int perMinute;
    private final Problems problems;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private volatile long windowStart = System.currentTimeMillis();

    public RateLimits(@ConfigProperty(name = "studentsupport.rate-limit.requests-per-minute", defaultValue = "1200") int perMinute,
                      Problems problems) {
        this.perMinute = perMinute;
        this.problems = problems;
    }

    void install(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE + 1).handler(this::limit);
        router.route("/hsds/*").order(Integer.MIN_VALUE + 1).handler(this::limit);
    }

    private void limit(RoutingContext ctx) {
        if (perMinute <= 0) {
            ctx.next();
            return;
        }
        long now = System.currentTimeMillis();
        if (now - windowStart >= WINDOW_MILLIS || counts.size() > MAX_CLIENTS) {
            synchronized (this) {
                if (now - windowStart >= WINDOW_MILLIS || counts.size() > MAX_CLIENTS) {
                    counts.clear();
                    windowStart = now;
                }
            }
        }
        String client = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
        int used = counts.computeIfAbsent(client, c -> new AtomicInteger()).incrementAndGet();
        long resetSeconds = Math.max(1, (windowStart + WINDOW_MILLIS - now + 999) / 1000);
        ctx.response().putHeader(LIMIT, Integer.toString(perMinute))
                .putHeader(REMAINING, Integer.toString(Math.max(0, perMinute - used)))
                .putHeader(RESET, Long.toString(resetSeconds));
        if (used <= perMinute) {
            ctx.next();
            return;
        }
        ctx.response().setStatusCode(429)
                .putHeader("Retry-After", Long.toString(resetSeconds))
                .putHeader("Content-Type", Problems.MEDIA_TYPE)
                .end(problems.body(ProblemKind.TOO_MANY_REQUESTS,
                        "At most " + perMinute + " requests a minute; retry in " + resetSeconds + " s",
                        ctx.normalizedPath(), List.of(), Map.of()));
    }
}
