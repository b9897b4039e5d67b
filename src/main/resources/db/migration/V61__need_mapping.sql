-- Which directory taxonomy terms meet a need: one row per need code, for the shared default
-- (district_id NULL) or as one district's replacement of it. Terms are named by their code, so a
-- mapping holds for any import of the same taxonomy; the service checks that each term exists.

CREATE TABLE need_mapping (
    id           uuid PRIMARY KEY,
    district_id  uuid REFERENCES district (id),
    need_code    varchar(50)   NOT NULL CHECK (need_code ~ '^[a-z0-9][a-z0-9-]*$'),
    -- comma-separated taxonomy term codes; empty when the district says no service meets the need
    term_codes   varchar(2100) NOT NULL DEFAULT '' CHECK (term_codes !~ ',,' AND term_codes !~ '^,|,$'),
    version      bigint        NOT NULL DEFAULT 0,
    updated_at   timestamptz   NOT NULL DEFAULT now(),
    updated_by   varchar(255),
    CONSTRAINT need_mapping_unique UNIQUE NULLS NOT DISTINCT (district_id, need_code)
);

-- The default, for the demo taxonomy ("Student support services": the model's three categories and
-- their finer terms). A district that imports another taxonomy maps its terms itself.
INSERT INTO need_mapping (id, district_id, need_code, term_codes) VALUES
    (gen_random_uuid(), NULL, 'reading', 'tutoring'),
    (gen_random_uuid(), NULL, 'math', 'tutoring'),
    (gen_random_uuid(), NULL, 'writing', 'tutoring'),
    (gen_random_uuid(), NULL, 'language-acquisition', 'tutoring'),
    (gen_random_uuid(), NULL, 'attendance', 'mentoring,family-assistance'),
    (gen_random_uuid(), NULL, 'homework-completion', 'tutoring,after-school'),
    (gen_random_uuid(), NULL, 'engagement', 'mentoring,after-school'),
    (gen_random_uuid(), NULL, 'learning-disability', 'tutoring'),
    (gen_random_uuid(), NULL, 'enrichment', 'after-school,summer-program,arts'),
    (gen_random_uuid(), NULL, 'peer-relationships', 'social-skills,mentoring'),
    (gen_random_uuid(), NULL, 'self-regulation', 'social-skills,counseling'),
    (gen_random_uuid(), NULL, 'anxiety', 'counseling'),
    (gen_random_uuid(), NULL, 'mood', 'counseling'),
    (gen_random_uuid(), NULL, 'behavior', 'social-skills,mentoring'),
    (gen_random_uuid(), NULL, 'trauma', 'counseling,family-counseling'),
    (gen_random_uuid(), NULL, 'mental-health', 'counseling'),
    (gen_random_uuid(), NULL, 'physical-health', 'health-services'),
    (gen_random_uuid(), NULL, 'vision-hearing', 'health-screening'),
    (gen_random_uuid(), NULL, 'dental', 'health-screening,health-services'),
    (gen_random_uuid(), NULL, 'nutrition', 'wellness,food-assistance'),
    (gen_random_uuid(), NULL, 'chronic-condition', 'health-services'),
    (gen_random_uuid(), NULL, 'physical-activity', 'sports,wellness'),
    (gen_random_uuid(), NULL, 'family-engagement', 'family-assistance'),
    (gen_random_uuid(), NULL, 'housing', 'family-assistance'),
    (gen_random_uuid(), NULL, 'food-security', 'food-assistance'),
    (gen_random_uuid(), NULL, 'basic-needs', 'family-assistance'),
    (gen_random_uuid(), NULL, 'family-transition', 'family-counseling,family-assistance');
