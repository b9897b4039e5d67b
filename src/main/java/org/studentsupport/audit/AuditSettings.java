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

    /**
     * How long a committed event may wait for its seal: an older unsealed event is a verification
     * failure, and a sealer that falls this far behind (or has not run for this long) is not ready.
     * Longer than any transaction may run.
     */
    @WithDefault("5m")
    Duration sealLag();

    /**
     * The most events one request verifies while the caller waits (about 6 s on two cores); a longer range,
     * the whole chain of a district among them, runs as a verification job.
     */
    @WithDefault("500000")
    long verificationMaxEventsAtOnce();

    /** The key that signs checkpoints (HMAC-SHA256). Set from a secret in production. */
    String checkpointKey();
}
