-- Whole-class reviews: review periods of a school year, the needs/strengths code list, and the
-- reviews themselves (one per class and period) with one entry per student and per-domain details.
-- Amendments after finalization keep the replaced entries (current = false) for history.

CREATE TABLE review_period (
    id              uuid PRIMARY KEY,
    district_id     uuid         NOT NULL REFERENCES district (id),
    school_year_id  uuid         NOT NULL REFERENCES academic_session (id),
    name            varchar(100) NOT NULL,
    kind            varchar(10)  NOT NULL CHECK (kind IN ('fall', 'spring', 'other')),
    start_date      date         NOT NULL,
    end_date        date         NOT NULL,
    version         bigint       NOT NULL DEFAULT 0,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at      timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT review_period_dates CHECK (end_date >= start_date),
    CONSTRAINT review_period_name_unique UNIQUE (district_id, name)
);
CREATE INDEX review_period_year_idx ON review_period (school_year_id, start_date, id);

-- The needs/strengths code list per domain; administrators extend it. A code is used for both
-- strengths and needs of its domain. Codes are never deleted (old reviews refer to them), only retired.
CREATE TABLE review_code (
    id          uuid PRIMARY KEY,
    domain      varchar(30)  NOT NULL CHECK (domain IN ('academic', 'social-emotional', 'health', 'family')),
    code        varchar(50)  NOT NULL CHECK (code ~ '^[a-z0-9][a-z0-9-]*$'),
    label       varchar(200) NOT NULL,
    active      boolean      NOT NULL DEFAULT true,
    version     bigint       NOT NULL DEFAULT 0,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT review_code_unique UNIQUE (domain, code)
);

CREATE TABLE class_review (
    id                   uuid PRIMARY KEY,
    class_id             uuid         NOT NULL REFERENCES class_section (id),
    period_id            uuid         NOT NULL REFERENCES review_period (id),
    school_id            uuid         NOT NULL REFERENCES school (id),
    status               varchar(10)  NOT NULL CHECK (status IN ('draft', 'final')),
    coordinator_subject  varchar(255) NOT NULL,
    teacher_id           uuid REFERENCES teacher (id),
    reviewed_on          date         NOT NULL,
    finalized_at         timestamptz,
    finalized_by         varchar(255),
    version              bigint       NOT NULL DEFAULT 0,
    created_at           timestamptz  NOT NULL DEFAULT now(),
    updated_at           timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT class_review_unique UNIQUE (class_id, period_id),
    CONSTRAINT class_review_final CHECK ((status = 'final') = (finalized_at IS NOT NULL))
);
CREATE INDEX class_review_school_idx ON class_review (school_id, period_id);

