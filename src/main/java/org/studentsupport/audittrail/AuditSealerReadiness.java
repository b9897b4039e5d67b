package org.studentsupport.audittrail;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready only while the audit sealer's loop has stopped. Its lag (how long the oldest event waits
 * for its seal) is reported here and as the metric {@code audit_seal_lag_seconds}; a long transaction
 * can hold it up without anything being wrong with this instance.
 */
@Readiness
@ApplicationScoped
public class AuditSealerReadiness implements HealthCheck {

    private final AuditSealer sealer;

    public AuditSealerReadiness(AuditSealer sealer) {
        this.sealer = sealer;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("audit-sealer")
                .status(!sealer.stalled())
                .withData("lagSeconds", sealer.lag().toSeconds())
                .withData("lastRun", sealer.lastRun().toString())
                .withData("lastAttempt", sealer.lastAttempt().toString())
                .build();
    }
}
