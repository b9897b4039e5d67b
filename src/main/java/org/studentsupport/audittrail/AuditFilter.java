package org.studentsupport.audittrail;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Audit search criteria; all optional, combined with AND. */
public class AuditFilter {

    @QueryParam("studentId")
    @Parameter(description = "Events that concern this student")
    public UUID studentId;

    @QueryParam("actor")
    @Size(max = 255)
    @Parameter(description = "Actor subject or user name")
    public String actor;

    @QueryParam("action")
    @Size(max = 20)
    @Pattern(regexp = "read|create|update|transition|disclose|export|login-failure|denied")
    @Parameter(description = "read, create, update, transition, disclose, export, login-failure or denied")
    public String action;

    @QueryParam("outcome")
    @Size(max = 10)
    @Pattern(regexp = "success|denied|error")
    @Parameter(description = "success, denied or error")
    public String outcome;

    @QueryParam("objectType")
    @Size(max = 50)
    public String objectType;

    @QueryParam("objectId")
    @Size(max = 100)
    public String objectId;

    @QueryParam("from")
    @Parameter(description = "Events at or after this instant (ISO 8601)")
    public Instant from;

    @QueryParam("to")
    @Parameter(description = "Events before this instant (ISO 8601)")
    public Instant to;

    /** The SQL condition (over {@code audit_event e}) and its parameters, within one district. */
    SqlCondition toSql(String district) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        conditions.add("e.actor_district = ?");
        parameters.add(district);
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
