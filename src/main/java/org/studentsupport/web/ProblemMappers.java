package org.studentsupport.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.studentsupport.database.DatabaseOutage;
import org.studentsupport.database.OutageLog;
import org.studentsupport.database.ReportUnavailableException;
import org.studentsupport.domain.DomainException;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Maps every exception that can leave a resource method, the framework's own included, to an
 * RFC 9457 problem document. A 500 says nothing about its cause; the cause goes to the log with
 * the request id that the response carries.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final int REPORT_RETRY_SECONDS = 5;
    static final int OUTAGE_RETRY_SECONDS = 5;

    private final Problems problems;

    public ProblemMappers(Problems problems) {
        this.problems = problems;
    }

    @ServerExceptionMapper
    public Response apiException(ApiException e, UriInfo uri) {
        Response response = problems.response(e.kind(), e.getMessage(), path(uri), e.violations(), e.extensions());
        return e.retryAfterSeconds()
                .map(seconds -> Response.fromResponse(response).header("Retry-After", seconds).build())
                .orElse(response);
    }

    @ServerExceptionMapper
    public Response domainException(DomainException e, UriInfo uri) {
        List<Problem.Violation> violations = e.violations().stream()
                .map(v -> new Problem.Violation(v.pointer(), v.parameter(), v.message())).toList();
        return problems.response(ProblemKind.of(e), e.getMessage(), path(uri), violations, e.details());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri, ResourceInfo resource) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            if (isReturnValue(violation.getPropertyPath())) {
                return internal(e, uri);
            }
            violations.add(toViolation(violation, resource.getResourceMethod()));
        }
        violations.sort(Comparator.comparing((Problem.Violation v) -> v.pointer() == null ? "" : v.pointer())
                .thenComparing(v -> v.parameter() == null ? "" : v.parameter())
                .thenComparing(Problem.Violation::message));
        return problems.response(ProblemKind.VALIDATION, violations.size() + " invalid field(s) or parameter(s)",
                path(uri), violations, Map.of());
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return problems.response(ProblemKind.MALFORMED_REQUEST, "The body is not well-formed JSON", path(uri));
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        String pointer = pointer(e);
        String expected = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
        return problems.response(ProblemKind.VALIDATION, "The body has a member of the wrong type", path(uri),
                List.of(Problem.Violation.atPointer(pointer, "must be " + expected)), Map.of());
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return problems.response(ProblemKind.VALIDATION, "The body has an invalid member", path(uri),
                    List.of(Problem.Violation.atPointer(pointer(mapping), "is not valid here")), Map.of());
        }
        return problems.response(ProblemKind.MALFORMED_REQUEST, "The body could not be read as JSON", path(uri));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthenticated(Exception e, UriInfo uri) {
        if (identityProviderDown(e)) {
            return identityProviderUnavailable(uri);
        }
        return problems.response(ProblemKind.UNAUTHENTICATED,
                "Sign in and send the access token as 'Authorization: Bearer <token>'", path(uri));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problems.response(ProblemKind.FORBIDDEN, "Your role does not allow this operation", path(uri));
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class})
    public Response concurrentUpdate(Exception e, UriInfo uri) {
        return problems.response(ProblemKind.PRECONDITION_FAILED,
                "Someone else changed the resource at the same time. Read it again and retry.", path(uri));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, ResourceInfo resource) {
        int status = e.getResponse().getStatus();
        if (status == 404 && resource != null && resource.getResourceMethod() != null) {
            // A matched method that "does not exist" means a parameter failed to convert (JAX-RS answers 404).
            return problems.response(ProblemKind.MALFORMED_REQUEST,
                    "A path or query parameter has a value of the wrong type", path(uri));
        }
        if (status >= 500) {
            return internal(e, uri);
        }
        ProblemKind kind = ProblemKind.forStatus(status);
        String detail = switch (kind) {
            case NOT_FOUND -> "No resource at " + path(uri);
            case METHOD_NOT_ALLOWED -> "This method is not allowed on " + path(uri);
            case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json";
            case NOT_ACCEPTABLE -> "This resource is available as application/json";
            default -> kind.title();
        };
        return problems.response(kind, detail, path(uri));
    }

    @ServerExceptionMapper
    public Response reportUnavailable(ReportUnavailableException e, UriInfo uri) {
        LOG.warnf("Report on %s not produced: %s", path(uri), e.getMessage());
        String detail = e.timedOut()
                ? "The report ran past its limit of " + e.limitSeconds() + " s and was stopped; ask for a narrower one"
                        + " (one school, a shorter period) or try again when the database is less busy"
                : "The report database is not answering; try again shortly";
        return Response.fromResponse(problems.response(ProblemKind.UNAVAILABLE, detail, path(uri)))
                .header("Retry-After", REPORT_RETRY_SECONDS).build();
    }

    @ServerExceptionMapper
    public Response identityProviderUnavailable(io.quarkus.oidc.OIDCException e, UriInfo uri) {
        return identityProviderUnavailable(uri);
    }

    private Response identityProviderUnavailable(UriInfo uri) {
        warnOnce("identity-provider", "The identity provider does not answer; requests with a token get 503 until it does");
        return unavailable("The identity provider is not answering, so the token cannot be checked; try again shortly", uri);
    }

    private static boolean identityProviderDown(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof io.quarkus.oidc.OIDCException) {
                return true;
            }
        }
        return false;
    }

    private Response unavailable(String detail, UriInfo uri) {
        return Response.fromResponse(problems.response(ProblemKind.UNAVAILABLE, detail, path(uri)))
                .header("Retry-After", OUTAGE_RETRY_SECONDS).build();
    }

    private static void warnOnce(String what, String message) {
        OutageLog.warnOnce(LOG, what, message);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        // Transactions and interceptors wrap what a method threw; report the cause if it is a known kind.
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof ApiException api) {
                return apiException(api, uri);
            }
            if (cause instanceof DomainException domain) {
                return domainException(domain, uri);
            }
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return concurrentUpdate((Exception) cause, uri);
            }
        }
        if (DatabaseOutage.isOutage(e)) {
            warnOnce("database", "The database does not answer (" + rootMessage(e) + "); requests that need it get 503 until it does");
            return unavailable("The database is not answering; try again shortly", uri);
        }
        if (identityProviderDown(e)) {
            return identityProviderUnavailable(uri);
        }
        if (DatabaseOutage.isUniqueViolation(e)) {
            // Two requests created the same thing at once; the database kept the first.
            LOG.infof("Concurrent duplicate on %s refused: %s", path(uri), rootMessage(e));
            return problems.response(ProblemKind.CONFLICT,
                    "Another request created the same thing at the same time. Read it again and retry.", path(uri));
        }
        return internal(e, uri);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private Response internal(Throwable e, UriInfo uri) {
        String requestId = Problems.currentRequestId();
        LOG.errorf(e, "Unhandled error on %s (correlation id %s)", path(uri), requestId);
        return problems.response(ProblemKind.INTERNAL,
                "Something went wrong on our side. Quote the correlation id " + requestId + " when reporting it.",
                path(uri));
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    private static boolean isReturnValue(Path path) {
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /**
     * Names the input a violation is about: a body member becomes a JSON pointer; a query, path or
     * header parameter (also through a {@code @BeanParam}) is named as the client sent it.
     */
    private static Problem.Violation toViolation(ConstraintViolation<?> violation, Method method) {
        Annotation[] parameterAnnotations = null;
        Class<?> parameterType = null;
        StringBuilder pointer = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case PARAMETER -> {
                    int index = node.as(Path.ParameterNode.class).getParameterIndex();
                    if (method != null && index < method.getParameterCount()) {
                        parameterAnnotations = method.getParameterAnnotations()[index];
                        parameterType = method.getParameterTypes()[index];
                        String name = parameterName(parameterAnnotations);
                        if (name != null) {
                            return Problem.Violation.atParameter(name, violation.getMessage());
                        }
                    }
                }
                case PROPERTY, CONTAINER_ELEMENT -> {
                    if (parameterAnnotations != null && has(parameterAnnotations, BeanParam.class) && parameterType != null) {
                        String name = beanParamName(parameterType, node.getName());
                        return Problem.Violation.atParameter(name, violation.getMessage());
                    }
                    if (node.isInIterable()) {
                        pointer.append('/').append(node.getIndex() != null ? node.getIndex() : node.getKey());
                    }
                    if (node.getName() != null && node.getKind() == ElementKind.PROPERTY) {
                        pointer.append('/').append(escape(node.getName()));
                    }
                }
                default -> {
                    // method and bean nodes add nothing to the pointer
                }
            }
        }
        return Problem.Violation.atPointer(pointer.length() == 0 ? "" : pointer.toString(), violation.getMessage());
    }

    private static String parameterName(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam q) {
                return q.value();
            }
            if (annotation instanceof PathParam p) {
                return p.value();
            }
            if (annotation instanceof HeaderParam h) {
                return h.value();
            }
        }
        return null;
    }

    private static String beanParamName(Class<?> type, String field) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(field);
                String name = parameterName(f.getAnnotations());
                return name == null ? field : name;
            } catch (NoSuchFieldException notHere) {
                // look in the superclass
            }
        }
        return field;
    }

    private static boolean has(Annotation[] annotations, Class<? extends Annotation> type) {
        for (Annotation annotation : annotations) {
            if (type.isInstance(annotation)) {
                return true;
            }
        }
        return false;
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            pointer.append('/');
            pointer.append(ref.getFieldName() != null ? escape(ref.getFieldName()) : Integer.toString(ref.getIndex()));
        }
        return pointer.toString();
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static String describe(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Double.class || type == double.class || type == java.math.BigDecimal.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        if (type == java.time.LocalDate.class) {
            return "a date (YYYY-MM-DD)";
        }
        return "an object";
    }
}
