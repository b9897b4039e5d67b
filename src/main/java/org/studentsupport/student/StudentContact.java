package org.studentsupport.student;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.UUID;
import org.hibernate.annotations.Filter;
import org.studentsupport.security.ScopeFilter;

/** How a family contact relates to a student, and whether they may sign consent for them. */
@Entity
@Table(name = "student_contact")
@Filter(name = ScopeFilter.NAME, condition = ScopeFilter.BY_STUDENT, deduceAliasInjectionPoints = false)
public class StudentContact {

    @EmbeddedId
    public Key key;

    @MapsId("studentId")
    @ManyToOne(optional = false)
    @JoinColumn(name = "student_id")
    public Student student;

    @MapsId("contactId")
    @ManyToOne(optional = false)
    @JoinColumn(name = "contact_id")
    public FamilyContact contact;

    /** parent, guardian, relative or other. */
    @Column(nullable = false)
    public String relationship;

    @Column(name = "may_sign_consent", nullable = false)
    public boolean maySignConsent;

    protected StudentContact() {
    }

    public StudentContact(Student student, FamilyContact contact, String relationship, boolean maySignConsent) {
        this.key = new Key(student.id, contact.id);
        this.student = student;
        this.contact = contact;
        this.relationship = relationship;
        this.maySignConsent = maySignConsent;
    }

    @Embeddable
    public record Key(@Column(name = "student_id") UUID studentId, @Column(name = "contact_id") UUID contactId)
            implements Serializable {
    }
}
