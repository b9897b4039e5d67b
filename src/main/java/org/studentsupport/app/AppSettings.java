package org.studentsupport.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** Settings of the web pages under {@code /app} ({@code studentsupport.app.*}). */
@ConfigMapping(prefix = "studentsupport.app")
public interface AppSettings {

    /**
     * The realm's address as the browser reaches it; without it, the issuer the service validates
     * tokens against ({@code quarkus.oidc.auth-server-url}).
     */
    Optional<String> authServerUrl();

    /** The realm's public client the pages sign in with (authorization code + PKCE S256). */
    @WithDefault("student-support-web")
    String clientId();

    /** The pages renew the access token this many seconds before it expires. */
    @WithDefault("60")
    int renewBeforeSeconds();
}
