-- Issue 12 (items 3 and 4): audit events record whose record they concern, and the database (not the
-- application) stamps their time and sealing order.

-- Whose record an event concerns: the district and school (OneRoster sourcedIds) of its students,
-- or of the object when the application names it. Supervisors search by these, not by the actor's.
ALTER TABLE audit_event
    ADD COLUMN subject_district varchar(255),
    ADD COLUMN subject_school   varchar(255),
    -- Sealing order: the inserting transaction's id, then a sequence number within it. The sealer
    -- takes only events of transactions older than every transaction still running, so an event that
    -- commits late can never fall behind the sealer's high-water mark.
    ADD COLUMN txid             xid8,
    ADD COLUMN seq              bigint;

CREATE SEQUENCE audit_event_seq;

-- Existing events: numbered in the order they were sealed, the unsealed ones after them.
UPDATE audit_event e SET seq = n.rn, txid = '0'::xid8
FROM (SELECT e2.id, row_number() OVER (ORDER BY s.position NULLS LAST, e2.occurred_at, e2.id) AS rn
      FROM audit_event e2 LEFT JOIN audit_seal s ON s.event_id = e2.id) n
WHERE n.id = e.id;
SELECT setval('audit_event_seq', COALESCE((SELECT max(seq) FROM audit_event), 0) + 1, false);

ALTER TABLE audit_event ALTER COLUMN seq SET NOT NULL, ALTER COLUMN txid SET NOT NULL;
CREATE UNIQUE INDEX audit_event_order_idx ON audit_event (txid, seq);
CREATE INDEX audit_event_subject_idx ON audit_event (subject_district, occurred_at);

-- The district and school shared by all the given students; null when they span several (or none is known).
CREATE FUNCTION audit_subject_of(students uuid[], OUT district varchar, OUT school varchar) LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN count(DISTINCT d.sourced_id) = 1 THEN min(d.sourced_id) END,
           CASE WHEN count(DISTINCT sc.sourced_id) = 1 THEN min(sc.sourced_id) END
    FROM student st JOIN school sc ON sc.id = st.school_id JOIN district d ON d.id = sc.district_id
    WHERE st.id = ANY (students)
$$;

UPDATE audit_event e SET (subject_district, subject_school) = (SELECT s.district, s.school FROM audit_subject_of(e.student_ids) s)
WHERE cardinality(e.student_ids) > 0;

-- The database stamps every event: its time (the application cannot back-date one), its place in the
-- sealing order, and, when the application did not name it, the district and school of its students.
CREATE FUNCTION audit_event_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.occurred_at := clock_timestamp();
    NEW.txid := pg_current_xact_id();
    NEW.seq := nextval('audit_event_seq');
    IF NEW.subject_district IS NULL AND cardinality(NEW.student_ids) > 0 THEN
        SELECT s.district, s.school INTO NEW.subject_district, NEW.subject_school FROM audit_subject_of(NEW.student_ids) s;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER audit_event_stamp BEFORE INSERT ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_stamp();

-- Chain format per seal: 1 = before this migration (the event's original fields), 2 = with the
-- columns above. Positions come from a sequence, so the sealer never hands one out twice even when
-- the newest seals are deleted.
ALTER TABLE audit_seal ADD COLUMN format smallint NOT NULL DEFAULT 1 CHECK (format IN (1, 2));
CREATE SEQUENCE audit_seal_position NO CYCLE;
SELECT setval('audit_seal_position', COALESCE((SELECT max(position) FROM audit_seal), 0) + 1, false);

-- Checkpoints are chained: each signs the previous one's position and signature, and the sealer's
-- high-water mark (the last transaction id and sequence number sealed).
ALTER TABLE audit_checkpoint
    ADD COLUMN format            smallint NOT NULL DEFAULT 1 CHECK (format IN (1, 2)),
    ADD COLUMN previous_position bigint,
    ADD COLUMN last_txid         xid8,
    ADD COLUMN last_seq          bigint;

REVOKE UPDATE, DELETE, TRUNCATE ON audit_event, audit_seal, audit_checkpoint FROM ${app_role};
REVOKE UPDATE ON SEQUENCE audit_event_seq, audit_seal_position FROM ${app_role};
