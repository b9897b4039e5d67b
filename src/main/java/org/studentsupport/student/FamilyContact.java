package org.studentsupport.student;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Filter;
import org.studentsupport.security.ScopeFilter;

/**
 * A parent, guardian or relative of one or more students. Names and contact details come from the
 * roster; the preferred contact method and contact notes are owned by this service.
 */
@Entity
@Table(name = "family_contact")
@Filter(name = ScopeFilter.NAME, condition = ScopeFilter.FAMILY_CONTACT, deduceAliasInjectionPoints = false)
public class FamilyContact {

    @Id
    public UUID id;

    @Column(name = "sourced_id", nullable = false, unique = true)
    public String sourcedId;

    @Column(name = "given_name", nullable = false)
    public String givenName;

    @Column(name = "family_name", nullable = false)
    public String familyName;

    public String email;
    public String phone;
    public String sms;

    @Column(name = "preferred_language")
    public String preferredLanguage;

    /** Local field: phone, sms, email, mail or in-person. */
    @Column(name = "preferred_contact_method")
    public String preferredContactMethod;

    /** Local field: short practical notes, such as the best time to call. */
    @Column(name = "contact_notes")
    public String contactNotes;

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

    protected FamilyContact() {
    }

    public FamilyContact(String sourcedId, String givenName, String familyName) {
        this.id = UUID.randomUUID();
        this.sourcedId = sourcedId;
        this.givenName = givenName;
        this.familyName = familyName;
    }
}
