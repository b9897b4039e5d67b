package org.studentsupport.referral;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.List;

/**
 * A referral as FHIR R4 resources, as the SDOH Clinical Care guide pairs them: a {@code Task}
 * (whose status is the referral's status, one to one) focused on a {@code ServiceRequest}, in a
 * collection {@code Bundle}. Plain records; the shapes follow the FHIR R4 JSON format.
 */
@Schema(name = "FhirReferralBundle", description = "FHIR R4 Bundle (type collection) holding a Task and its ServiceRequest")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FhirReferral(
        @Schema(enumeration = "Bundle", maxLength = 10) String resourceType,
        @Schema(maxLength = 36) String id,
        @Schema(enumeration = "collection", maxLength = 20) String type,
        @Schema(maxItems = 2) List<Entry> entry) {

    static final String SYSTEM = "urn:student-support:";

    @Schema(name = "FhirBundleEntry")
    public record Entry(@Schema(maxLength = 60) String fullUrl, @Schema(oneOf = {Task.class, ServiceRequest.class}) Object resource) {
    }

    @Schema(name = "FhirReference")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reference(@Schema(maxLength = 100) String reference, @Schema(maxLength = 255) String display) {
    }

    @Schema(name = "FhirCoding")
    public record Coding(@Schema(maxLength = 100) String system, @Schema(maxLength = 50) String code) {
    }

    @Schema(name = "FhirCodeableConcept")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CodeableConcept(@Schema(maxItems = 5) List<Coding> coding, @Schema(maxLength = 2000) String text) {
    }

    @Schema(name = "FhirPeriod")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Period(@Schema(maxLength = 35) String start, @Schema(maxLength = 35) String end) {
    }

    @Schema(name = "FhirAnnotation")
    public record Annotation(@Schema(maxLength = 4000) String text) {
    }

    @Schema(name = "FhirTask")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Task(
            @Schema(enumeration = "Task", maxLength = 10) String resourceType,
            @Schema(maxLength = 36) String id,
            @Schema(maxLength = 20) String status,
            CodeableConcept statusReason,
            @Schema(enumeration = "order", maxLength = 10) String intent,
            @Schema(maxLength = 10) String priority,
            CodeableConcept code,
            Reference focus,
            @com.fasterxml.jackson.annotation.JsonProperty("for") @Schema(name = "for") Reference forSubject,
            @Schema(maxLength = 35) String authoredOn,
            @Schema(maxLength = 35) String lastModified,
            Reference requester,
            Reference owner,
            Period executionPeriod,
            @Schema(description = "The follow-up due date as the period the task should be acted on in") Restriction restriction) {
    }

    @Schema(name = "FhirTaskRestriction")
    public record Restriction(Period period) {
    }

    @Schema(name = "FhirServiceRequest")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceRequest(
            @Schema(enumeration = "ServiceRequest", maxLength = 20) String resourceType,
            @Schema(maxLength = 36) String id,
            @Schema(maxLength = 20) String status,
            @Schema(enumeration = "order", maxLength = 10) String intent,
            @Schema(maxLength = 10) String priority,
            CodeableConcept code,
            Reference subject,
            @Schema(maxLength = 35) String authoredOn,
            Reference requester,
            @Schema(maxItems = 1) List<Reference> performer,
            @Schema(maxItems = 20) List<CodeableConcept> reasonCode,
            @Schema(maxItems = 1) List<Annotation> note) {
    }

    /**
     * @param needCodes the need codes the reader may see: all of them for the school, for the provider
     *                  those disclosed to it ({@link DisclosedData})
     */
    static FhirReferral of(Referral r, List<String> needCodes) {
        String taskId = java.util.UUID.nameUUIDFromBytes(("task:" + r.id).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        String requestId = r.id.toString();
        String priority = switch (r.urgency) {
            case "urgent" -> "asap";
            case "soon" -> "urgent";
            default -> "routine";
        };
        Reference subject = new Reference("Patient/" + r.student.id, null);
        Reference organization = new Reference("Organization/" + r.organizationId, r.service.organization.name);
        Reference requester = new Reference(null, r.author);
        CodeableConcept statusReason = r.statusReasonCode == null && r.statusReasonText == null ? null
                : new CodeableConcept(r.statusReasonCode == null ? null
                        : List.of(new Coding(SYSTEM + "referral-status-reason", r.statusReasonCode)), r.statusReasonText);
        Task task = new Task("Task", taskId, r.status.code(), statusReason, "order", priority,
                new CodeableConcept(List.of(new Coding("http://hl7.org/fhir/CodeSystem/task-code", "fulfill")), null),
                new Reference("urn:uuid:" + requestId, null), subject,
                r.createdAt == null ? null : r.createdAt.toString(), r.updatedAt == null ? null : r.updatedAt.toString(),
                requester, organization,
                r.firstServiceOn == null ? null : new Period(r.firstServiceOn.toString(), null),
                r.followUpDue == null ? null : new Restriction(new Period(null, r.followUpDue.toString())));
        List<CodeableConcept> reasons = new ArrayList<>();
        for (String code : needCodes) {
            reasons.add(new CodeableConcept(List.of(new Coding(SYSTEM + "need", code)), null));
        }
        // Partners see what the provider sees: shared notes, never internal ones.
        ServiceRequest request = new ServiceRequest("ServiceRequest", requestId, serviceRequestStatus(r.status), "order", priority,
                new CodeableConcept(List.of(new Coding(SYSTEM + "directory-service", r.service.id.toString())), r.service.name),
                subject, r.createdAt == null ? null : r.createdAt.toString(), requester, List.of(organization),
                reasons,
                r.sharedNotes == null ? List.of() : List.of(new Annotation(r.sharedNotes)));
        return new FhirReferral("Bundle", r.id.toString(), "collection",
                List.of(new Entry("urn:uuid:" + taskId, task), new Entry("urn:uuid:" + requestId, request)));
    }

    /** ServiceRequest.status for the Task status (the guide's pairing). */
    static String serviceRequestStatus(ReferralStatus status) {
        return switch (status) {
            case DRAFT -> "draft";
            case REQUESTED, ACCEPTED, IN_PROGRESS -> "active";
            case ON_HOLD -> "on-hold";
            case COMPLETED -> "completed";
            case REJECTED, FAILED, CANCELLED -> "revoked";
            case ENTERED_IN_ERROR -> "entered-in-error";
        };
    }
}
