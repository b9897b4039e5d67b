-- The OneRoster import: courses (classes name them), an "active" flag for roster rows that a
-- tobedeleted row (or their absence from a bulk file) retires without deleting what other features
-- hold about them, and the import jobs with their problem reports.

CREATE TABLE course (
    id           uuid PRIMARY KEY,
    sourced_id   varchar(255) NOT NULL UNIQUE,
    district_id  uuid         NOT NULL REFERENCES district (id),
    title        varchar(255) NOT NULL,
    course_code  varchar(255),
    active       boolean      NOT NULL DEFAULT true,
    version      bigint       NOT NULL DEFAULT 0,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    updated_at   timestamptz  NOT NULL DEFAULT now()
);

ALTER TABLE class_section ADD COLUMN course_id uuid REFERENCES course (id);
ALTER TABLE class_section ADD COLUMN active boolean NOT NULL DEFAULT true;
ALTER TABLE academic_session ADD COLUMN active boolean NOT NULL DEFAULT true;
ALTER TABLE teacher ADD COLUMN active boolean NOT NULL DEFAULT true;
ALTER TABLE family_contact ADD COLUMN active boolean NOT NULL DEFAULT true;

CREATE INDEX class_section_session_idx ON class_section (session_id);
CREATE INDEX class_section_course_idx ON class_section (course_id);
CREATE INDEX academic_session_district_idx ON academic_session (district_id, start_date, id);
CREATE INDEX student_grade_idx ON student (school_id, grade);

CREATE TABLE roster_import (
    id                   uuid PRIMARY KEY,
    district_sourced_id  varchar(255) NOT NULL,
    requested_by         varchar(255),
    dry_run              boolean      NOT NULL,
    status               varchar(20)  NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'rejected', 'failed')),
    phase                varchar(20)  NOT NULL CHECK (phase IN ('queued', 'validating', 'writing', 'done')),
    progress_percent     integer      NOT NULL DEFAULT 0 CHECK (progress_percent BETWEEN 0 AND 100),
    upload_bytes         bigint       NOT NULL CHECK (upload_bytes >= 0),
    rows_read            bigint       NOT NULL DEFAULT 0,
    created_count        bigint       NOT NULL DEFAULT 0,
    updated_count        bigint       NOT NULL DEFAULT 0,
    unchanged_count      bigint       NOT NULL DEFAULT 0,
    deleted_count        bigint       NOT NULL DEFAULT 0,
    counts_by_entity     text,
    problem_count        integer      NOT NULL DEFAULT 0,
    message              varchar(1000),
    version              bigint       NOT NULL DEFAULT 0,
    created_at           timestamptz  NOT NULL DEFAULT now(),
    started_at           timestamptz,
    finished_at          timestamptz,
    updated_at           timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX roster_import_district_idx ON roster_import (district_sourced_id, created_at DESC, id);

CREATE TABLE roster_import_problem (
    import_id    uuid          NOT NULL REFERENCES roster_import (id) ON DELETE CASCADE,
    seq          integer       NOT NULL,
    file         varchar(100),
    line         bigint,
    column_name  varchar(100),
    message      varchar(1000) NOT NULL,
    PRIMARY KEY (import_id, seq)
);

-- A teacher's link to a class comes from an enrollment row with role teacher: keep its sourcedId,
-- so that a later delta can remove exactly that row.
ALTER TABLE class_teacher ADD COLUMN sourced_id varchar(255) UNIQUE;
