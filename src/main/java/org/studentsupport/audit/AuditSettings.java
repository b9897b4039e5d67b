package org.studentsupport.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "studentsupport.audit")
public interface AuditSettings {

    /** Auditing is always on; only the audit-cost benchmark switches it off. */
    @WithDefault("true")
    boolean enabled();

    /** How often committed events are sealed into the hash chain (and a signed checkpoint is written). */
    @WithDefault("2s")
    Duration sealInterval();

    /** The most events one sealing run chains (the rest wait for the next run). */
    @WithDefault("20000")
    int sealBatch();

    /** The key that signs checkpoints (HMAC-SHA256). Set from a secret in production. */
    String checkpointKey();
}
