package org.studentsupport.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** One audited access (FHIR AuditEvent fields, NIST AU-3): ids only, never names or notes. Insert-only. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    public UUID id;

    /** Set by the database when the event is inserted; the application cannot supply it. */
    @Column(name = "occurred_at", nullable = false, insertable = false, updatable = false)
    public Instant occurredAt;

    /** The event's number in the sealing order within its transaction, set by the database. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    /** The district (sourcedId) of the student or object the event concerns: whose record it is. */
    @Column(name = "subject_district", updatable = false)
    public String subjectDistrict;

    /** The school (sourcedId) of the student or object the event concerns. */
    @Column(name = "subject_school", updatable = false)
    public String subjectSchool;

    @Column(nullable = false, updatable = false)
    public String action;

    @Column(nullable = false, updatable = false)
    public String outcome;

    @Column(name = "actor_subject", updatable = false)
    public String actorSubject;

    @Column(name = "actor_username", updatable = false)
    public String actorUsername;

    @Column(name = "actor_roles", updatable = false)
    public String actorRoles;

    @Column(name = "actor_client", updatable = false)
    public String actorClient;

    @Column(name = "actor_district", updatable = false)
    public String actorDistrict;

    @Column(name = "actor_scope", updatable = false)
    public String actorScope;

    @Column(name = "source_address", updatable = false)
    public String sourceAddress;

    @Column(name = "request_id", updatable = false)
    public String requestId;

    @Column(updatable = false)
    public String operation;

    @Column(name = "object_type", updatable = false)
    public String objectType;

    @Column(name = "object_id", updatable = false)
    public String objectId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "student_ids", nullable = false, updatable = false, columnDefinition = "uuid[]")
    public UUID[] studentIds = new UUID[0];

    @Column(updatable = false)
    public String purpose;

    @Column(name = "http_status", updatable = false)
    public Integer httpStatus;
}
