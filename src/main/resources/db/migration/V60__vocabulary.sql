-- One vocabulary of needs and strengths, per domain, that reviews, plans and referrals share.
-- The review code list becomes it: every code is a need or a strength (never both), labels are
-- translatable (a JSON object keyed by language, 'en' always present), and a district may extend
-- the shared default (district_id NULL) with its own codes. A code is unique within what one
-- district sees (the default plus its own), so a code alone says its kind and domain.

ALTER TABLE review_code RENAME TO vocabulary_code;
ALTER TABLE vocabulary_code RENAME CONSTRAINT review_code_pkey TO vocabulary_code_pkey;
ALTER TABLE vocabulary_code DROP CONSTRAINT review_code_unique;
ALTER TABLE vocabulary_code ADD COLUMN district_id uuid REFERENCES district (id);
ALTER TABLE vocabulary_code ADD COLUMN kind varchar(10) NOT NULL DEFAULT 'need' CHECK (kind IN ('need', 'strength'));
ALTER TABLE vocabulary_code ADD COLUMN labels jsonb;
UPDATE vocabulary_code SET labels = jsonb_build_object('en', label);
ALTER TABLE vocabulary_code ALTER COLUMN labels SET NOT NULL;
ALTER TABLE vocabulary_code ADD CONSTRAINT vocabulary_code_labels
    CHECK (jsonb_typeof(labels) = 'object' AND jsonb_typeof(labels -> 'en') = 'string');
ALTER TABLE vocabulary_code DROP COLUMN label;
ALTER TABLE vocabulary_code ALTER COLUMN kind DROP DEFAULT;

-- Codes an administrator added to the old shared list: the same code in two domains cannot stay
-- (a code must name one domain); the later one is renamed with its domain as a suffix.
UPDATE vocabulary_code c SET code = left(c.code || '-' || c.domain, 50)
WHERE EXISTS (SELECT 1 FROM vocabulary_code o WHERE o.code = c.code AND o.id <> c.id AND o.created_at < c.created_at);

CREATE UNIQUE INDEX vocabulary_code_default_unique ON vocabulary_code (code) WHERE district_id IS NULL;
CREATE UNIQUE INDEX vocabulary_code_district_unique ON vocabulary_code (district_id, code) WHERE district_id IS NOT NULL;
CREATE INDEX vocabulary_code_list_idx ON vocabulary_code (kind, domain, code, id);

-- A district's code may not repeat a default code, nor a default code one that a district has.
CREATE FUNCTION vocabulary_code_unique_per_district() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM vocabulary_code o WHERE o.code = NEW.code AND o.id <> NEW.id
               AND (NEW.district_id IS NULL OR o.district_id IS NULL OR o.district_id = NEW.district_id)) THEN
        RAISE EXCEPTION 'vocabulary code % already exists for this district', NEW.code USING ERRCODE = 'unique_violation';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER vocabulary_code_unique_per_district BEFORE INSERT OR UPDATE OF code, district_id ON vocabulary_code
    FOR EACH ROW EXECUTE FUNCTION vocabulary_code_unique_per_district();

-- What were strengths in a shared list become strength codes.
UPDATE vocabulary_code SET kind = 'strength' WHERE district_id IS NULL AND code IN ('leadership', 'supportive-family');

-- Spanish labels of the shared default.
UPDATE vocabulary_code v SET labels = v.labels || jsonb_build_object('es', t.es)
FROM (VALUES ('reading', 'Lectura y alfabetización'), ('math', 'Matemáticas'), ('writing', 'Escritura'),
             ('language-acquisition', 'Adquisición del inglés'), ('attendance', 'Asistencia'),
             ('homework-completion', 'Tareas'), ('engagement', 'Participación y motivación'),
             ('learning-disability', 'Discapacidad de aprendizaje o IEP'), ('peer-relationships', 'Relaciones con compañeros'),
             ('self-regulation', 'Autorregulación'), ('anxiety', 'Ansiedad o preocupación'), ('mood', 'Estado de ánimo'),
             ('behavior', 'Conducta en clase'), ('leadership', 'Liderazgo'), ('trauma', 'Trauma o pérdida'),
             ('physical-health', 'Salud física'), ('vision-hearing', 'Visión o audición'), ('dental', 'Salud dental'),
             ('nutrition', 'Nutrición'), ('chronic-condition', 'Enfermedad crónica (asma, diabetes, ...)'),
             ('physical-activity', 'Actividad física y deportes'), ('family-engagement', 'Participación de la familia en la escuela'),
             ('housing', 'Estabilidad de vivienda'), ('food-security', 'Seguridad alimentaria'),
             ('basic-needs', 'Ropa y necesidades básicas'), ('family-transition', 'Transición familiar (separación, pérdida, mudanza)'),
             ('supportive-family', 'Red familiar de apoyo')) AS t (code, es)
