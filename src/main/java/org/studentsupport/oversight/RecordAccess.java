package org.studentsupport.oversight;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.studentsupport.audittrail.AuditEventView;
import org.studentsupport.audittrail.StudentAccessLog;

import java.time.Instant;
import java.util.List;

/** Who looked at or changed the student's records, and when: the access report, from the audit trail. */
@Schema(name = "RecordAccessReport")
public record RecordAccess(
        @Schema(description = "How many events concern the student in all", minimum = "0", maximum = "9223372036854775807",
                format = "int64") long totalEvents,
        @Schema(description = "True when more events exist than the export lists (it lists the newest)") boolean truncated,
        @Schema(description = "Newest first", maxItems = RecordExportService.MAX_ACCESS_EVENTS) List<Event> events) {

    @Schema(name = "RecordAccessEvent")
    public record Event(
            Instant at,
            @Schema(description = "Who: the user name, or the subject when there is none", maxLength = 255) String user,
            @Schema(maxLength = 255) String roles,
            @Schema(description = "The application used", maxLength = 255) String client,
            @Schema(description = "read, create, update, transition, disclose, export or denied", maxLength = 20) String action,
            @Schema(description = "success, denied or error", maxLength = 10) String outcome,
            @Schema(description = "What it was done to, in words", maxLength = 60) String object,
            @Schema(maxLength = 255) String purpose) {

        static Event from(AuditEventView e) {
            return new Event(e.occurredAt(), e.actorUsername() != null ? e.actorUsername() : e.actorSubject(), e.actorRoles(),
                    e.actorClient(), e.action(), e.outcome(), e.objectType() == null ? null : RecordLabels.plain(e.objectType()),
                    e.purpose());
        }
    }

    static RecordAccess from(StudentAccessLog.Events log) {
        return new RecordAccess(log.total(), log.truncated(), log.events().stream().map(Event::from).toList());
    }
}
