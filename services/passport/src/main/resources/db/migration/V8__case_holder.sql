-- 담당자 지정: the passport officer who holds an application (took it, or started working on it), so that two
-- officers never work one case unknowingly. The subject (the token's sub, stable) decides; the name is what the
-- other officers are shown. Expand only: three nullable columns and an index for "my cases".
ALTER TABLE passport_application ADD COLUMN holder_subject varchar(64);
ALTER TABLE passport_application ADD COLUMN holder_name    varchar(100);
ALTER TABLE passport_application ADD COLUMN held_since     timestamptz;
CREATE INDEX passport_application_holder_idx ON passport_application (holder_subject) WHERE holder_subject IS NOT NULL;