CREATE TABLE class_review_amendment (
    id           uuid PRIMARY KEY,
    review_id    uuid          NOT NULL REFERENCES class_review (id),
    reason       varchar(1000) NOT NULL,
    amended_by   varchar(255)  NOT NULL,
    amended_at   timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX class_review_amendment_review_idx ON class_review_amendment (review_id, amended_at, id);

CREATE TABLE class_review_entry (
    id                       uuid PRIMARY KEY,
    review_id                uuid         NOT NULL REFERENCES class_review (id) ON DELETE CASCADE,
    student_id               uuid         NOT NULL REFERENCES student (id),
    tier                     varchar(20),
    interests                varchar(500),
    needs_individual_review  boolean      NOT NULL DEFAULT false,
    -- the entry's place in the saved list, so that error pointers (/entries/3/tier) match what was sent
    position                 integer      NOT NULL CHECK (position >= 0),
    current                  boolean      NOT NULL DEFAULT true,
    amendment_id             uuid REFERENCES class_review_amendment (id),
    superseded_by            uuid REFERENCES class_review_amendment (id),
    CONSTRAINT class_review_entry_history CHECK (current = (superseded_by IS NULL))
);
CREATE UNIQUE INDEX class_review_entry_current_idx ON class_review_entry (review_id, student_id) WHERE current;
CREATE INDEX class_review_entry_student_idx ON class_review_entry (student_id) WHERE current;

-- Strengths and needs of one entry in one domain: codes (comma-separated, each in review_code) and a short note.
CREATE TABLE class_review_domain (
    id         uuid PRIMARY KEY,
    entry_id   uuid          NOT NULL REFERENCES class_review_entry (id) ON DELETE CASCADE,
    domain     varchar(30)   NOT NULL CHECK (domain IN ('academic', 'social-emotional', 'health', 'family')),
    strengths  varchar(1000) NOT NULL DEFAULT '',
    needs      varchar(1000) NOT NULL DEFAULT '',
    note       varchar(500),
    CONSTRAINT class_review_domain_unique UNIQUE (entry_id, domain)
);

INSERT INTO review_code (id, domain, code, label) VALUES
    ('0b6f0d3c-30a1-4c01-8a00-000000000101', 'academic', 'reading', 'Reading and literacy'),
    ('0b6f0d3c-30a1-4c01-8a00-000000000102', 'academic', 'math', 'Mathematics'),
    ('0b6f0d3c-30a1-4c01-8a00-000000000103', 'academic', 'writing', 'Writing'),
    ('0b6f0d3c-30a1-4c01-8a00-000000000104', 'academic', 'language-acquisition', 'English language acquisition'),
    ('0b6f0d3c-30a1-4c01-8a00-000000000105', 'academic', 'attendance', 'Attendance'),
    ('0b6f0d3c-30a1-4c01-8a00-000000000106', 'academic', 'homework-completion', 'Homework completion'),
    ('0b6f0d3c-30a1-4c01-8a00-000000000107', 'academic', 'engagement', 'Engagement and motivation'),
    ('0b6f0d3c-30a1-4c01-8a00-000000000108', 'academic', 'learning-disability', 'Learning disability or IEP'),
    ('0b6f0d3c-30a1-4c01-8a00-000000000201', 'social-emotional', 'peer-relationships', 'Peer relationships'),
    ('0b6f0d3c-30a1-4c01-8a00-000000000202', 'social-emotional', 'self-regulation', 'Self-regulation'),
    ('0b6f0d3c-30a1-4c01-8a00-000000000203', 'social-emotional', 'anxiety', 'Anxiety or worry'),
    ('0b6f0d3c-30a1-4c01-8a00-000000000204', 'social-emotional', 'mood', 'Mood and affect'),
    ('0b6f0d3c-30a1-4c01-8a00-000000000205', 'social-emotional', 'behavior', 'Classroom behavior'),
    ('0b6f0d3c-30a1-4c01-8a00-000000000206', 'social-emotional', 'leadership', 'Leadership'),
    ('0b6f0d3c-30a1-4c01-8a00-000000000207', 'social-emotional', 'trauma', 'Trauma or loss'),
    ('0b6f0d3c-30a1-4c01-8a00-000000000301', 'health', 'physical-health', 'Physical health'),
    ('0b6f0d3c-30a1-4c01-8a00-000000000302', 'health', 'vision-hearing', 'Vision or hearing'),
    ('0b6f0d3c-30a1-4c01-8a00-000000000303', 'health', 'dental', 'Dental health'),
    ('0b6f0d3c-30a1-4c01-8a00-000000000304', 'health', 'nutrition', 'Nutrition'),
    ('0b6f0d3c-30a1-4c01-8a00-000000000305', 'health', 'chronic-condition', 'Chronic condition (asthma, diabetes, ...)'),
    ('0b6f0d3c-30a1-4c01-8a00-000000000306', 'health', 'physical-activity', 'Physical activity and sports'),
    ('0b6f0d3c-30a1-4c01-8a00-000000000401', 'family', 'family-engagement', 'Family engagement with school'),
    ('0b6f0d3c-30a1-4c01-8a00-000000000402', 'family', 'housing', 'Housing stability'),
    ('0b6f0d3c-30a1-4c01-8a00-000000000403', 'family', 'food-security', 'Food security'),
    ('0b6f0d3c-30a1-4c01-8a00-000000000404', 'family', 'basic-needs', 'Clothing and basic needs'),
    ('0b6f0d3c-30a1-4c01-8a00-000000000405', 'family', 'family-transition', 'Family transition (separation, loss, move)'),
    ('0b6f0d3c-30a1-4c01-8a00-000000000406', 'family', 'supportive-family', 'Supportive family network');
