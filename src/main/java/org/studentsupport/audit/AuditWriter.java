package org.studentsupport.audit;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.MDC;
import org.studentsupport.security.CallerScope;
import org.studentsupport.web.RequestIds;

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

    /**
     * Inserts the event with one statement on the transaction's connection (no entity bookkeeping on the hot path).
     * The database sets its time and sealing order, and the district and school of its students.
     */
    public AuditEvent persist(AuditEvent event) {
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setObject(1, event.id);
                insert.setString(2, event.subjectDistrict);
                insert.setString(3, event.action);
                insert.setString(4, event.outcome);
                insert.setString(5, event.actorSubject);
                insert.setString(6, event.actorUsername);
                insert.setString(7, event.actorRoles);
                insert.setString(8, event.actorClient);
                insert.setString(9, event.actorDistrict);
                insert.setString(10, event.actorScope);
                insert.setString(11, event.sourceAddress);
                insert.setString(12, event.requestId);
                insert.setString(13, event.operation);
                insert.setString(14, event.objectType);
                insert.setString(15, event.objectId);
                insert.setArray(16, connection.createArrayOf("uuid", event.studentIds));
                insert.setString(17, event.purpose);
                insert.setObject(18, event.httpStatus, java.sql.Types.INTEGER);
                insert.setString(19, event.subjectSchool);
                insert.executeUpdate();
            }
        });
        return event;
    }

    private static final String INSERT = "INSERT INTO audit_event (id, subject_district, action, outcome, actor_subject,"
            + " actor_username, actor_roles, actor_client, actor_district, actor_scope, source_address, request_id, operation,"
            + " object_type, object_id, student_ids, purpose, http_status, subject_school)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** The event of the current request, from what the request knows; nothing is written yet. */
    public AuditEvent describe(AuditAction action, String outcome, String operation, Integer httpStatus) {
        AuditEvent event = new AuditEvent();
        event.id = UUID.randomUUID();
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
        event.subjectDistrict = trail.district();
        event.subjectSchool = trail.district() == null ? null : trail.school();
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
