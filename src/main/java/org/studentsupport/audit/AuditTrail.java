package org.studentsupport.audit;

import jakarta.enterprise.context.RequestScoped;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * What the current audited request is about, filled in by the code that knows it (ids only — never
 * names, notes or other personal data) and written by the audit interceptor when the request ends.
 */
@RequestScoped
public class AuditTrail {

    private String objectType;
    private String objectId;
    private final Set<UUID> studentIds = new LinkedHashSet<>();
    private String purpose;
    private String district;
    private String school;

    /** The object the request is about. */
    public AuditTrail object(String type, Object id) {
        this.objectType = type;
        this.objectId = id == null ? null : id.toString();
        return this;
    }

    /** A student the request reads or changes data of. */
    public AuditTrail student(UUID studentId) {
        if (studentId != null) {
            studentIds.add(studentId);
        }
        return this;
    }

    /** Students the request reads or changes data of, such as the roster of a class. */
    public AuditTrail students(Collection<UUID> ids) {
        ids.forEach(this::student);
        return this;
    }

    /** The purpose or legal basis, where one applies (e.g. a consent id or a FERPA exception). */
    public AuditTrail purpose(String purposeOrBasis) {
        this.purpose = purposeOrBasis;
        return this;
    }

    /**
     * Whose record the request concerns, when it concerns no student: the district and school
     * (sourcedIds) of the object. With students, the database derives them from the students.
     */
    public AuditTrail concerns(String districtId, String schoolId) {
        this.district = districtId;
        this.school = schoolId;
        return this;
    }

    public String district() {
        return district;
    }

    public String school() {
        return school;
    }

    public String objectType() {
        return objectType;
    }

    public String objectId() {
        return objectId;
    }

    public Set<UUID> studentIds() {
        return Set.copyOf(studentIds);
    }

    public String purpose() {
        return purpose;
    }
}