WHERE v.code = t.code AND v.district_id IS NULL;

-- New default codes: the needs the referral form used to suggest under other names, and the strengths.
INSERT INTO vocabulary_code (id, district_id, kind, domain, code, labels) VALUES
    ('0b6f0d3c-30a1-4c01-8a00-000000000109', NULL, 'need', 'academic', 'enrichment',
     '{"en": "Enrichment (after-school, arts, summer)", "es": "Enriquecimiento (después de clases, artes, verano)"}'),
    ('0b6f0d3c-30a1-4c01-8a00-000000000208', NULL, 'need', 'social-emotional', 'mental-health',
     '{"en": "Mental health", "es": "Salud mental"}'),
    ('0b6f0d3c-30a1-4c01-8a00-000000000501', NULL, 'strength', 'academic', 'strong-reader',
     '{"en": "Strong reader", "es": "Buen lector"}'),
    ('0b6f0d3c-30a1-4c01-8a00-000000000502', NULL, 'strength', 'academic', 'math-talent',
     '{"en": "Talent in mathematics", "es": "Talento para las matemáticas"}'),
    ('0b6f0d3c-30a1-4c01-8a00-000000000503', NULL, 'strength', 'academic', 'curiosity',
     '{"en": "Curiosity and love of learning", "es": "Curiosidad y gusto por aprender"}'),
    ('0b6f0d3c-30a1-4c01-8a00-000000000504', NULL, 'strength', 'academic', 'multilingual',
     '{"en": "Speaks more than one language", "es": "Habla más de un idioma"}'),
    ('0b6f0d3c-30a1-4c01-8a00-000000000505', NULL, 'strength', 'social-emotional', 'empathy',
     '{"en": "Kind and empathetic", "es": "Amable y empático"}'),
    ('0b6f0d3c-30a1-4c01-8a00-000000000506', NULL, 'strength', 'social-emotional', 'resilience',
     '{"en": "Resilience", "es": "Resiliencia"}'),
    ('0b6f0d3c-30a1-4c01-8a00-000000000507', NULL, 'strength', 'social-emotional', 'friendships',
     '{"en": "Good friendships", "es": "Buenas amistades"}'),
    ('0b6f0d3c-30a1-4c01-8a00-000000000508', NULL, 'strength', 'health', 'athletic',
     '{"en": "Athletic, enjoys sports", "es": "Deportista"}'),
    ('0b6f0d3c-30a1-4c01-8a00-000000000509', NULL, 'strength', 'health', 'healthy-habits',
     '{"en": "Healthy habits", "es": "Hábitos saludables"}'),
    ('0b6f0d3c-30a1-4c01-8a00-000000000510', NULL, 'strength', 'family', 'engaged-family',
     '{"en": "Family engaged with school", "es": "Familia comprometida con la escuela"}');

-- Referrals coded with the referral form's former suggestions take the vocabulary's codes.
UPDATE referral SET reason_codes = array_to_string(ARRAY(
        SELECT mapped FROM (
            SELECT ord, COALESCE(m.code, old) AS mapped
            FROM unnest(string_to_array(reason_codes, ',')) WITH ORDINALITY AS u (old, ord)
            LEFT JOIN (VALUES ('academic.reading', 'reading'), ('academic.math', 'math'), ('academic.attendance', 'attendance'),
                              ('sel.anxiety', 'anxiety'), ('sel.behavior', 'behavior'), ('sel.peer-relations', 'peer-relationships'),
                              ('health.vision', 'vision-hearing'), ('health.mental', 'mental-health'),
                              ('family.housing', 'housing'), ('family.food', 'food-security')) AS m (old_code, code)
                   ON m.old_code = u.old) AS x
        GROUP BY mapped ORDER BY min(ord)), ',')
WHERE reason_codes ~ '(^|,)(academic|sel|health|family)\.';

-- Plans record the needs they address, and each planned support the needs it meets, in the same codes.
ALTER TABLE individual_review ADD COLUMN need_codes varchar(1100) NOT NULL DEFAULT ''
    CHECK (need_codes ~ '^([a-z0-9-]+(,[a-z0-9-]+)*)?$');
ALTER TABLE isr_support ADD COLUMN need_codes varchar(1100) NOT NULL DEFAULT ''
    CHECK (need_codes ~ '^([a-z0-9-]+(,[a-z0-9-]+)*)?$');
