package org.studentsupport.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.studentsupport.web.FhirFormat;
import org.studentsupport.web.Problems;

import java.lang.annotation.Annotation;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Under {@code /fhir}, every error is a FHIR {@code OperationOutcome}: the problem document that the
 * service's one set of exception mappers wrote (401, 403, 404, 409, 412, 422, 428, 500 …) is rewritten
 * here, with the same status, one issue per invalid element and the problem's detail as diagnostics.
 * So the rules that refuse a request stay in one place and FHIR clients still get FHIR.
 */
public class FhirOutcomes {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KNOWN = Set.of("type", "title", "status", "detail", "instance", "requestId", "errors");

    private final FhirFormat fhir;

    public FhirOutcomes(FhirFormat fhir) {
        this.fhir = fhir;
    }

    @ServerResponseFilter
    public void toOperationOutcome(ContainerRequestContext request, ContainerResponseContext response) throws Exception {
        String path = request.getUriInfo().getPath();
        MediaType type = response.getMediaType();
        if (!(path.equals("/fhir") || path.startsWith("/fhir/")) || type == null
                || !Problems.MEDIA_TYPE.equals(type.getType() + "/" + type.getSubtype()) || !(response.getEntity() instanceof String body)) {
            return;
        }
        JsonNode problem = JSON.readTree(body);
        OperationOutcome outcome = outcome(response.getStatus(), problem, resourceType(path));
        response.setEntity(fhir.json(outcome), new Annotation[0], MediaType.valueOf(FhirFormat.MEDIA_TYPE));
    }

    static OperationOutcome outcome(int status, JsonNode problem, String resourceType) {
        OperationOutcome outcome = new OperationOutcome();
        OperationOutcome.IssueType code = issueType(status);
        String detail = text(problem, "detail");
        StringBuilder extras = new StringBuilder();
        for (Iterator<Map.Entry<String, JsonNode>> it = problem.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            if (!KNOWN.contains(member.getKey())) {
                extras.append("; ").append(member.getKey()).append(": ").append(member.getValue());
            }
        }
        JsonNode errors = problem.get("errors");
        if (errors != null && errors.isArray() && !errors.isEmpty()) {
            for (JsonNode error : errors) {
                OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                        .setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(code);
                String message = text(error, "message");
                if (error.hasNonNull("parameter")) {
                    issue.setDiagnostics("parameter '" + error.get("parameter").asText() + "': " + message);
                } else {
                    issue.setDiagnostics(message);
                    String pointer = text(error, "pointer");
                    if (pointer != null) {
                        issue.addExpression(expression(resourceType, pointer));
                    }
                }
                issue.getDetails().setText(detail);
            }
        } else {
            outcome.addIssue().setSeverity(status >= 500 ? OperationOutcome.IssueSeverity.FATAL : OperationOutcome.IssueSeverity.ERROR)
                    .setCode(code).setDiagnostics(detail == null ? text(problem, "title") : detail + extras)
                    .getDetails().setText(text(problem, "title"));
        }
        if (problem.hasNonNull("requestId")) {
            outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
                    .setCode(OperationOutcome.IssueType.INFORMATIONAL)
                    .setDiagnostics("request id " + problem.get("requestId").asText());
        }
        return outcome;
    }

    /** A JSON pointer into the resource as a FHIRPath expression ({@code /statusReason/text} → {@code Task.statusReason.text}). */
    static String expression(String resourceType, String pointer) {
        StringBuilder path = new StringBuilder(resourceType);
        for (String step : pointer.split("/")) {
            if (step.isEmpty()) {
                continue;
            }
            if (step.chars().allMatch(Character::isDigit)) {
                path.append('[').append(step).append(']');
            } else {
                path.append('.').append(step);
            }
        }
        return path.toString();
    }

    private static String resourceType(String path) {
        String[] parts = path.split("/");
        return parts.length > 2 && !parts[2].isEmpty() && Character.isUpperCase(parts[2].charAt(0)) ? parts[2] : "Resource";
    }

    static OperationOutcome.IssueType issueType(int status) {
        return switch (status) {
            case 400 -> OperationOutcome.IssueType.INVALID;
            case 401 -> OperationOutcome.IssueType.LOGIN;
            case 403 -> OperationOutcome.IssueType.FORBIDDEN;
            case 404 -> OperationOutcome.IssueType.NOTFOUND;
            case 405, 406, 415 -> OperationOutcome.IssueType.NOTSUPPORTED;
            case 409, 412 -> OperationOutcome.IssueType.CONFLICT;
            case 413 -> OperationOutcome.IssueType.TOOCOSTLY;
            case 422 -> OperationOutcome.IssueType.BUSINESSRULE;
            case 428 -> OperationOutcome.IssueType.REQUIRED;
            case 429 -> OperationOutcome.IssueType.THROTTLED;
            case 503 -> OperationOutcome.IssueType.TRANSIENT;
            default -> OperationOutcome.IssueType.EXCEPTION;
        };
    }

    private static String text(JsonNode node, String field) {
        return node != null && node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
