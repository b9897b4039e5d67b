-- The rest of the provider directory in Open Referral HSDS 3.0 shapes, one table per HSDS table.
-- Each table keeps as columns what the service searches, checks or edits, and every other HSDS
-- field in `extra` (jsonb, exactly as published), so that an imported record comes back without loss.
-- References HSDS needs for structure are foreign keys; optional cross-links that HSDS publishers
-- often leave pointing nowhere (the HSDS example data does) are kept as plain values.

ALTER TABLE dir_organization
    ADD COLUMN alternate_name          varchar(255),
    ADD COLUMN parent_organization_id  uuid,
    ADD COLUMN extra                   jsonb NOT NULL DEFAULT '{}';

ALTER TABLE dir_service
    ADD COLUMN alternate_name           varchar(255),
    ADD COLUMN program_id               uuid,
    ADD COLUMN eligibility_description  varchar(10000),
    ADD COLUMN minimum_age              numeric(5, 1) CHECK (minimum_age >= 0 AND minimum_age <= 150),
    ADD COLUMN maximum_age              numeric(5, 1) CHECK (maximum_age >= 0 AND maximum_age <= 150),
    ADD COLUMN extra                    jsonb NOT NULL DEFAULT '{}',
    ADD COLUMN search_vector            tsvector,
    ADD CONSTRAINT dir_service_age_range CHECK (minimum_age IS NULL OR maximum_age IS NULL OR minimum_age <= maximum_age);

CREATE TABLE dir_program (
    id               uuid PRIMARY KEY,
    organization_id  uuid REFERENCES dir_organization (id),
    extra            jsonb NOT NULL DEFAULT '{}'
);

CREATE TABLE dir_location (
    id               uuid PRIMARY KEY,
    organization_id  uuid,
    location_type    varchar(20)  NOT NULL DEFAULT 'physical' CHECK (location_type IN ('physical', 'postal', 'virtual')),
    name             varchar(255),
    description      varchar(10000),
    latitude         double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude        double precision CHECK (longitude BETWEEN -180 AND 180),
    extra            jsonb        NOT NULL DEFAULT '{}',
    version          bigint       NOT NULL DEFAULT 0,
    created_at       timestamptz  NOT NULL DEFAULT now(),
    updated_at       timestamptz  NOT NULL DEFAULT now(),
    updated_by       varchar(255),
    CHECK ((latitude IS NULL) = (longitude IS NULL))
);
CREATE INDEX dir_location_organization_idx ON dir_location (organization_id);
-- Distance search narrows to a bounding box first; these make that a range scan.
CREATE INDEX dir_location_latitude_idx ON dir_location (latitude, longitude);
CREATE INDEX dir_location_longitude_idx ON dir_location (longitude);

