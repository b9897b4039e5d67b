-- Notifications through an outbox: an event is written in the transaction of the change it tells of,
-- with one delivery row per recipient (a registered webhook, an e-mail address); a dispatcher sends the
-- deliveries after commit, retries with backoff, and keeps each attempt's outcome. At least once: the
-- event id travels with every delivery so that a receiver can drop a repeat.

CREATE TABLE webhook (
    id              uuid          PRIMARY KEY,
    owner_kind      varchar(20)   NOT NULL CHECK (owner_kind IN ('organization', 'district')),
    owner_id        varchar(100)  NOT NULL,
    url             varchar(2048) NOT NULL,
    secret          varchar(100)  NOT NULL,
    active          boolean       NOT NULL DEFAULT true,
    created_by      varchar(255)  NOT NULL,
    created_at      timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX webhook_owner_idx ON webhook (owner_kind, owner_id) WHERE active;

CREATE TABLE notification_event (
    id              uuid          PRIMARY KEY,
    kind            varchar(30)   NOT NULL CHECK (kind IN ('referral.sent', 'referral.accepted', 'referral.rejected',
                                                           'referral.completed', 'referral.overdue', 'consent.revoked')),
    referral_id     uuid          NOT NULL,
    organization_id uuid          NOT NULL,
    district_id     varchar(100)  NOT NULL,
    occurred_at     timestamptz   NOT NULL,
    -- One event per fact: e.g. one overdue event per referral and due date.
    dedupe_key      varchar(200)  NOT NULL UNIQUE,
    payload         jsonb         NOT NULL
);
CREATE INDEX notification_event_referral_idx ON notification_event (referral_id);

CREATE TABLE notification_delivery (
    id              uuid          PRIMARY KEY,
    event_id        uuid          NOT NULL REFERENCES notification_event (id),
    channel         varchar(10)   NOT NULL CHECK (channel IN ('webhook', 'email')),
    webhook_id      uuid          REFERENCES webhook (id),
    address         varchar(320),
    audience        varchar(20)   CHECK (audience IN ('provider', 'coordinator')),
    status          varchar(10)   NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts        integer       NOT NULL DEFAULT 0,
    next_attempt_at timestamptz   NOT NULL DEFAULT now(),
    last_attempt_at timestamptz,
    last_http_status integer,
    last_error      varchar(500),
    delivered_at    timestamptz,
    CHECK ((channel = 'webhook') = (webhook_id IS NOT NULL)),
    CHECK ((channel = 'email') = (address IS NOT NULL AND audience IS NOT NULL))
);
CREATE INDEX notification_delivery_due_idx ON notification_delivery (next_attempt_at) WHERE status = 'pending';
CREATE INDEX notification_delivery_webhook_idx ON notification_delivery (webhook_id, last_attempt_at);

-- Who is told of a referral's later events: the addresses known when it was sent.
CREATE TABLE notification_recipient (
    referral_id        uuid         PRIMARY KEY,
    provider_email     varchar(320),
    coordinator_email  varchar(320)
);
