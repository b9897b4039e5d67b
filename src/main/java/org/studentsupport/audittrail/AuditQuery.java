package org.studentsupport.audittrail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Audit search criteria, all optional and combined with AND. */
public record AuditQuery(UUID studentId, String actor, String action, String outcome, String objectType,
                         String objectId, Instant from, Instant to) {

    public static AuditQuery ofStudent(UUID studentId) {
        return new AuditQuery(studentId, null, null, null, null, null, null, null);
    }

    /**
     * Which events a caller may see, by whose record they concern: those of one district (a
     * supervisor), with or without the events that concern no district (an administrator), or all
     * of them (an auditor, {@code district} null).
     */
    record Visibility(String district, boolean unassigned) {

        static final Visibility ALL = new Visibility(null, true);
    }

    /** The SQL condition (over {@code audit_event e}) and its parameters. */
    SqlCondition toSql(Visibility visibility) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (visibility.district() == null) {
            conditions.add("TRUE");
        } else {
            conditions.add(visibility.unassigned() ? "(e.subject_district = ? OR e.subject_district IS NULL)"
                    : "e.subject_district = ?");
            parameters.add(visibility.district());
        }
        if (studentId != null) {
            conditions.add("e.student_ids @> ARRAY[CAST(? AS uuid)]");
            parameters.add(studentId.toString());
        }
        if (actor != null && !actor.isBlank()) {
            conditions.add("(e.actor_subject = ? OR e.actor_username = ?)");
            parameters.add(actor);
            parameters.add(actor);
        }
        if (action != null) {
            conditions.add("e.action = ?");
            parameters.add(action);
        }
        if (outcome != null) {
            conditions.add("e.outcome = ?");
            parameters.add(outcome);
        }
        if (objectType != null && !objectType.isBlank()) {
            conditions.add("e.object_type = ?");
            parameters.add(objectType);
        }
        if (objectId != null && !objectId.isBlank()) {
            conditions.add("e.object_id = ?");
            parameters.add(objectId);
        }
        if (from != null) {
            conditions.add("e.occurred_at >= ?");
            parameters.add(java.sql.Timestamp.from(from));
        }
        if (to != null) {
            conditions.add("e.occurred_at < ?");
            parameters.add(java.sql.Timestamp.from(to));
        }
        return new SqlCondition(String.join(" AND ", conditions), parameters);
    }

    record SqlCondition(String where, List<Object> parameters) {
    }
}
