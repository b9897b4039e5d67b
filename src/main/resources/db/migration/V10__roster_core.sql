-- Roster data from the SIS (OneRoster 1.2): school years and terms, teachers, classes, students,
-- enrollments and family contacts. Every row keeps its OneRoster sourcedId beside our own UUID.

CREATE TABLE academic_session (
    id           uuid PRIMARY KEY,
    sourced_id   varchar(255) NOT NULL UNIQUE,
    district_id  uuid         NOT NULL REFERENCES district (id),
    parent_id    uuid REFERENCES academic_session (id),
    title        varchar(255) NOT NULL,
    type         varchar(20)  NOT NULL CHECK (type IN ('schoolYear', 'term', 'semester', 'gradingPeriod')),
    school_year  integer      NOT NULL CHECK (school_year BETWEEN 1900 AND 2999),
    start_date   date         NOT NULL,
    end_date     date         NOT NULL,
    version      bigint       NOT NULL DEFAULT 0,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    updated_at   timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT academic_session_dates CHECK (end_date >= start_date)
);

CREATE TABLE teacher (
    id           uuid PRIMARY KEY,
    sourced_id   varchar(255) NOT NULL UNIQUE,
    given_name   varchar(255) NOT NULL,
    family_name  varchar(255) NOT NULL,
    email        varchar(320),
    version      bigint       NOT NULL DEFAULT 0,
    created_at   timestamptz  NOT NULL DEFAULT now(),
    updated_at   timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE class_section (
    id            uuid PRIMARY KEY,
    sourced_id    varchar(255) NOT NULL UNIQUE,
    school_id     uuid         NOT NULL REFERENCES school (id),
    session_id    uuid         NOT NULL REFERENCES academic_session (id),
    title         varchar(255) NOT NULL,
    class_code    varchar(255),
    course_title  varchar(255),
    grades        varchar(100),
    version       bigint       NOT NULL DEFAULT 0,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    updated_at    timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX class_section_school_idx ON class_section (school_id, session_id, title, id);

CREATE TABLE class_teacher (
    class_id    uuid NOT NULL REFERENCES class_section (id) ON DELETE CASCADE,
    teacher_id  uuid NOT NULL REFERENCES teacher (id),
    PRIMARY KEY (class_id, teacher_id)
);

CREATE TABLE student (
    id                  uuid PRIMARY KEY,
    sourced_id          varchar(255) NOT NULL UNIQUE,
    school_id           uuid         NOT NULL REFERENCES school (id),
    identifier          varchar(255),
    given_name          varchar(255) NOT NULL,
    family_name         varchar(255) NOT NULL,
    preferred_name      varchar(255),
    birth_date          date,
    grade               varchar(10),
    preferred_language  varchar(35),
    home_language       varchar(35),
    directory_opt_out   boolean      NOT NULL DEFAULT false,
    active              boolean      NOT NULL DEFAULT true,
    version             bigint       NOT NULL DEFAULT 0,
    created_at          timestamptz  NOT NULL DEFAULT now(),
    updated_at          timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX student_school_name_idx ON student (school_id, family_name, given_name, id);
CREATE INDEX student_name_prefix_idx ON student (lower(family_name) text_pattern_ops);
CREATE INDEX student_given_prefix_idx ON student (lower(given_name) text_pattern_ops);

CREATE TABLE enrollment (
    id          uuid PRIMARY KEY,
    sourced_id  varchar(255) NOT NULL UNIQUE,
    class_id    uuid         NOT NULL REFERENCES class_section (id),
    student_id  uuid         NOT NULL REFERENCES student (id),
    begin_date  date,
    end_date    date,
    version     bigint       NOT NULL DEFAULT 0,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT enrollment_dates CHECK (end_date IS NULL OR begin_date IS NULL OR end_date >= begin_date)
);
CREATE INDEX enrollment_class_idx ON enrollment (class_id, student_id);
CREATE INDEX enrollment_student_idx ON enrollment (student_id);

-- A parent, guardian or relative (OneRoster users with role parent/guardian/relative).
CREATE TABLE family_contact (
    id                        uuid PRIMARY KEY,
    sourced_id                varchar(255) NOT NULL UNIQUE,
    given_name                varchar(255) NOT NULL,
    family_name               varchar(255) NOT NULL,
    email                     varchar(320),
    phone                     varchar(50),
    sms                       varchar(50),
    preferred_language        varchar(35),
    -- Owned by this service, not the SIS: how the family prefers to be reached.
    preferred_contact_method  varchar(10) CHECK (preferred_contact_method IN ('phone', 'sms', 'email', 'mail', 'in-person')),
    contact_notes             varchar(500),
    version                   bigint       NOT NULL DEFAULT 0,
    created_at                timestamptz  NOT NULL DEFAULT now(),
    updated_at                timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE student_contact (
    student_id        uuid        NOT NULL REFERENCES student (id) ON DELETE CASCADE,
    contact_id        uuid        NOT NULL REFERENCES family_contact (id),
    relationship      varchar(20) NOT NULL CHECK (relationship IN ('parent', 'guardian', 'relative', 'other')),
    may_sign_consent  boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (student_id, contact_id)
);
CREATE INDEX student_contact_contact_idx ON student_contact (contact_id);
