package org.studentsupport.roster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.studentsupport.database.DatabaseOutage;
import org.studentsupport.database.OutageLog;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.studentsupport.roster.oneroster.Counts;
import org.studentsupport.roster.oneroster.Problem;
import org.studentsupport.domain.NotFoundException;
import org.studentsupport.domain.Page;
import org.studentsupport.domain.PageRequest;
import org.studentsupport.metrics.BusinessMeters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;

/**
 * Roster import jobs: an upload is saved to a temporary file (within the size limit), recorded as
 * a queued job and imported in the background, one import at a time; the job row tells its
 * progress, counts and problems.
 */
@ApplicationScoped
public class RosterImportService {

    private static final Logger LOG = Logger.getLogger(RosterImportService.class);
    private static final long PROGRESS_EVERY_MILLIS = 1000;

    private final RosterImporter importer;
    private final RosterImportRepository jobs;
    private final ObjectMapper json;
    private final BusinessMeters meters;
    private static final List<RosterImport.Status> UNFINISHED = List.of(RosterImport.Status.queued, RosterImport.Status.running);

    private final ImportLimits limits;
    /** Jobs whose upload this instance holds, queued or running: the ones it stamps. */
    private final Set<UUID> held = ConcurrentHashMap.newKeySet();
    private final Semaphore slots;
    private ScheduledExecutorService scheduler;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "roster-import");
        thread.setDaemon(true);
        return thread;
    });

    public RosterImportService(RosterImporter importer, RosterImportRepository jobs, ObjectMapper json, BusinessMeters meters,
                               ImportLimits limits) {
        this.limits = limits;
        this.slots = new Semaphore(limits.maxHeldUploads());
        this.importer = importer;
        this.jobs = jobs;
        this.json = json;
        this.meters = meters;
    }

    /**
     * Stamps the jobs this instance holds and fails those that lost theirs: at start (a job of this
     * instance's previous run has no holder any more once its stamp is stale) and then periodically, so
     * that a replica that died is noticed by the others. Jobs other replicas hold are left alone.
     */
    void start(@Observes StartupEvent event) {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "roster-import-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long every = limits.heartbeatSeconds();
        scheduler.scheduleWithFixedDelay(this::heartbeatQuietly, 0, every, TimeUnit.SECONDS);
    }

    private void heartbeatQuietly() {
        try {
            heartbeat();
            failStale();
        } catch (Throwable e) {
            // The next round tries again; a stopped heartbeat would let other replicas fail our jobs.
            if (DatabaseOutage.isOutage(e)) {
                OutageLog.warnOnce(LOG, "database", "The database does not answer; roster import jobs wait for it");
            } else {
                LOG.warnf("Roster import heartbeat failed: %s", e.toString());
            }
        }
    }

    /** Stamps every job this instance holds. */
    void heartbeat() {
        if (!held.isEmpty()) {
            List<UUID> ids = List.copyOf(held);
            QuarkusTransaction.requiringNew().run(() -> jobs.update(
                    "heartbeatAt = ?1 where id in ?2 and status in ?3", Instant.now(), ids, UNFINISHED));
        }
    }

    /** Fails the unfinished jobs whose holder has not stamped them for the stale limit; returns how many. */
    int failStale() {
        Instant cutoff = Instant.now().minusSeconds(limits.staleAfterSeconds());
        int stale = QuarkusTransaction.requiringNew().call(() -> jobs.update(
                "status = ?1, phase = ?2, message = ?3, finishedAt = ?4 where status in ?5 and heartbeatAt < ?6",
                RosterImport.Status.failed, RosterImport.Phase.done,
                "The service instance running this import stopped before it finished; nothing was written. Upload the bundle again.",
                Instant.now(), UNFINISHED, cutoff));
        if (stale > 0) {
            LOG.warnf("%d roster import(s) lost the instance running them and are marked failed", stale);
        }
        return stale;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /**
     * Takes one of this instance's upload slots before the upload is read; false when all are taken.
     * The slot is released when the job ends or when it could not be queued.
     */
    public boolean reserveUploadSlot() {
        return slots.tryAcquire();
    }

    public void releaseUploadSlot() {
        slots.release();
    }

    /**
     * Queues the import of an uploaded bundle in the slot reserved for it; the job owns the file and
     * the slot from here on and releases both when the import ends (or at once, when the job cannot be
     * recorded).
     */
    public RosterImport submit(Path file, String district, String requestedBy, boolean dryRun) {
        RosterImport job;
        try {
            job = create(district, requestedBy, dryRun, Files.size(file));
        } catch (IOException | RuntimeException e) {
            delete(file);
            slots.release();
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
        UUID id = job.id;
        held.add(id);
        worker.submit(() -> {
            try {
                execute(id, file);
            } finally {
                held.remove(id);
                delete(file);
                slots.release();
            }
        });
        return job;
    }

    /** Imports a bundle right away on the calling thread, through the same job records (demo data, benchmark). */
    public RosterImport runNow(Path file, String district, String requestedBy, boolean dryRun) throws IOException {
        RosterImport job = create(district, requestedBy, dryRun, Files.size(file));
        execute(job.id, file);
        return QuarkusTransaction.requiringNew().call(() -> jobs.findById(job.id));
    }

    private RosterImport create(String district, String requestedBy, boolean dryRun, long bytes) {
        return QuarkusTransaction.requiringNew().call(() -> {
            RosterImport job = new RosterImport(district, requestedBy, dryRun, bytes);
            jobs.persist(job);
            return job;
        });
    }

    private void execute(UUID id, Path file) {
        String district = QuarkusTransaction.requiringNew().call(() -> {
            RosterImport job = jobs.findById(id);
            if (job.status != RosterImport.Status.queued) {
                // Failed as stale while it waited (this instance was stuck): do not run it.
                return null;
            }
            job.status = RosterImport.Status.running;
            job.phase = RosterImport.Phase.validating;
            job.startedAt = Instant.now();
            job.heartbeatAt = job.startedAt;
            return job.districtSourcedId;
        });
        if (district == null) {
            LOG.warnf("Roster import %s was failed as stale before it started; not run", id);
            return;
        }
        boolean dryRun = QuarkusTransaction.requiringNew().call(() -> jobs.findById(id).dryRun);
        try {
            RosterImporter.Outcome outcome = importer.run(file, district, dryRun, new JobProgress(id));
            QuarkusTransaction.requiringNew().run(() -> finish(id, outcome));
        } catch (RuntimeException e) {
            LOG.errorf(e, "Roster import %s failed", id);
            QuarkusTransaction.requiringNew().run(() -> {
                RosterImport job = jobs.findById(id);
                warnIfSwept(job);
                job.status = RosterImport.Status.failed;
                job.phase = RosterImport.Phase.done;
                job.message = "The import failed on the server and wrote nothing; the server log has the details under import " + id;
                job.finishedAt = Instant.now();
                countOutcome(job);
            });
        }
    }

    private void countOutcome(RosterImport job) {
        meters.countOnCommit("roster.imports", "outcome", job.status.name(), "dry_run", Boolean.toString(job.dryRun));
    }

    /**
     * A job failed as stale while this instance still ran it (a pause longer than the stale limit):
     * the outcome about to be recorded is the truth, so it replaces the sweep's.
     */
    private static void warnIfSwept(RosterImport job) {
        if (job.status != RosterImport.Status.running) {
            LOG.warnf("Roster import %s was marked %s while it still ran; recording its real outcome", job.id, job.status);
        }
    }

    private void finish(UUID id, RosterImporter.Outcome outcome) {
        RosterImport job = jobs.findById(id);
        warnIfSwept(job);
        job.phase = RosterImport.Phase.done;
        job.finishedAt = Instant.now();
        job.rowsRead = outcome.rows();
        if (!outcome.accepted()) {
            job.status = RosterImport.Status.rejected;
            job.problemCount = outcome.problemCount();
            job.message = outcome.problemCount() + " problem(s) found; nothing was written"
                    + (outcome.problemCount() > outcome.problems().size() ? " (the first " + outcome.problems().size() + " are listed)" : "");
            int seq = 0;
            for (Problem p : outcome.problems()) {
                jobs.getEntityManager().persist(new RosterImportProblem(id, ++seq, p.file(), p.line(), p.column(), p.message()));
            }
            countOutcome(job);
            return;
        }
        job.status = RosterImport.Status.succeeded;
        job.progressPercent = 100;
        Counts totals = outcome.totals();
        job.createdCount = totals.created;
        job.updatedCount = totals.updated;
        job.unchangedCount = totals.unchanged;
        job.deletedCount = totals.deleted;
        try {
            job.countsByEntity = json.writeValueAsString(outcome.counts());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        job.message = job.dryRun ? "Dry run: the bundle is valid; nothing was written" : "Imported";
        countOutcome(job);
    }

    @Transactional
    public RosterImport get(UUID id, String district) {
        return jobs.findInDistrict(id, district).orElseThrow(() -> new NotFoundException("Roster import " + id));
    }

    @Transactional
    public Page<RosterImport> list(String district, PageRequest page) {
        return Page.of(jobs.pageInDistrict(district, page.offset(), page.size()), page, jobs.countInDistrict(district));
    }

    @Transactional
    public Page<RosterImportProblem> problems(UUID id, String district, PageRequest page) {
        get(id, district);
        return Page.of(jobs.problems(id, page.offset(), page.size()), page, jobs.countProblems(id));
    }

    @Transactional
    public List<RosterImportProblem> firstProblems(UUID id, int max) {
        return jobs.problems(id, 0, max);
    }

    public Map<String, Counts> countsOf(RosterImport job) {
        if (job.countsByEntity == null) {
            return Map.of();
        }
        try {
            return json.readValue(job.countsByEntity, json.getTypeFactory().constructMapType(java.util.LinkedHashMap.class, String.class, Counts.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Could not delete %s", file);
        }
    }

    /** Writes progress to the job row, at most once a second. */
    private final class JobProgress implements RosterImporter.Progress {
        private final UUID id;
        private long last;

        JobProgress(UUID id) {
            this.id = id;
        }

        @Override
        public void validating(int percent) {
            save(RosterImport.Phase.validating, percent / 2, -1);
        }

        @Override
        public void writing(int percent, long rowsWritten) {
            save(RosterImport.Phase.writing, 50 + percent / 2, rowsWritten);
        }

        private void save(RosterImport.Phase phase, int percent, long rows) {
            long now = System.currentTimeMillis();
            if (now - last < PROGRESS_EVERY_MILLIS) {
                return;
            }
            last = now;
            QuarkusTransaction.requiringNew().run(() -> {
                RosterImport job = jobs.findById(id);
                job.phase = phase;
                job.progressPercent = Math.min(99, percent);
                job.heartbeatAt = Instant.now();
                if (rows >= 0) {
                    job.rowsRead = rows;
                }
            });
        }
    }
}
