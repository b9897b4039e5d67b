package org.studentsupport.audit;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.MDC;
import org.studentsupport.security.CallerScope;
import org.studentsupport.web.RequestIds;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Writes one audit event for the current request, in the current transaction. */
@ApplicationScoped
public class AuditWriter {

    private final EntityManager em;
    private final CallerScope caller;
    private final AuditTrail trail;
    private final CurrentVertxRequest request;

    public AuditWriter(EntityManager em, CallerScope caller, AuditTrail trail, CurrentVertxRequest request) {
        this.em = em;
        this.caller = caller;
        this.trail = trail;
        this.request = request;
    }

    /** Writes the event of the current request in the current transaction. */
    public AuditEvent write(AuditAction action, String outcome, String operation, Integer httpStatus) {
        return persist(describe(action, outcome, operation, httpStatus));
    }

    public AuditEvent persist(AuditEvent event) {
        em.persist(event);
        em.flush();
        return event;
    }

    /** The event of the current request, from what the request knows; nothing is written yet. */
    public AuditEvent describe(AuditAction action, String outcome, String operation, Integer httpStatus) {
        AuditEvent event = new AuditEvent();
        event.id = UUID.randomUUID();
        event.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        event.action = action.code();
        event.outcome = outcome;
        try {
            if (!caller.isAnonymous()) {
                event.actorSubject = caller.subject();
                event.actorUsername = caller.username();
                event.actorRoles = String.join(",", caller.applicationRoles());
                event.actorClient = caller.client();
                event.actorDistrict = caller.districtId().orElse(null);
                event.actorScope = scopeOf(caller);
            }
        } catch (RuntimeException unauthenticated) {
            // The token was refused: the actor is unknown, which the event records as such.
        }
        RoutingContext ctx = request.getCurrent();
        if (ctx != null && ctx.request().remoteAddress() != null) {
            event.sourceAddress = ctx.request().remoteAddress().hostAddress();
        }
        Object requestId = MDC.get(RequestIds.MDC_KEY);
        event.requestId = requestId == null ? null : requestId.toString();
        event.operation = operation;
        event.objectType = trail.objectType();
        event.objectId = trail.objectId();
        event.studentIds = trail.studentIds().stream().sorted().toArray(UUID[]::new);
        event.purpose = trail.purpose();
        event.httpStatus = httpStatus;
        return event;
    }

    private static String scopeOf(CallerScope caller) {
        if (caller.isDistrictWide()) {
            return "district:" + caller.districtId().orElse("");
        }
        if (caller.isCoordinator()) {
            return "schools:" + String.join(",", new java.util.TreeSet<>(caller.schoolIds()));
        }
        if (caller.isProvider()) {
            return caller.organizationId().map(id -> "organization:" + id).orElse("organization:");
        }
        return null;
    }
}
