package org.studentsupport.roster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

import java.time.Instant;
import java.util.UUID;

/** One upload of a OneRoster bundle and what became of it: an asynchronous job with progress and a report. */
@Entity
@Table(name = "roster_import")
public class RosterImport {

    public enum Status {
        queued, running, succeeded, rejected, failed
    }

    public enum Phase {
        queued, validating, writing, done
    }

    @Id
    public UUID id;

    @Column(name = "district_sourced_id", nullable = false)
    public String districtSourcedId;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "dry_run", nullable = false)
    public boolean dryRun;

    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status = Status.queued;

    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Phase phase = Phase.queued;

    @Column(name = "progress_percent", nullable = false)
    public int progressPercent;

    @Column(name = "upload_bytes", nullable = false)
    public long uploadBytes;

    @Column(name = "rows_read", nullable = false)
    public long rowsRead;

    @Column(name = "created_count", nullable = false)
    public long createdCount;

    @Column(name = "updated_count", nullable = false)
    public long updatedCount;

    @Column(name = "unchanged_count", nullable = false)
    public long unchangedCount;

    @Column(name = "deleted_count", nullable = false)
    public long deletedCount;

    /** JSON object: kind of record → {created, updated, unchanged, deleted}. */
    @Column(name = "counts_by_entity")
    public String countsByEntity;

    @Column(name = "problem_count", nullable = false)
    public int problemCount;

    public String message;

    @Version
    public long version;

    @CreationTimestamp
    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** Last time the instance holding the upload said it still holds it (queued or running). */
    @Column(name = "heartbeat_at", nullable = false)
    public Instant heartbeatAt;

    @UpdateTimestamp
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    protected RosterImport() {
    }

    public RosterImport(String districtSourcedId, String requestedBy, boolean dryRun, long uploadBytes) {
        this.id = UUID.randomUUID();
        this.districtSourcedId = districtSourcedId;
        this.requestedBy = requestedBy;
        this.dryRun = dryRun;
        this.uploadBytes = uploadBytes;
        this.heartbeatAt = Instant.now();
    }

    public boolean finished() {
        return status == Status.succeeded || status == Status.rejected || status == Status.failed;
    }
}
