package org.studentsupport.audittrail;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready while the audit sealer is stalled: events wait longer for their seals than the sealing lag allows. */
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
                .build();
    }
}
