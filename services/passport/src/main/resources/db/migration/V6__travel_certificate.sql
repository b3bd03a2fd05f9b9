-- The travel certificate (여행증명서): a single-use document with no booklet, so no page count. Expand only:
-- the validity CHECK is widened and `pages` may be null for it alone; nothing the previous version writes
-- becomes invalid. The previous version cannot read a TRAVEL_CERTIFICATE row (unknown enum value, null pages),
-- so during a rolling update from a version before V6 no travel certificate should be submitted until every
-- replica runs this one (see the README).
-- Widening a varchar is a catalogue change in PostgreSQL (no table rewrite); 'TRAVEL_CERTIFICATE' has 18 characters.
ALTER TABLE passport_application ALTER COLUMN validity TYPE varchar(20);
ALTER TABLE passport_application DROP CONSTRAINT passport_application_validity_check;
ALTER TABLE passport_application ADD CONSTRAINT passport_application_validity_check
    CHECK (validity IN ('TEN_YEARS', 'FIVE_YEARS', 'TRAVEL_CERTIFICATE'));
ALTER TABLE passport_application ALTER COLUMN pages DROP NOT NULL;
ALTER TABLE passport_application DROP CONSTRAINT passport_application_pages_check;
ALTER TABLE passport_application ADD CONSTRAINT passport_application_pages_check
    CHECK ((validity = 'TRAVEL_CERTIFICATE' AND pages IS NULL) OR (validity <> 'TRAVEL_CERTIFICATE' AND pages IN (26, 58)));
ALTER TABLE passport_application ADD CONSTRAINT passport_application_travel_certificate_new_check
    CHECK (validity <> 'TRAVEL_CERTIFICATE' OR kind = 'NEW');
