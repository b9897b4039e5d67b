package org.studentsupport.audittrail;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.studentsupport.database.DatabaseOutage;
import org.studentsupport.database.OutageLog;
import org.studentsupport.domain.Page;
import org.studentsupport.domain.PageRequest;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifications that run as jobs: queued by a request, claimed by one instance with a lease that it
 * renews while the verification runs, and stored with their result. A job whose lease ran out lost its
 * instance and is claimed again and run from the start; one that failed for a reason other than an
 * unavailable database is stored as failed with that reason.
 */
@ApplicationScoped
public class AuditVerifications {

    private static final Logger LOG = Logger.getLogger(AuditVerifications.class);

    /** How long a claim holds without being renewed; renewed every third of it while the job runs. */
    static final Duration LEASE = Duration.ofSeconds(60);

    public enum State {
        QUEUED, RUNNING, DONE, FAILED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static State of(String code) {
            return valueOf(code.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** A verification job as stored; {@code result} once done, {@code error} once failed. */
    public record Job(UUID id, Instant requestedAt, String requestedBy, Long fromPosition, Long toPosition,
                      PublishedCheckpoint published, State state, int attempts, Instant startedAt, Instant finishedAt,
                      AuditVerifier.Result result, String error) {
    }

    private static final String COLUMNS = "id, requested_at, requested_by, from_position, to_position, published_position,"
            + " published_chain_hash, published_signature, state, attempts, started_at, finished_at, intact, checked_events,"
            + " first_position, last_position, checkpoints_checked, failure_position, failure_event_id, failure_reason, error";

    private final EntityManager em;
    private final AuditService service;
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    public AuditVerifications(EntityManager em, AuditService service) {
        this.em = em;
        this.service = service;
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Transactional
    public Job queue(String requestedBy, Long from, Long to, PublishedCheckpoint published) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("INSERT INTO audit_verification (id, requested_by, from_position, to_position, published_position,"
                        + " published_chain_hash, published_signature, state) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'queued')")
                .setParameter(1, id).setParameter(2, requestedBy)
                .setParameter(3, from).setParameter(4, to)
                .setParameter(5, published == null ? null : published.position())
                .setParameter(6, published == null ? null : published.chainHash())
                .setParameter(7, published == null ? null : published.signature())
                .executeUpdate();
        return find(id).orElseThrow();
    }

    @Transactional
    public Optional<Job> find(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM audit_verification WHERE id = ?1")
                .setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(AuditVerifications::job);
    }

    @Transactional
    public Page<Job> list(PageRequest page) {
        long total = ((Number) em.createNativeQuery("SELECT count(*) FROM audit_verification").getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT " + COLUMNS + " FROM audit_verification"
                        + " ORDER BY requested_at DESC, id DESC")
                .setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return Page.of(rows.stream().map(AuditVerifications::job).toList(), page, total);
    }

    @Scheduled(every = "${studentsupport.audit.verification-poll-every:2s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void runQueued() {
        try {
            while (!stopping && runNext()) {
                // one job after the other, while there are any
            }
        } catch (Throwable e) {
            if (DatabaseOutage.isOutage(e)) {
                OutageLog.warnOnce(LOG, "database", "The database does not answer; queued audit verifications wait for it");
            } else {
                LOG.error("Claiming an audit verification failed; tried again at the next run", e);
            }
        }
    }

    @Scheduled(every = "20s", delayed = "20s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void renewLeases() {
        if (running.isEmpty()) {
            return;
        }
        try {
            renew(List.copyOf(running));
        } catch (Throwable e) {
            // The next round tries again; a lease that runs out only makes another instance repeat the job.
            LOG.warnf("Renewing the lease of a running audit verification failed: %s", e.toString());
        }
    }

    /** Claims the oldest job that is queued or lost its instance, runs it and stores what came of it; false when there was none. */
    boolean runNext() {
        Optional<Job> claimed = claim();
        if (claimed.isEmpty()) {
            return false;
        }
        Job job = claimed.get();
        running.add(job.id());
        try {
            AuditVerifier.Result result = service.verify(job.fromPosition(), job.toPosition(), job.published());
            done(job.id(), result);
            LOG.infof("Audit verification %s: intact=%s, %d events checked", job.id(), result.intact(), result.checkedEvents());
        } catch (RuntimeException e) {
            if (DatabaseOutage.isOutage(e)) {
                // Left running: its lease runs out and it is claimed again once the database answers.
                throw e;
            }
            LOG.errorf(e, "Audit verification %s could not run", job.id());
            failed(job.id(), e instanceof org.studentsupport.domain.InvalidInputException
                    ? "the range no longer lies inside the chain" : "the verification could not run: " + e.getClass().getSimpleName());
        } finally {
            running.remove(job.id());
        }
        return true;
    }

    @Transactional
    Optional<Job> claim() {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("UPDATE audit_verification SET state = 'running', attempts = attempts + 1,"
                        + " started_at = now(), lease_until = now() + CAST(?1 AS interval)"
                        + " WHERE id = (SELECT id FROM audit_verification WHERE state = 'queued'"
                        + " OR (state = 'running' AND lease_until < now()) ORDER BY requested_at LIMIT 1 FOR UPDATE SKIP LOCKED)"
                        + " RETURNING id")
                .setParameter(1, LEASE.toSeconds() + " seconds").getResultList();
        return ids.stream().findFirst().map(id -> (UUID) id).flatMap(this::find);
    }

    @Transactional
    void renew(List<UUID> ids) {
        em.createNativeQuery("UPDATE audit_verification SET lease_until = now() + CAST(?1 AS interval)"
                        + " WHERE id = ANY(CAST(?2 AS uuid[])) AND state = 'running'")
                .setParameter(1, LEASE.toSeconds() + " seconds")
                .setParameter(2, ids.stream().map(UUID::toString).toArray(String[]::new))
                .executeUpdate();
    }

    @Transactional
    void done(UUID id, AuditVerifier.Result result) {
        AuditVerifier.Failure failure = result.firstFailure();
        em.createNativeQuery("UPDATE audit_verification SET state = 'done', finished_at = now(), lease_until = NULL,"
                        + " intact = ?2, checked_events = ?3, first_position = ?4, last_position = ?5, checkpoints_checked = ?6,"
                        + " failure_position = ?7, failure_event_id = ?8, failure_reason = ?9 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, result.intact()).setParameter(3, result.checkedEvents())
                .setParameter(4, result.firstPosition()).setParameter(5, result.lastPosition())
                .setParameter(6, result.checkpointsChecked())
                .setParameter(7, failure == null ? null : failure.position())
                .setParameter(8, failure == null ? null : failure.eventId())
                .setParameter(9, failure == null ? null : failure.reason())
                .executeUpdate();
    }

    @Transactional
    void failed(UUID id, String error) {
        em.createNativeQuery("UPDATE audit_verification SET state = 'failed', finished_at = now(), lease_until = NULL, error = ?2"
                        + " WHERE id = ?1")
                .setParameter(1, id).setParameter(2, error).executeUpdate();
    }

    private static Job job(Object[] r) {
        PublishedCheckpoint published = r[5] == null ? null
                : new PublishedCheckpoint(((Number) r[5]).longValue(), ((String) r[6]).trim(), ((String) r[7]).trim());
        State state = State.of((String) r[8]);
        AuditVerifier.Result result = null;
        if (state == State.DONE) {
            AuditVerifier.Failure failure = r[17] == null ? null
                    : new AuditVerifier.Failure(((Number) r[17]).longValue(), (UUID) r[18], (String) r[19]);
            result = new AuditVerifier.Result((Boolean) r[12], ((Number) r[13]).longValue(), ((Number) r[14]).longValue(),
                    ((Number) r[15]).longValue(), ((Number) r[16]).intValue(), published == null ? null : published.position(), failure);
        }
        return new Job((UUID) r[0], instant(r[1]), (String) r[2], r[3] == null ? null : ((Number) r[3]).longValue(),
                r[4] == null ? null : ((Number) r[4]).longValue(), published, state, ((Number) r[9]).intValue(),
                instant(r[10]), instant(r[11]), result, (String) r[20]);
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Instant i ? i : ((OffsetDateTime) value).toInstant();
    }
}
