-- The review roster of a period: each student is reviewed once per period in a reviewing class,
-- the homeroom by default (OneRoster classType, now kept with the class) or a class the school
-- designates for the student in that period.
ALTER TABLE class_section ADD COLUMN class_type varchar(50);
CREATE INDEX class_section_homeroom_idx ON class_section (school_id, session_id) WHERE class_type = 'homeroom';

CREATE TABLE review_designation (
    period_id      uuid         NOT NULL REFERENCES review_period (id),
    student_id     uuid         NOT NULL REFERENCES student (id),
    class_id       uuid         NOT NULL REFERENCES class_section (id),
    -- the class's school, so that scope filters need no join
    school_id      uuid         NOT NULL REFERENCES school (id),
    designated_by  varchar(255) NOT NULL,
    designated_at  timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (period_id, student_id)
);
CREATE INDEX review_designation_school_idx ON review_designation (school_id, period_id);

-- An entry pre-filled from the previous period's final review stays marked until the coordinator
-- saves it again (confirms it); a review with unconfirmed entries cannot be finalized.
ALTER TABLE class_review_entry ADD COLUMN carried_forward boolean NOT NULL DEFAULT false;
