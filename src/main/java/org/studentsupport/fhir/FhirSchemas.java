package org.studentsupport.fhir;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * How the contract describes what {@code /fhir} exchanges: the envelope of each FHIR R4 resource, enough
 * for a client generator and a contract check. The resources themselves are FHIR R4 as the specification
 * defines them (https://hl7.org/fhir/R4/); the service reads and writes them with HAPI FHIR's parser, not
 * through these classes.
 */
public final class FhirSchemas {

    private FhirSchemas() {
    }

    @Schema(name = "FhirReference", description = "FHIR Reference: a relative or absolute URL of the resource")
    public record Reference(@Schema(maxLength = 300) String reference, @Schema(maxLength = 200) String display) {
    }

    @Schema(name = "FhirCodeableConcept", description = "FHIR CodeableConcept: codings from one or more systems, and a text")
    public record CodeableConcept(@Schema(maxItems = 10) List<Coding> coding, @Schema(maxLength = 1000) String text) {
    }

    @Schema(name = "FhirCoding")
    public record Coding(@Schema(maxLength = 300) String system, @Schema(maxLength = 100) String code,
                         @Schema(maxLength = 300) String display) {
    }

    @Schema(name = "FhirMeta")
    public record Meta(@Schema(description = "The version; send it back in If-Match as W/\"<versionId>\"", maxLength = 64)
                       String versionId,
                       @Schema(maxLength = 35) String lastUpdated,
                       @Schema(maxItems = 5) List<@Size(max = 300) String> profile) {
    }

    @Schema(name = "FhirTaskOutput", description = "An outcome of the referral: type and value[x]")
    public record TaskOutput(CodeableConcept type, CodeableConcept valueCodeableConcept) {
    }

    @Schema(name = "FhirTask", description = "FHIR R4 Task (https://hl7.org/fhir/R4/task.html) of one referral, shaped after the "
            + "SDOH Clinical Care Task profile. On update only status, statusReason, businessStatus and output are read; the "
            + "rest must be sent back as read.")
    public record Task(
            @Schema(enumeration = "Task", maxLength = 4, required = true) String resourceType,
            @Schema(description = "The referral id", maxLength = 64) String id,
            Meta meta,
            @Schema(description = "The referral's status: a Task exists once the referral is sent, so these are the statuses "
                    + "a sent referral can reach (ReferralStatus.SENT; a test checks the list)",
                    enumeration = {"requested", "accepted", "rejected", "in-progress", "on-hold", "completed", "failed",
                            "cancelled"}, maxLength = 20, required = true) String status,
            CodeableConcept statusReason,
            CodeableConcept businessStatus,
            @Schema(enumeration = {"order"}, maxLength = 10) String intent,
            CodeableConcept code,
            @Schema(description = "The ServiceRequest") Reference focus,
            @JsonProperty("for") @Schema(description = "The Patient, known by the provider's pseudonym") Reference patient,
            @Schema(maxLength = 35) String authoredOn,
            @Schema(maxLength = 35) String lastModified,
            @Schema(description = "The school's Organization") Reference requester,
            @Schema(description = "The provider's Organization") Reference owner,
            @Schema(maxItems = 10) List<TaskOutput> output) {
    }

    @Schema(name = "FhirBundleLink")
    public record Link(@Schema(enumeration = {"self", "next"}, maxLength = 10) String relation,
                       @Schema(maxLength = 4000) String url) {
    }

    @Schema(name = "FhirSearchEntry")
    public record SearchEntry(
            @Schema(maxLength = 300) String fullUrl,
            @Schema(description = "A Task (search mode match) or a resource it references (mode include)") Map<String, Object> resource,
            SearchMode search) {
    }

    @Schema(name = "FhirSearchMode")
    public record SearchMode(@Schema(enumeration = {"match", "include"}, maxLength = 10) String mode) {
    }

    @Schema(name = "FhirSearchBundle", description = "FHIR R4 Bundle of type searchset: the matching Tasks of one page, with "
            + "the total and a next link while there are more")
    public record SearchBundle(
            @Schema(enumeration = "Bundle", maxLength = 10) String resourceType,
            @Schema(enumeration = "searchset", maxLength = 10) String type,
            @Schema(maxLength = 35) String timestamp,
            @Schema(minimum = "0", maximum = "2147483647", format = "int32") int total,
            @Schema(maxItems = 2) List<Link> link,
            @Schema(maxItems = 1000) List<SearchEntry> entry) {
    }

    @Schema(name = "FhirCapabilityStatement", description = "FHIR R4 CapabilityStatement "
            + "(https://hl7.org/fhir/R4/capabilitystatement.html): what this server does — Task read, search and update")
    public record CapabilityStatement(
            @Schema(enumeration = "CapabilityStatement", maxLength = 20) String resourceType,
            @Schema(enumeration = "active", maxLength = 10) String status,
            @Schema(enumeration = "instance", maxLength = 10) String kind,
            @Schema(enumeration = "4.0.1", maxLength = 10) String fhirVersion,
            @Schema(maxItems = 5) List<@Size(max = 50) String> format,
            @Schema(maxItems = 1, description = "One server entry: its security and its resources") List<Map<String, Object>> rest) {
    }

    @Schema(name = "OperationOutcomeIssue")
    public record Issue(
            @Schema(enumeration = {"fatal", "error", "warning", "information"}, maxLength = 12) String severity,
            @Schema(description = "FHIR issue type (invalid, login, forbidden, not-found, conflict, business-rule, required …)",
                    maxLength = 30) String code,
            @Schema(description = "What is wrong, for a person", maxLength = 2000) String diagnostics,
            CodeableConcept details,
            @Schema(description = "FHIRPath of the element at fault, e.g. Task.statusReason", maxItems = 10)
            List<@Size(max = 300) String> expression) {
    }

    @Schema(name = "OperationOutcome", description = "FHIR R4 OperationOutcome (https://hl7.org/fhir/R4/operationoutcome.html): "
            + "every error under /fhir, with the HTTP status of the problem it stands for, one issue per invalid element and "
            + "the request id as an informational issue")
    public record OperationOutcome(
            @Schema(enumeration = "OperationOutcome", maxLength = 20, required = true) String resourceType,
            @Schema(maxItems = 50, required = true) List<Issue> issue) {
    }
}
