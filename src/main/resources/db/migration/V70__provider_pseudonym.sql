-- The identifier a provider knows a student by (FHIR Patient.id and identifier): random, one per
-- provider organization and student, so that two providers cannot link their records through it and
-- none learns the student's internal id.
CREATE TABLE provider_pseudonym (
    organization_id uuid        NOT NULL,
    student_id      uuid        NOT NULL REFERENCES student (id) ON DELETE CASCADE,
    pseudonym       uuid        NOT NULL UNIQUE DEFAULT gen_random_uuid(),
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id, student_id)
);
