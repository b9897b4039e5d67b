-- A verification of more of the audit trail than one request may take (the whole chain of a district runs
-- past a minute) is a job: asked for, then run by whichever instance claims it first. A claimed job carries
-- a lease that its instance renews while it runs; a job whose lease ran out lost its instance (kill, crash,
-- node loss) and is claimed again and run from the start, so an accepted request is never dropped.
CREATE TABLE audit_verification (
    id                     uuid PRIMARY KEY,
    requested_at           timestamptz NOT NULL DEFAULT now(),
    requested_by           varchar(255) NOT NULL,
    from_position          bigint,
    to_position            bigint,
    published_position     bigint,
    published_chain_hash   char(64),
    published_signature    char(64),
    state                  varchar(16) NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
    attempts               integer NOT NULL DEFAULT 0,
    started_at             timestamptz,
    finished_at            timestamptz,
    lease_until            timestamptz,
    intact                 boolean,
    checked_events         bigint,
    first_position         bigint,
    last_position          bigint,
    checkpoints_checked    integer,
    failure_position       bigint,
    failure_event_id       uuid,
    failure_reason         varchar(200),
    error                  varchar(500),
    CHECK ((published_position IS NULL) = (published_chain_hash IS NULL)
        AND (published_position IS NULL) = (published_signature IS NULL)),
    CHECK (state <> 'done' OR (intact IS NOT NULL AND checked_events IS NOT NULL))
);

CREATE INDEX audit_verification_requested ON audit_verification (requested_at DESC, id DESC);
CREATE INDEX audit_verification_unfinished ON audit_verification (requested_at) WHERE state IN ('queued', 'running');
