package org.studentsupport.audit;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whether auditing is on. It always is, from {@code studentsupport.audit.enabled}; only the
 * audit-cost benchmark turns it off for a while, to measure the same reads without it in one run.
 */
@ApplicationScoped
public class AuditSwitch {

    private volatile boolean on;

    public AuditSwitch(AuditSettings settings) {
        this.on = settings.enabled();
    }

    public boolean isOn() {
        return on;
    }

    /** For the benchmark only: nothing in the service calls this. */
    public void set(boolean on) {
        this.on = on;
    }
}
