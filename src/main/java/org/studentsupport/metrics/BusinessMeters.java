package org.studentsupport.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Counters of what the service did for its users, on {@code /q/metrics} beside the technical ones.
 * A change is counted when its transaction commits, so a refused or rolled-back request never
 * counts as done; a refusal is counted when it happens.
 */
@ApplicationScoped
public class BusinessMeters {

    private final MeterRegistry registry;
    private final TransactionSynchronizationRegistry transactions;

    public BusinessMeters(MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
        this.registry = registry;
        this.transactions = transactions;
    }

    /** Counts one {@code name} with these tag pairs once the current transaction commits (at once without one). */
    public void countOnCommit(String name, String... tags) {
        if (transactions.getTransactionKey() == null) {
            count(name, tags);
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    count(name, tags);
                }
            }
        });
    }

    /** Counts one {@code name} with these tag pairs now. */
    public void count(String name, String... tags) {
        registry.counter(name, tags).increment();
    }
}
