-- The audit trail (domain page, section 5): one row per audited request, ids only. Append-only for
-- the application: it may insert and read, never update or delete (tested by trying).
CREATE TABLE audit_event (
    id                  uuid PRIMARY KEY,
    occurred_at         timestamptz  NOT NULL,
    action              varchar(20)  NOT NULL CHECK (action IN ('read', 'create', 'update', 'transition', 'disclose',
                                                                 'export', 'login-failure', 'denied')),
    outcome             varchar(10)  NOT NULL CHECK (outcome IN ('success', 'denied', 'error')),
    actor_subject       varchar(255),
    actor_username      varchar(255),
    actor_roles         varchar(255),
    actor_client        varchar(255),
    actor_district      varchar(255),
    actor_scope         varchar(2000),
    source_address      varchar(64),
    request_id          varchar(64),
    operation           varchar(255),
    object_type         varchar(50),
    object_id           varchar(100),
    student_ids         uuid[]       NOT NULL DEFAULT '{}',
    purpose             varchar(255),
    http_status         integer      CHECK (http_status BETWEEN 100 AND 599)
);
CREATE INDEX audit_event_time_idx ON audit_event (occurred_at, id);
CREATE INDEX audit_event_actor_idx ON audit_event (actor_subject, occurred_at);
CREATE INDEX audit_event_object_idx ON audit_event (object_type, object_id);
CREATE INDEX audit_event_students_idx ON audit_event USING gin (student_ids);
CREATE INDEX audit_event_district_idx ON audit_event (actor_district, occurred_at);

-- The hash chain: the sealer gives each committed event a position and chains it to the previous one.
CREATE TABLE audit_seal (
    position    bigint       PRIMARY KEY,
    event_id    uuid         NOT NULL UNIQUE,
    chain_hash  varchar(64)  NOT NULL,
    sealed_at   timestamptz  NOT NULL DEFAULT now()
);

-- Signed checkpoints of the chain, also written to the log, so that a rewrite of the whole chain
-- by someone with database access but without the key is detected.
CREATE TABLE audit_checkpoint (
    position     bigint       PRIMARY KEY,
    chain_hash   varchar(64)  NOT NULL,
    signature    varchar(64)  NOT NULL,
    created_at   timestamptz  NOT NULL DEFAULT now()
);

REVOKE UPDATE, DELETE, TRUNCATE ON audit_event, audit_seal, audit_checkpoint FROM ${app_role};
