package org.studentsupport.audittrail;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.studentsupport.audit.AuditEvent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "AuditEvent")
public record AuditEventView(
        UUID id,
        Instant occurredAt,
        @Schema(maxLength = 20) String action,
        @Schema(maxLength = 10) String outcome,
        @Schema(maxLength = 255) String actorSubject,
        @Schema(maxLength = 255) String actorUsername,
        @Schema(maxLength = 255) String actorRoles,
        @Schema(maxLength = 255) String actorClient,
        @Schema(maxLength = 2000) String actorScope,
        @Schema(maxLength = 64) String sourceAddress,
        @Schema(maxLength = 64) String requestId,
        @Schema(maxLength = 255) String operation,
        @Schema(maxLength = 50) String objectType,
        @Schema(maxLength = 100) String objectId,
        @Schema(maxItems = 10000) List<UUID> studentIds,
        @Schema(maxLength = 255) String purpose,
        @Schema(minimum = "100", maximum = "599", format = "int32") Integer httpStatus,
        @Schema(description = "The district (sourcedId) of the students or object the event concerns", maxLength = 255) String subjectDistrict,
        @Schema(description = "The school (sourcedId) of the students or object the event concerns", maxLength = 255) String subjectSchool) {

    static AuditEventView from(AuditEvent e) {
        return new AuditEventView(e.id, e.occurredAt, e.action, e.outcome, e.actorSubject, e.actorUsername, e.actorRoles,
                e.actorClient, e.actorScope, e.sourceAddress, e.requestId, e.operation, e.objectType, e.objectId,
                List.of(e.studentIds), e.purpose, e.httpStatus, e.subjectDistrict, e.subjectSchool);
    }
}
