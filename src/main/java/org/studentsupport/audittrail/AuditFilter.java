package org.studentsupport.audittrail;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.Instant;
import java.util.UUID;

/** Audit search criteria from the query string; all optional, combined with AND. */
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

    /** The criteria as the service takes them. */
    public AuditQuery toQuery() {
        return new AuditQuery(studentId, actor, action, outcome, objectType, objectId, from, to);
    }
}
