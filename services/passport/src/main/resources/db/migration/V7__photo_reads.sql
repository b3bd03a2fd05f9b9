-- Officers' reads of an applicant's photo (사진 열람 기록): who read it, when and why. A photo is personal data;
-- every officer's read is written in the same transaction as the read itself, so no photo leaves the service
-- without its entry. Append-only: no UPDATE ever, no DELETE within two years (the same rule as residency's
-- access log), whoever sends it. Expand only: a new table.
CREATE TABLE passport_photo_read (
    id              bigserial     PRIMARY KEY,
    application_id  uuid          NOT NULL REFERENCES passport_application (id),
    official        varchar(100)  NOT NULL,
    reason          varchar(500)  NOT NULL,
    read_at         timestamptz   NOT NULL
);
CREATE INDEX passport_photo_read_application_idx ON passport_photo_read (application_id, read_at DESC);

CREATE FUNCTION passport_photo_read_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'passport_photo_read is append-only';
    END IF;
    IF TG_OP = 'DELETE' AND OLD.read_at > now() - interval '2 years' THEN
        RAISE EXCEPTION 'passport_photo_read entries are kept for at least two years';
    END IF;
    RETURN OLD;
END $$;
CREATE TRIGGER passport_photo_read_append_only BEFORE UPDATE OR DELETE ON passport_photo_read
    FOR EACH ROW EXECUTE FUNCTION passport_photo_read_append_only();
CREATE FUNCTION passport_photo_read_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'passport_photo_read cannot be truncated';
END $$;
CREATE TRIGGER passport_photo_read_no_truncate BEFORE TRUNCATE ON passport_photo_read
    FOR EACH STATEMENT EXECUTE FUNCTION passport_photo_read_no_truncate();
