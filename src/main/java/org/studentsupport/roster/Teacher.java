package org.studentsupport.roster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

import java.time.Instant;
import java.util.UUID;

/** A teacher from the roster (OneRoster {@code users.csv} with role teacher). */
@Entity
@Table(name = "teacher")
public class Teacher {

    @Id
    public UUID id;

    @Column(name = "sourced_id", nullable = false, unique = true)
    public String sourcedId;

    @Column(name = "given_name", nullable = false)
    public String givenName;

    @Column(name = "family_name", nullable = false)
    public String familyName;

    public String email;

    /** False once the roster removed it (a delta's tobedeleted row, or absence from a bulk file). */
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

    protected Teacher() {
    }

    public Teacher(String sourcedId) {
        this.id = UUID.randomUUID();
        this.sourcedId = sourcedId;
    }
}
