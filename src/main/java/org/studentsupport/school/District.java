package org.studentsupport.school;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

import java.time.Instant;
import java.util.UUID;

/** A school district: the organization that runs the schools, keyed by its OneRoster sourcedId. */
@Entity
@Table(name = "district")
public class District {

    @Id
    public UUID id;

    @Column(name = "sourced_id", nullable = false, unique = true)
    public String sourcedId;

    @Column(nullable = false)
    public String name;

    @Version
    public long version;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    protected District() {
    }

    public District(String sourcedId, String name) {
        this.id = UUID.randomUUID();
        this.sourcedId = sourcedId;
        this.name = name;
    }
}
