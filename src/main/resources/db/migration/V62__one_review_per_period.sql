-- Each student is reviewed once per review period, in one class. The entry carries its review's
-- period (set by a trigger from class_review, so no writer can get it wrong), and a unique index
-- keeps one current entry per student and period: a second save of the same student in another
-- class of the period fails there even when two coordinators save at the same moment.
ALTER TABLE class_review_entry ADD COLUMN period_id uuid REFERENCES review_period (id);
UPDATE class_review_entry e SET period_id = r.period_id FROM class_review r WHERE r.id = e.review_id;
ALTER TABLE class_review_entry ALTER COLUMN period_id SET NOT NULL;

CREATE FUNCTION class_review_entry_period() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT r.period_id INTO NEW.period_id FROM class_review r WHERE r.id = NEW.review_id;
    RETURN NEW;
END $$;
CREATE TRIGGER class_review_entry_period BEFORE INSERT OR UPDATE OF review_id ON class_review_entry
    FOR EACH ROW EXECUTE FUNCTION class_review_entry_period();

-- Reviews saved before this rule may hold a student twice in a period: the later ones are kept as
-- history (earlier = created first) and stay outside the rule; the earliest one counts.
ALTER TABLE class_review_entry ADD COLUMN second_in_period boolean NOT NULL DEFAULT false;
UPDATE class_review_entry e SET second_in_period = true
FROM class_review re
WHERE re.id = e.review_id AND e.current AND EXISTS (
    SELECT 1 FROM class_review_entry o JOIN class_review ro ON ro.id = o.review_id
    WHERE o.current AND o.period_id = e.period_id AND o.student_id = e.student_id
      AND (ro.created_at, ro.id) < (re.created_at, re.id));

CREATE UNIQUE INDEX class_review_entry_once_per_period ON class_review_entry (period_id, student_id)
    WHERE current AND NOT second_in_period;