CREATE TABLE dir_service_at_location (
    id           uuid PRIMARY KEY,
    service_id   uuid NOT NULL REFERENCES dir_service (id),
    location_id  uuid NOT NULL REFERENCES dir_location (id),
    extra        jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX dir_sal_service_idx ON dir_service_at_location (service_id);
CREATE INDEX dir_sal_location_idx ON dir_service_at_location (location_id);

CREATE TABLE dir_address (
    id           uuid PRIMARY KEY,
    location_id  uuid REFERENCES dir_location (id),
    postal_code  varchar(50),
    extra        jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX dir_address_location_idx ON dir_address (location_id);
CREATE INDEX dir_address_postal_code_idx ON dir_address (postal_code);

CREATE TABLE dir_contact (
    id                      uuid PRIMARY KEY,
    organization_id         uuid,
    service_id              uuid,
    service_at_location_id  uuid,
    location_id             uuid,
    extra                   jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX dir_contact_organization_idx ON dir_contact (organization_id);
CREATE INDEX dir_contact_service_idx ON dir_contact (service_id);
CREATE INDEX dir_contact_sal_idx ON dir_contact (service_at_location_id);
CREATE INDEX dir_contact_location_idx ON dir_contact (location_id);

CREATE TABLE dir_phone (
    id                      uuid PRIMARY KEY,
    location_id             uuid REFERENCES dir_location (id),
    service_id              uuid REFERENCES dir_service (id),
    organization_id         uuid REFERENCES dir_organization (id),
    contact_id              uuid,
    service_at_location_id  uuid REFERENCES dir_service_at_location (id),
    extra                   jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX dir_phone_location_idx ON dir_phone (location_id);
CREATE INDEX dir_phone_service_idx ON dir_phone (service_id);
CREATE INDEX dir_phone_organization_idx ON dir_phone (organization_id);
CREATE INDEX dir_phone_contact_idx ON dir_phone (contact_id);
CREATE INDEX dir_phone_sal_idx ON dir_phone (service_at_location_id);

CREATE TABLE dir_schedule (
    id                      uuid PRIMARY KEY,
    service_id              uuid REFERENCES dir_service (id),
    location_id             uuid REFERENCES dir_location (id),
    service_at_location_id  uuid REFERENCES dir_service_at_location (id),
    byday                   varchar(100),
    extra                   jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX dir_schedule_service_idx ON dir_schedule (service_id);
CREATE INDEX dir_schedule_location_idx ON dir_schedule (location_id);
CREATE INDEX dir_schedule_sal_idx ON dir_schedule (service_at_location_id);

CREATE TABLE dir_language (
    id           uuid PRIMARY KEY,
    service_id   uuid REFERENCES dir_service (id),
    location_id  uuid REFERENCES dir_location (id),
    phone_id     uuid REFERENCES dir_phone (id),
    code         varchar(50),
    extra        jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX dir_language_service_idx ON dir_language (service_id, code);
CREATE INDEX dir_language_location_idx ON dir_language (location_id);
CREATE INDEX dir_language_phone_idx ON dir_language (phone_id);

CREATE TABLE dir_service_area (
    id          uuid PRIMARY KEY,
    service_id  uuid REFERENCES dir_service (id),
    extra       jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX dir_service_area_service_idx ON dir_service_area (service_id);

CREATE TABLE dir_cost_option (
    id          uuid PRIMARY KEY,
    service_id  uuid REFERENCES dir_service (id),
    amount      numeric(12, 2),
    extra       jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX dir_cost_option_service_idx ON dir_cost_option (service_id);

CREATE TABLE dir_funding (
    id               uuid PRIMARY KEY,
    organization_id  uuid REFERENCES dir_organization (id),
    service_id       uuid REFERENCES dir_service (id),
    extra            jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX dir_funding_organization_idx ON dir_funding (organization_id);
CREATE INDEX dir_funding_service_idx ON dir_funding (service_id);

CREATE TABLE dir_accessibility (
    id           uuid PRIMARY KEY,
    location_id  uuid REFERENCES dir_location (id),
    extra        jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX dir_accessibility_location_idx ON dir_accessibility (location_id);

CREATE TABLE dir_required_document (
    id          uuid PRIMARY KEY,
    service_id  uuid REFERENCES dir_service (id),
    extra       jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX dir_required_document_service_idx ON dir_required_document (service_id);

CREATE TABLE dir_organization_identifier (
    id               uuid PRIMARY KEY,
    organization_id  uuid REFERENCES dir_organization (id),
    extra            jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX dir_org_identifier_organization_idx ON dir_organization_identifier (organization_id);

CREATE TABLE dir_taxonomy (
    id     uuid PRIMARY KEY,
    name   varchar(255) NOT NULL,
    extra  jsonb NOT NULL DEFAULT '{}'
);

CREATE TABLE dir_taxonomy_term (
    id           uuid PRIMARY KEY,
    taxonomy_id  uuid,
    parent_id    uuid,
    code         varchar(100),
    name         varchar(255) NOT NULL,
    extra        jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX dir_taxonomy_term_taxonomy_idx ON dir_taxonomy_term (taxonomy_id);
CREATE INDEX dir_taxonomy_term_code_idx ON dir_taxonomy_term (code);

-- HSDS attributes link a taxonomy term to a record (link_id); for services, these are the service's terms.
CREATE TABLE dir_attribute (
    id                uuid PRIMARY KEY,
    link_id           uuid,
    taxonomy_term_id  uuid REFERENCES dir_taxonomy_term (id),
    extra             jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX dir_attribute_link_idx ON dir_attribute (link_id, taxonomy_term_id);
CREATE INDEX dir_attribute_term_idx ON dir_attribute (taxonomy_term_id, link_id);

-- HSDS metadata: who changed which field of which record, and when. Imported metadata lands here as
-- published; every change made through this service adds a row (the change log).
CREATE TABLE dir_metadata (
    id                 uuid PRIMARY KEY,
    resource_id        uuid,
    resource_type      varchar(50),
    last_action_date   varchar(35),
    last_action_type   varchar(50),
    field_name         varchar(100),
    previous_value     varchar(10000),
    replacement_value  varchar(10000),
    updated_by         varchar(255),
    changed_at         timestamptz NOT NULL DEFAULT now(),
    extra              jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX dir_metadata_resource_idx ON dir_metadata (resource_id, changed_at);

CREATE TABLE dir_meta_table_description (
    id     uuid PRIMARY KEY,
    extra  jsonb NOT NULL DEFAULT '{}'
);

-- Referral search: one weighted text vector per service over its names (A), taxonomy terms (B),
-- description and organization name (C), refreshed by the service after every write.
CREATE INDEX dir_service_search_idx ON dir_service USING gin (search_vector);
CREATE INDEX dir_service_modified_idx ON dir_service (updated_at);
CREATE INDEX dir_organization_modified_idx ON dir_organization (updated_at);

CREATE FUNCTION dir_refresh_search(ids uuid[]) RETURNS void LANGUAGE sql AS $$
    UPDATE dir_service s SET search_vector =
          setweight(to_tsvector('english', coalesce(s.name, '') || ' ' || coalesce(s.alternate_name, '')), 'A')
       || setweight(to_tsvector('english', coalesce((
              SELECT string_agg(t.name || ' ' || coalesce(t.code, ''), ' ')
              FROM dir_attribute a JOIN dir_taxonomy_term t ON t.id = a.taxonomy_term_id
              WHERE a.link_id = s.id), '')), 'B')
       || setweight(to_tsvector('english', coalesce(s.description, '') || ' '
              || coalesce((SELECT o.name FROM dir_organization o WHERE o.id = s.organization_id), '')), 'C')
    WHERE s.id = ANY(ids);
$$;
