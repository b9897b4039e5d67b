package org.studentsupport.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Identities of bearer tokens whose signature, issuer, audience and expiry were checked, keyed by
 * the SHA-256 of the whole token: the same token is not verified again on every request. An entry
 * lives until the token expires, and never longer than {@link TokenCacheSettings#maxAge()}; only a
 * byte-for-byte identical token finds it, so a changed (tampered) token is verified afresh.
 */
@ApplicationScoped
public class VerifiedTokenCache {

    private final Cache<String, Verified> verified;
    private final Clock clock;
    private final boolean enabled;

    @Inject
    public VerifiedTokenCache(TokenCacheSettings settings) {
        this(settings, Clock.systemUTC(), Ticker.systemTicker());
    }

    VerifiedTokenCache(TokenCacheSettings settings, Clock clock, Ticker ticker) {
        this.clock = clock;
        this.enabled = settings.maxSize() > 0 && settings.maxAge().compareTo(Duration.ZERO) > 0;
        Duration maxAge = settings.maxAge();
        this.verified = Caffeine.newBuilder()
                .maximumSize(Math.max(settings.maxSize(), 0))
                .ticker(ticker)
                .expireAfter(new Expiry<String, Verified>() {
                    @Override
                    public long expireAfterCreate(String key, Verified value, long currentTime) {
                        Duration untilExpiry = Duration.between(clock.instant(), value.expiresAt());
                        Duration life = untilExpiry.compareTo(maxAge) < 0 ? untilExpiry : maxAge;
                        return Math.max(life.toNanos(), 0);
                    }

                    @Override
                    public long expireAfterUpdate(String key, Verified value, long currentTime, long currentDuration) {
                        return expireAfterCreate(key, value, currentTime);
                    }

                    @Override
                    public long expireAfterRead(String key, Verified value, long currentTime, long currentDuration) {
                        return currentDuration;
                    }
                })
                .build();
    }

    /** The identity of a token verified before and not yet expired. */
    public Optional<SecurityIdentity> find(String token) {
        if (!enabled) {
            return Optional.empty();
        }
        String key = key(token);
        Verified entry = verified.getIfPresent(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expiresAt())) {
            verified.invalidate(key);
            return Optional.empty();
        }
        return Optional.of(entry.identity());
    }

    /** Keeps the identity of a token just verified, until {@code expiresAt} (the token's {@code exp}). */
    public void keep(String token, SecurityIdentity identity, Instant expiresAt) {
        if (enabled && clock.instant().isBefore(expiresAt)) {
            verified.put(key(token), new Verified(identity, expiresAt));
        }
    }

    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    private static String key(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private record Verified(SecurityIdentity identity, Instant expiresAt) {
    }
}
