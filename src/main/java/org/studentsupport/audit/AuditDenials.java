package org.studentsupport.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Audits the refusals that happen before an audited method runs: a missing or invalid token (401;
 * with a token present it is a failed sign-in) and a role that may not call the operation (403).
 * Refusals return no data, so their events are written off the request thread.
 */
@ApplicationScoped
public class AuditDenials {

    private static final Logger LOG = Logger.getLogger(AuditDenials.class);

    private final AuditWriter writer;
    private final AuditSwitch auditSwitch;
    private final ManagedExecutor executor;

    private final AuditTrail trail;

    public AuditDenials(AuditWriter writer, AuditSwitch auditSwitch, ManagedExecutor executor, AuditTrail trail) {
        this.writer = writer;
        this.auditSwitch = auditSwitch;
        this.executor = executor;
        this.trail = trail;
    }

    @ServerResponseFilter
    public void recordRefusal(ContainerRequestContext request, ContainerResponseContext response, SimpleResourceInfo resource) {
        int status = response.getStatus();
        if (!auditSwitch.isOn() || (status != 401 && status != 403)) {
            return;
        }
        Method method = method(resource);
        Audited audited = audited(method, resource);
        boolean tokenSent = request.getHeaderString(HttpHeaders.AUTHORIZATION) != null;
        AuditAction action;
        if (status == 401 && tokenSent) {
            action = AuditAction.LOGIN_FAILURE;
        } else if (audited != null) {
            action = audited.action();
        } else {
            return;
        }
        String operation = resource == null ? request.getUriInfo().getPath()
                : resource.getResourceClass().getSimpleName() + "." + resource.getMethodName();
        RefusedRequest.describe(request.getUriInfo(), method, audited, trail);
        AuditEvent event = writer.describe(action, "denied", operation, status);
        executor.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> writer.persist(event)))
                .exceptionally(failure -> {
                    LOG.error("Could not write the audit event of a refused request", failure);
                    return null;
                });
    }

    private static Method method(SimpleResourceInfo resource) {
        if (resource == null) {
            return null;
        }
        for (Method method : resource.getResourceClass().getMethods()) {
            if (method.getName().equals(resource.getMethodName())
                    && java.util.Arrays.equals(method.getParameterTypes(), resource.parameterTypes())) {
                return method;
            }
        }
        return null;
    }

    private static Audited audited(Method method, SimpleResourceInfo resource) {
        if (method == null) {
            return null;
        }
        Audited audited = method.getAnnotation(Audited.class);
        return audited != null ? audited : resource.getResourceClass().getAnnotation(Audited.class);
    }

    /**
     * What a request refused before its method ran (401, 403) is about, read from its URL: the object and
     * student the {@link Audited} annotation names (through the parameters' {@code @PathParam} or
     * {@code @QueryParam}), else a {@code studentId} path or query parameter, else {@code /students/{id}}
     * in the path. So a refusal shows in the access report of the student it named.
     */
    static final class RefusedRequest {

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
}
