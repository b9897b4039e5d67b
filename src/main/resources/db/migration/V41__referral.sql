-- Referrals: one student (and optionally family members) to one directory service, with the
-- workflow of FHIR Task statuses and every transition kept.

CREATE TABLE referral (
    id                          uuid PRIMARY KEY,
    student_id                  uuid          NOT NULL REFERENCES student (id),
    -- the student's school when the referral was written: decides which coordinators see it
    school_id                   uuid          NOT NULL REFERENCES school (id),
    service_id                  uuid          NOT NULL REFERENCES dir_service (id),
    organization_id             uuid          NOT NULL REFERENCES dir_organization (id),
    status                      varchar(20)   NOT NULL CHECK (status IN ('draft', 'requested', 'accepted', 'rejected',
                                    'in-progress', 'on-hold', 'completed', 'failed', 'cancelled', 'entered-in-error')),
    purpose                     varchar(40)   NOT NULL,
    reason_codes                varchar(1100) NOT NULL CHECK (reason_codes ~ '^[a-z0-9.-]+(,[a-z0-9.-]+)*$'),
    reason_text                 varchar(2000),
    urgency                     varchar(10)   NOT NULL CHECK (urgency IN ('routine', 'soon', 'urgent')),
    shared_categories           varchar(500)  NOT NULL CHECK (shared_categories ~ '^[a-z-]+(,[a-z-]+)*$'),
    internal_notes              varchar(4000),
    shared_notes                varchar(4000),
    consent_id                  uuid REFERENCES consent (id),
    emergency                   boolean       NOT NULL DEFAULT false,
    emergency_threat            varchar(2000),
    emergency_parties_informed  varchar(1000),
    -- set when the consent relied on is revoked while the referral is open
    consent_revoked             boolean       NOT NULL DEFAULT false,
    status_reason_code          varchar(40),
    status_reason_text          varchar(2000),
    first_service_on            date,
    requested_at                timestamptz,
    accepted_at                 timestamptz,
    closed_at                   timestamptz,
    follow_up_due               date,
    rerouted_from_id            uuid REFERENCES referral (id),
    rerouted_to_id              uuid REFERENCES referral (id),
    author                      varchar(255)  NOT NULL,
    version                     bigint        NOT NULL DEFAULT 0,
    created_at                  timestamptz   NOT NULL DEFAULT now(),
    updated_at                  timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT referral_emergency_threat CHECK (NOT emergency OR (emergency_threat IS NOT NULL AND emergency_parties_informed IS NOT NULL)),
    CONSTRAINT referral_basis_before_request CHECK (status IN ('draft', 'cancelled', 'entered-in-error')
                                    OR requested_at IS NOT NULL)
);
CREATE INDEX referral_school_due_idx ON referral (school_id, follow_up_due, id);
CREATE INDEX referral_student_idx ON referral (student_id, created_at, id);
CREATE INDEX referral_organization_idx ON referral (organization_id, status, id);
CREATE INDEX referral_consent_idx ON referral (consent_id);
CREATE UNIQUE INDEX referral_rerouted_from_idx ON referral (rerouted_from_id);

CREATE TABLE referral_family_member (
    referral_id  uuid NOT NULL REFERENCES referral (id),
    contact_id   uuid NOT NULL REFERENCES family_contact (id),
    PRIMARY KEY (referral_id, contact_id)
);

CREATE TABLE referral_transition (
    id            uuid PRIMARY KEY,
    referral_id   uuid          NOT NULL REFERENCES referral (id),
    from_status   varchar(20)   NOT NULL,
    to_status     varchar(20)   NOT NULL,
    actor         varchar(255)  NOT NULL,
    actor_side    varchar(10)   NOT NULL CHECK (actor_side IN ('school', 'provider')),
    at            timestamptz   NOT NULL,
    reason_code   varchar(40),
    reason_text   varchar(2000),
    first_service_on date,
    note          varchar(2000)
);
CREATE INDEX referral_transition_referral_idx ON referral_transition (referral_id, at, id);
-- The workflow history is a record: the application adds to it and never rewrites it.
REVOKE UPDATE, DELETE, TRUNCATE ON referral_transition FROM ${app_role};

-- Idempotency keys of referral creation: a replayed form submission returns the first referral.
CREATE TABLE referral_idempotency_key (
    caller        varchar(255)  NOT NULL,
    idem_key      varchar(100)  NOT NULL,
    request_hash  varchar(64)   NOT NULL,
    referral_id   uuid          NOT NULL REFERENCES referral (id),
    expires_at    timestamptz   NOT NULL,
    PRIMARY KEY (caller, idem_key)
);
CREATE INDEX referral_idempotency_expiry_idx ON referral_idempotency_key (expires_at);
