-- 담당 인계: an officer of the application's office takes over a case another officer holds (one who is away,
-- or has left), giving a reason. The current holding says whom it was taken from and why; every take-over stays
-- in an append-only log (kept two years, like the read logs), so that a lead or auditor sees who took what.
ALTER TABLE passport_application ADD COLUMN taken_over_from varchar(100);
ALTER TABLE passport_application ADD COLUMN takeover_reason varchar(200);

CREATE TABLE passport_holder_takeover (
    id              uuid          PRIMARY KEY,
    application_id  uuid          NOT NULL REFERENCES passport_application (id),
    from_officer    varchar(100)  NOT NULL,
    to_officer      varchar(100)  NOT NULL,
    reason          varchar(200)  NOT NULL,
    taken_at        timestamptz   NOT NULL
);
CREATE INDEX passport_holder_takeover_application_idx ON passport_holder_takeover (application_id, taken_at);

CREATE FUNCTION passport_holder_takeover_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'passport_holder_takeover is append-only';
    END IF;
    IF TG_OP = 'DELETE' AND OLD.taken_at > now() - interval '2 years' THEN
        RAISE EXCEPTION 'passport_holder_takeover entries are kept for at least two years';
    END IF;
    RETURN OLD;
END $$;
CREATE TRIGGER passport_holder_takeover_append_only BEFORE UPDATE OR DELETE ON passport_holder_takeover
    FOR EACH ROW EXECUTE FUNCTION passport_holder_takeover_append_only();
CREATE FUNCTION passport_holder_takeover_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'passport_holder_takeover cannot be truncated';
END $$;
CREATE TRIGGER passport_holder_takeover_no_truncate BEFORE TRUNCATE ON passport_holder_takeover
    FOR EACH STATEMENT EXECUTE FUNCTION passport_holder_takeover_no_truncate();
