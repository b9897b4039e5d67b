package org.studentsupport.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Copies the scope claims of a verified token into identity attributes, so that the rest of the
 * service reads scope from the identity alone, whoever authenticated it.
 */
@ApplicationScoped
public class ScopeClaimsAugmentor implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity);
        builder.addAttribute(ScopeClaims.SCHOOL_IDS, strings(token.getClaim(ScopeClaims.SCHOOL_IDS)));
        String district = string(token.getClaim(ScopeClaims.DISTRICT_ID));
        if (district != null) {
            builder.addAttribute(ScopeClaims.DISTRICT_ID, district);
        }
        String organization = string(token.getClaim(ScopeClaims.ORGANIZATION_ID));
        if (organization != null) {
            builder.addAttribute(ScopeClaims.ORGANIZATION_ID, organization);
        }
        return Uni.createFrom().item(builder.build());
    }

    private static Set<String> strings(Object claim) {
        Set<String> values = new LinkedHashSet<>();
        if (claim instanceof JsonArray array) {
            for (JsonValue value : array) {
                if (value instanceof JsonString s && !s.getString().isBlank()) {
                    values.add(s.getString());
                }
            }
        } else if (claim instanceof Collection<?> collection) {
            collection.forEach(v -> values.add(String.valueOf(v)));
        } else if (claim != null) {
            String single = string(claim);
            if (single != null) {
                values.add(single);
            }
        }
        return Set.copyOf(values);
    }

    private static String string(Object claim) {
        if (claim instanceof JsonString s) {
            return s.getString().isBlank() ? null : s.getString();
        }
        if (claim instanceof String s) {
            return s.isBlank() ? null : s;
        }
        return null;
    }
}
