-- Individual student reviews (ISR) and their plans: the team, concerns, goals with dated progress
-- notes, and planned supports (each of which may later become a referral).

CREATE TABLE individual_review (
    id            uuid PRIMARY KEY,
    student_id    uuid          NOT NULL REFERENCES student (id),
    status        varchar(10)   NOT NULL CHECK (status IN ('open', 'closed')),
    concerns      varchar(4000) NOT NULL,
    opened_by     varchar(255)  NOT NULL,
    opened_at     timestamptz   NOT NULL,
    closed_by     varchar(255),
    closed_at     timestamptz,
    closing_note  varchar(1000),
    version       bigint        NOT NULL DEFAULT 0,
    created_at    timestamptz   NOT NULL DEFAULT now(),
    updated_at    timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT individual_review_closed CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
-- a student has at most one open plan
CREATE UNIQUE INDEX individual_review_open_idx ON individual_review (student_id) WHERE status = 'open';
CREATE INDEX individual_review_student_idx ON individual_review (student_id, opened_at, id);

CREATE TABLE isr_team_member (
    id          uuid PRIMARY KEY,
    review_id   uuid         NOT NULL REFERENCES individual_review (id) ON DELETE CASCADE,
    role        varchar(20)  NOT NULL CHECK (role IN ('coordinator', 'teacher', 'nurse', 'psychologist', 'counselor',
                                                      'social-worker', 'administrator', 'family', 'provider', 'student', 'other')),
    name        varchar(200),
    outside     boolean      NOT NULL DEFAULT false,
    position    integer      NOT NULL CHECK (position >= 0)
);
CREATE INDEX isr_team_member_review_idx ON isr_team_member (review_id);

CREATE TABLE isr_goal (
    id           uuid PRIMARY KEY,
    review_id    uuid          NOT NULL REFERENCES individual_review (id) ON DELETE CASCADE,
    text         varchar(1000) NOT NULL,
    target_date  date,
    status       varchar(20)   NOT NULL CHECK (status IN ('open', 'met', 'partially-met', 'not-met', 'discontinued')),
    position     integer       NOT NULL CHECK (position >= 0)
);
CREATE INDEX isr_goal_review_idx ON isr_goal (review_id);

CREATE TABLE isr_goal_note (
    id          uuid PRIMARY KEY,
    goal_id     uuid          NOT NULL REFERENCES isr_goal (id) ON DELETE CASCADE,
    noted_on    date          NOT NULL,
    text        varchar(2000) NOT NULL,
    author      varchar(255)  NOT NULL,
    created_at  timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX isr_goal_note_goal_idx ON isr_goal_note (goal_id, noted_on);

-- directory_service_id is checked against the directory when written; referral_id is set when the
-- referral feature turns the support into a referral. Neither is a foreign key: those features own their rows.
CREATE TABLE isr_support (
    id                    uuid PRIMARY KEY,
    review_id             uuid          NOT NULL REFERENCES individual_review (id) ON DELETE CASCADE,
    category              varchar(30)   NOT NULL CHECK (category IN ('prevention-enrichment', 'early-intervention', 'intensive')),
    description           varchar(1000) NOT NULL,
    directory_service_id  uuid,
    referral_id           uuid,
    position              integer       NOT NULL CHECK (position >= 0),
    created_at            timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX isr_support_review_idx ON isr_support (review_id);
CREATE UNIQUE INDEX isr_support_referral_idx ON isr_support (referral_id) WHERE referral_id IS NOT NULL;
