package org.studentsupport.web;

import org.studentsupport.domain.ConflictException;
import org.studentsupport.domain.ConsentRequiredException;
import org.studentsupport.domain.DomainException;
import org.studentsupport.domain.IllegalMoveException;
import org.studentsupport.domain.InvalidInputException;
import org.studentsupport.domain.NotFoundException;

/**
 * Every kind of error the API returns, each with a stable RFC 9457 {@code type} URI and title.
 * Clients switch on the type; the title never changes for a type.
 */
public enum ProblemKind {
    MALFORMED_REQUEST(400, "malformed-request", "The request could not be read"),
    VALIDATION(400, "validation", "The request has invalid fields"),
    UNAUTHENTICATED(401, "unauthenticated", "A valid bearer token is required"),
    FORBIDDEN(403, "forbidden", "Your role does not allow this operation"),
    NOT_FOUND(404, "not-found", "No such resource"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "This method is not allowed on this resource"),
    NOT_ACCEPTABLE(406, "not-acceptable", "No acceptable representation"),
    CONFLICT(409, "conflict", "The request conflicts with the current state"),
    ILLEGAL_TRANSITION(409, "illegal-transition", "The workflow does not allow this move"),
    REQUEST_TIMEOUT(408, "request-timeout", "The request did not arrive in time"),
    PRECONDITION_FAILED(412, "precondition-failed", "The resource has changed since you read it"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "The request body is too large"),
    URI_TOO_LONG(414, "uri-too-long", "The request URI is too long"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "This media type is not supported here"),
    UNPROCESSABLE(422, "unprocessable", "The request breaks a business rule"),
    CONSENT_REQUIRED(422, "consent-required", "No consent or FERPA exception covers this disclosure"),
    PRECONDITION_REQUIRED(428, "precondition-required", "An If-Match header is required"),
    TOO_MANY_REQUESTS(429, "too-many-requests", "Too many requests"),
    HEADERS_TOO_LARGE(431, "headers-too-large", "The request headers are too large"),
    INTERNAL(500, "internal", "Internal error"),
    UNAVAILABLE(503, "unavailable", "The service is temporarily unavailable");

    public static final String TYPE_PREFIX = "urn:student-support:problem:";

    private final int status;
    private final String slug;
    private final String title;

    ProblemKind(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String type() {
        return TYPE_PREFIX + slug;
    }

    public String title() {
        return title;
    }

    private static ProblemKind generic(ProblemKind kind) {
        return switch (kind) {
            case VALIDATION -> MALFORMED_REQUEST;
            case ILLEGAL_TRANSITION -> CONFLICT;
            case CONSENT_REQUIRED -> UNPROCESSABLE;
            default -> kind;
        };
    }

    /** The problem kind a domain refusal is reported as. */
    public static ProblemKind of(DomainException e) {
        if (e instanceof NotFoundException) {
            return NOT_FOUND;
        }
        if (e instanceof IllegalMoveException) {
            return ILLEGAL_TRANSITION;
        }
        if (e instanceof ConflictException) {
            return CONFLICT;
        }
        if (e instanceof ConsentRequiredException) {
            return CONSENT_REQUIRED;
        }
        if (e instanceof InvalidInputException) {
            return VALIDATION;
        }
        return UNPROCESSABLE;
    }

    /** The kind a failure is reported as when it is, or wraps, an API or domain refusal; null otherwise. */
    public static ProblemKind ofFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return api.kind();
            }
            if (t instanceof DomainException domain) {
                return of(domain);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** The generic kind for an HTTP status that the framework produced on its own. */
    public static ProblemKind forStatus(int status) {
        for (ProblemKind kind : values()) {
            if (kind.status == status && kind == generic(kind)) {
                return kind;
            }
        }
        return status >= 500 ? INTERNAL : MALFORMED_REQUEST;
    }
}
