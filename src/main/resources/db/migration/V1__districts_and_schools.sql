-- Migrations run as the schema owner; the application connects as ${app_role} and gets only the
-- rights granted here (later migrations narrow them where a table must stay append-only).
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app_role};

CREATE TABLE district (
    id          uuid PRIMARY KEY,
    sourced_id  varchar(255) NOT NULL UNIQUE,
    name        varchar(255) NOT NULL,
    version     bigint       NOT NULL DEFAULT 0,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE school (
    id           uuid PRIMARY KEY,
    sourced_id   varchar(255) NOT NULL UNIQUE,
    district_id  uuid         NOT NULL REFERENCES district (id),
    name         varchar(255) NOT NULL,
    identifier   varchar(255),
    street       varchar(255),
    city         varchar(100),
    region       varchar(100),
    postal_code  varchar(20),
    country      varchar(2),
    latitude     double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude    double precision CHECK (longitude BETWEEN -180 AND 180),
    version      bigint       NOT NULL DEFAULT 0,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    updated_at   timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT school_coordinates_together CHECK ((latitude IS NULL) = (longitude IS NULL))
);

CREATE INDEX school_district_idx ON school (district_id, name, id);
