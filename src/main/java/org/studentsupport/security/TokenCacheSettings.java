package org.studentsupport.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "studentsupport.security.token-cache")
public interface TokenCacheSettings {

    /** Verified tokens kept at once; beyond it the least recently used is verified again on its next use. */
    @WithDefault("10000")
    int maxSize();

    /**
     * The longest a verified token is trusted without checking its signature again (never past its
     * own expiry). It bounds how long a token signed by a key the identity provider has since
     * withdrawn is still accepted. 0 turns the cache off.
     */
    @WithDefault("5m")
    Duration maxAge();
}
