-- The provider directory's core (Open Referral HSDS 3.0 shapes): organizations and their services,
-- plus what a referral network needs beyond HSDS: whether a service takes referrals through this
-- system, and its capacity.

CREATE TABLE dir_organization (
    id           uuid PRIMARY KEY,
    name         varchar(255)  NOT NULL,
    description  varchar(10000),
    email        varchar(320),
    website      varchar(2048),
    version      bigint        NOT NULL DEFAULT 0,
    created_at   timestamptz   NOT NULL DEFAULT now(),
    updated_at   timestamptz   NOT NULL DEFAULT now(),
    updated_by   varchar(255)
);

CREATE TABLE dir_service (
    id                      uuid PRIMARY KEY,
    organization_id         uuid          NOT NULL REFERENCES dir_organization (id),
    name                    varchar(255)  NOT NULL,
    description             varchar(10000),
    status                  varchar(20)   NOT NULL DEFAULT 'active'
                                          CHECK (status IN ('active', 'inactive', 'defunct', 'temporarily closed')),
    accepts_referrals       boolean       NOT NULL DEFAULT true,
    capacity_status         varchar(20)   NOT NULL DEFAULT 'accepting'
                                          CHECK (capacity_status IN ('accepting', 'waitlist', 'full')),
    capacity_confirmed_at   date,
    version                 bigint        NOT NULL DEFAULT 0,
    created_at              timestamptz   NOT NULL DEFAULT now(),
    updated_at              timestamptz   NOT NULL DEFAULT now(),
    updated_by              varchar(255)
);
CREATE INDEX dir_service_organization_idx ON dir_service (organization_id);
