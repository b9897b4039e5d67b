package org.studentsupport.audittrail;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.studentsupport.audit.AuditEvent;
import org.studentsupport.audit.AuditSettings;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Chains committed audit events: each unsealed event gets the next position and the hash of the
 * previous chain hash with its own content, and each run ends with a signed checkpoint that is also
 * logged (published). Runs every few seconds, and on demand before a verification. Several
 * instances of the service may run: an advisory lock lets one seal at a time.
 */
@ApplicationScoped
public class AuditSealer {

    private static final Logger LOG = Logger.getLogger(AuditSealer.class);
    private static final long LOCK_KEY = 0x5eA1_0001L;

    private final EntityManager em;
    private final AuditSettings settings;
    private ScheduledExecutorService scheduler;

    public AuditSealer(EntityManager em, AuditSettings settings) {
        this.em = em;
        this.settings = settings;
    }

    void start(@Observes StartupEvent event) {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "audit-sealer"));
        long every = settings.sealInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::sealQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    private void sealQuietly() {
        try {
            sealPending();
        } catch (RuntimeException e) {
            LOG.warn("Sealing the audit trail failed; it is retried at the next run", e);
        }
    }

    /** Seals every committed event not sealed yet; returns how many it sealed. */
    public int sealPending() {
        int total = 0;
        int sealed;
        do {
            sealed = QuarkusTransaction.requiringNew().call(this::sealBatch);
            total += sealed;
        } while (sealed == settings.sealBatch());
        return total;
    }

    private int sealBatch() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, LOCK_KEY).getSingleResult();
        Object[] head = (Object[]) em.createNativeQuery(
                        "SELECT COALESCE(MAX(position), 0), COALESCE((SELECT chain_hash FROM audit_seal ORDER BY position DESC LIMIT 1), ?1) FROM audit_seal")
                .setParameter(1, AuditChain.GENESIS).getSingleResult();
        long position = ((Number) head[0]).longValue();
        String chain = (String) head[1];
        @SuppressWarnings("unchecked")
        // Only events newer than the last sealed one, less a margin longer than any transaction, can be unsealed.
        List<UUID> pending = em.createNativeQuery(
                        "SELECT e.id FROM audit_event e WHERE e.occurred_at >= COALESCE((SELECT le.occurred_at FROM audit_seal ls"
                                + " JOIN audit_event le ON le.id = ls.event_id ORDER BY ls.position DESC LIMIT 1), '-infinity'::timestamptz)"
                                + " - interval '10 minutes'"
                                + " AND NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.event_id = e.id)"
                                + " ORDER BY e.occurred_at, e.id LIMIT ?1", UUID.class)
                .setParameter(1, settings.sealBatch()).getResultList();
        if (pending.isEmpty()) {
            return 0;
        }
        List<AuditEvent> events = em.createQuery("from AuditEvent where id in :ids order by occurredAt, id", AuditEvent.class)
                .setParameter("ids", pending).getResultList();
        long[] positions = new long[events.size()];
        String[] chains = new String[events.size()];
        for (int i = 0; i < events.size(); i++) {
            position++;
            chain = AuditChain.next(chain, position, AuditChain.canonical(events.get(i)));
            positions[i] = position;
            chains[i] = chain;
        }
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO audit_seal (position, event_id, chain_hash) VALUES (?, ?, ?)")) {
                for (int i = 0; i < positions.length; i++) {
                    insert.setLong(1, positions[i]);
                    insert.setObject(2, events.get(i).id);
                    insert.setString(3, chains[i]);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        String signature = AuditChain.sign(settings.checkpointKey(), position, chain);
        em.createNativeQuery("INSERT INTO audit_checkpoint (position, chain_hash, signature) VALUES (?1, ?2, ?3)")
                .setParameter(1, position).setParameter(2, chain).setParameter(3, signature).executeUpdate();
        LOG.infof("Audit checkpoint: position %d, chain hash %s", position, chain);
        em.clear();
        return events.size();
    }
}
