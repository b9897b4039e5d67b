package org.studentsupport.security;

import com.github.benmanes.caffeine.cache.Ticker;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The verified-token cache: an entry lives until the token's expiry, capped by the configured age. */
class VerifiedTokenCacheTest {

    private static final Instant START = Instant.parse("2026-12-04T10:00:00Z");
    private final AtomicLong nanos = new AtomicLong();
    private final SecurityIdentity coordinator = QuarkusSecurityIdentity.builder()
            .setPrincipal(new QuarkusPrincipal("coord")).addRole(Roles.COORDINATOR).build();

    @Test
    void anEntryEndsWhenItsTokenExpires() {
        VerifiedTokenCache cache = cache(10, Duration.ofMinutes(5));
        cache.keep("token-a", coordinator, START.plusSeconds(60));

        advance(Duration.ofSeconds(59));
        assertEquals(coordinator, cache.find("token-a").orElseThrow());
        advance(Duration.ofSeconds(1));
        assertTrue(cache.find("token-a").isEmpty(), "not one instant past exp");
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterTheMaximumAge() {
        VerifiedTokenCache cache = cache(10, Duration.ofMinutes(5));
        cache.keep("token-b", coordinator, START.plus(Duration.ofHours(8)));

        advance(Duration.ofMinutes(4));
        assertTrue(cache.find("token-b").isPresent());
        advance(Duration.ofMinutes(1));
        assertTrue(cache.find("token-b").isEmpty());
    }

    @Test
    void onlyTheIdenticalTokenFindsTheEntry() {
        VerifiedTokenCache cache = cache(10, Duration.ofMinutes(5));
        cache.keep("header.payload.signature", coordinator, START.plusSeconds(300));

        assertTrue(cache.find("header.payload.signaturE").isEmpty());
        assertTrue(cache.find("header.payload.signature ").isEmpty());
        assertTrue(cache.find("header.payload.signature").isPresent());
    }

    @Test
    void anExpiredTokenIsNotKeptAndAZeroAgeKeepsNothing() {
        VerifiedTokenCache cache = cache(10, Duration.ofMinutes(5));
        cache.keep("late", coordinator, START.minusSeconds(1));
        assertTrue(cache.find("late").isEmpty());

        VerifiedTokenCache off = cache(10, Duration.ZERO);
        off.keep("token-c", coordinator, START.plusSeconds(300));
        assertFalse(off.find("token-c").isPresent());
    }

    @Test
    void theCacheHoldsAtMostItsSize() {
        VerifiedTokenCache cache = cache(3, Duration.ofMinutes(5));
        for (int i = 0; i < 20; i++) {
            cache.keep("token-" + i, coordinator, START.plusSeconds(300));
        }
        assertTrue(cache.size() <= 3, "size " + cache.size());
    }

    private VerifiedTokenCache cache(int size, Duration maxAge) {
        TokenCacheSettings settings = new TokenCacheSettings() {
            @Override
            public int maxSize() {
                return size;
            }

            @Override
            public Duration maxAge() {
                return maxAge;
            }
        };
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneId.of("UTC");
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return START.plusNanos(nanos.get());
            }
        };
        Ticker ticker = nanos::get;
        return new VerifiedTokenCache(settings, clock, ticker);
    }

    private void advance(Duration by) {
        nanos.addAndGet(by.toNanos());
    }
}
