package org.studentsupport.referral;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** An Idempotency-Key a caller sent with a referral creation, remembered for a bounded time. */
@Entity
@Table(name = "referral_idempotency_key")
public class IdempotencyKey {

    @EmbeddedId
    Key key;

    @Column(name = "request_hash", nullable = false)
    String requestHash;

    @Column(name = "referral_id", nullable = false)
    UUID referralId;

    @Column(name = "expires_at", nullable = false)
    Instant expiresAt;

    protected IdempotencyKey() {
    }

    public IdempotencyKey(String caller, String key, String requestHash, UUID referralId, Instant expiresAt) {
        this.key = new Key(caller, key);
        this.requestHash = requestHash;
        this.referralId = referralId;
        this.expiresAt = expiresAt;
    }

    @Embeddable
    public record Key(@Column(name = "caller") String caller, @Column(name = "idem_key") String key) implements Serializable {
    }
}
