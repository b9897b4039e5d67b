package org.studentsupport.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

import java.lang.reflect.Method;

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
}
