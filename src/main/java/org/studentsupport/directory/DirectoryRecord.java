package org.studentsupport.directory;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.UpdateTimestamp;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/**
 * What every directory record kept by hand (organization, service, location) carries: the HSDS fields
 * the service does not model, its version for {@code If-Match}, and who changed it last and when.
 */
@MappedSuperclass
public abstract class DirectoryRecord {

    /** Every other HSDS field, exactly as published (jsonb). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String extra = "{}";

    @Version
    public long version;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Subject of the user who last changed the record. */
    @Column(name = "updated_by")
    public String updatedBy;
}
