package org.studentsupport.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.UpdateTimestamp;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** A place where services are delivered (HSDS {@code location}); its coordinates drive distance search. */
@Entity
@Table(name = "dir_location")
public class Location {

    @Id
    public UUID id;

    @Column(name = "organization_id")
    public UUID organizationId;

    @Column(name = "location_type", nullable = false)
    public String locationType = "physical";

    public String name;
    public String description;
    public Double latitude;
    public Double longitude;

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

    @Column(name = "updated_by")
    public String updatedBy;

    protected Location() {
    }

    public Location(UUID id, UUID organizationId) {
        this.id = id;
        this.organizationId = organizationId;
    }
}
