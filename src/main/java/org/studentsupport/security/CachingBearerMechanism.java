package org.studentsupport.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Bearer authentication that checks a token's signature once: the first request with a token goes
 * through the OIDC mechanism (signature, issuer, audience, expiry, then the scope augmentor), and
 * later requests with the very same token take the identity from {@link VerifiedTokenCache} until
 * the token expires. Runs before the OIDC mechanism, which stays the one that decides everything
 * else (no token, a refused token, the challenge).
 */
@ApplicationScoped
public class CachingBearerMechanism implements HttpAuthenticationMechanism {

    private static final String BEARER = "bearer ";

    private final OidcAuthenticationMechanism oidc;
    private final VerifiedTokenCache cache;
    private final Counter verified;
    private final Counter cached;

    public CachingBearerMechanism(OidcAuthenticationMechanism oidc, VerifiedTokenCache cache, MeterRegistry registry) {
        this.oidc = oidc;
        this.cache = cache;
        this.verified = registry.counter("bearer.token.checks", "outcome", "verified");
        this.cached = registry.counter("bearer.token.checks", "outcome", "cached");
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        Optional<String> token = bearerToken(context);
        if (token.isEmpty()) {
            return oidc.authenticate(context, identities);
        }
        Optional<SecurityIdentity> known = cache.find(token.get());
        if (known.isPresent()) {
            cached.increment();
            return Uni.createFrom().item(forThisRequest(known.get(), context));
        }
        return oidc.authenticate(context, identities).invoke(identity -> {
            if (identity != null && !identity.isAnonymous()
                    && identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0) {
                verified.increment();
                cache.keep(token.get(), identity, Instant.ofEpochSecond(jwt.getExpirationTime()));
            }
        });
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return oidc.getChallenge(context);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return oidc.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return oidc.getCredentialTransport(context);
    }

    @Override
    public int getPriority() {
        return oidc.getPriority() + 1;
    }

    // The identity carries the routing context of the request that verified it; give it this one's.
    private static SecurityIdentity forThisRequest(SecurityIdentity identity, RoutingContext context) {
        return QuarkusSecurityIdentity.builder(identity)
                .addAttribute(RoutingContext.class.getName(), context)
                .build();
    }

    private static Optional<String> bearerToken(RoutingContext context) {
        List<String> values = context.request().headers().getAll(HttpHeaders.AUTHORIZATION);
        if (values.size() != 1) {
            return Optional.empty();
        }
        String value = values.get(0);
        if (value.length() <= BEARER.length() || !value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = value.substring(BEARER.length()).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
