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

/** A community provider organization (HSDS {@code organization}). Provider users act for one. */
@Entity
@Table(name = "dir_organization")
public class Organization {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Column(name = "alternate_name")
    public String alternateName;

    public String description;
    public String email;
    public String website;

    @Column(name = "parent_organization_id")
    public UUID parentOrganizationId;

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

    protected Organization() {
    }

    public Organization(UUID id, String name) {
        this.id = id;
        this.name = name;
    }
}
