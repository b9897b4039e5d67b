package org.studentsupport.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

import java.time.Instant;
import java.util.UUID;

/** A code of the needs/strengths list of one domain. Retired codes stay readable but cannot be used in new entries. */
@Entity
@Table(name = "review_code")
public class ReviewCode {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String domain;

    @Column(nullable = false)
    public String code;

    @Column(nullable = false)
    public String label;

    @Column(nullable = false)
    public boolean active = true;

    @Version
    public long version;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    protected ReviewCode() {
    }

    public ReviewCode(ReviewDomain domain, String code, String label) {
        this.id = UUID.randomUUID();
        this.domain = domain.code();
        this.code = code;
        this.label = label;
    }
}
