package org.studentsupport.audit;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.UriInfo;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a request refused before its method ran (401, 403) is about, read from its URL: the object and
 * student the {@link Audited} annotation names (through the parameters' {@code @PathParam} or
 * {@code @QueryParam}), else a {@code studentId} path or query parameter, else {@code /students/{id}}
 * in the path. So a refusal shows in the access report of the student it named.
 */
final class RefusedRequest {

    private static final Pattern STUDENT_PATH = Pattern.compile(
            "/students/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})(?:/|$)");

    private RefusedRequest() {
    }

    static void describe(UriInfo uri, Method method, Audited audited, AuditTrail trail) {
        if (audited != null && !audited.object().isEmpty()) {
            // Only what fits the record: the URL is the caller's, not validated yet.
            trail.object(audited.object(), parameter(uri, method, audited.id()).filter(id -> id.length() <= 100).orElse(null));
        }
        Optional<String> named = audited == null ? Optional.empty() : parameter(uri, method, audited.student());
        named.or(() -> Optional.ofNullable(uri.getPathParameters().getFirst("studentId")))
                .or(() -> Optional.ofNullable(uri.getQueryParameters().getFirst("studentId")))
                .or(() -> studentInPath(uri.getPath()))
                .flatMap(RefusedRequest::uuid)
                .ifPresent(trail::student);
    }

    /** The URL's value of the method parameter with this name, through its {@code @PathParam} or {@code @QueryParam}. */
    private static Optional<String> parameter(UriInfo uri, Method method, String name) {
        if (method == null || name.isEmpty()) {
            return Optional.empty();
        }
        for (Parameter parameter : method.getParameters()) {
            if (!parameter.getName().equals(name)) {
                continue;
            }
            PathParam path = parameter.getAnnotation(PathParam.class);
            if (path != null) {
                return Optional.ofNullable(uri.getPathParameters().getFirst(path.value()));
            }
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                return Optional.ofNullable(uri.getQueryParameters().getFirst(query.value()));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> studentInPath(String path) {
        Matcher m = STUDENT_PATH.matcher(path);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
