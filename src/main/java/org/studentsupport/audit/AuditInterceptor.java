package org.studentsupport.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import org.jboss.logging.Logger;
import org.studentsupport.database.DatabaseOutage;
import org.studentsupport.database.OutageLog;
import org.studentsupport.security.CallerScope;
import org.studentsupport.web.ProblemKind;

/**
 * Audits every call of an {@link Audited} method. The method runs in a transaction that also
 * inserts its audit event, so a change is never committed, nor a read served, without its event;
 * when the method fails, the event (denied or error) is written in a transaction of its own.
 */
@Audited
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class AuditInterceptor {

    private static final Logger LOG = Logger.getLogger(AuditInterceptor.class);

    private final AuditWriter writer;
    private final AuditSwitch auditSwitch;
    private final CallerScope caller;
    private final AuditTrail trail;

    public AuditInterceptor(AuditWriter writer, AuditSwitch auditSwitch, CallerScope caller, AuditTrail trail) {
        this.writer = writer;
        this.auditSwitch = auditSwitch;
        this.caller = caller;
        this.trail = trail;
    }

    @AroundInvoke
    Object audit(InvocationContext ctx) throws Exception {
        if (!auditSwitch.isOn()) {
            return ctx.proceed();
        }
        Audited audited = binding(ctx);
        String operation = ctx.getMethod().getDeclaringClass().getSimpleName() + "." + ctx.getMethod().getName();
        AuditedCall.describe(audited, ctx.getMethod(), ctx.getParameters(), trail);
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Object result = ctx.proceed();
                writer.write(audited.action(), "success", operation, null);
                return result;
            });
        } catch (Exception failure) {
            ProblemKind kind = ProblemKind.ofFailure(failure);
            boolean denied = caller.wasDenied() && kind == ProblemKind.NOT_FOUND;
            Integer status = kind == null ? null : kind.status();
            try {
                QuarkusTransaction.requiringNew().run(() ->
                        writer.write(audited.action(), denied ? "denied" : "error", operation, status));
            } catch (RuntimeException auditFailure) {
                if (DatabaseOutage.isOutage(auditFailure)) {
                    // The request failed for the same reason (503): the outage is logged once, not per request.
                    OutageLog.warnOnce(LOG, "database", "The database does not answer; the audit events of the requests it fails are not written");
                } else {
                    LOG.error("Could not write the audit event of a failed request", auditFailure);
                }
                failure.addSuppressed(auditFailure);
            }
            throw failure;
        }
    }

    private static Audited binding(InvocationContext ctx) {
        Audited audited = ctx.getMethod().getAnnotation(Audited.class);
        return audited != null ? audited : ctx.getMethod().getDeclaringClass().getAnnotation(Audited.class);
    }
}
