-- 담당 인계 of move-in reports: a residency officer of the report's office takes over a report another officer
-- holds (one who is away, or has left), giving a reason, as the passport office does (passport V11). The current
-- holding says whom it was taken from and why; every take-over stays in an append-only log, kept two years like the
-- access log (V2), so that a lead or an auditor sees who took what and why. Expand only: two nullable columns and
-- a new table.
ALTER TABLE move_in_report ADD COLUMN taken_over_from varchar(100);
ALTER TABLE move_in_report ADD COLUMN takeover_reason varchar(200);

CREATE TABLE move_in_holder_takeover (
    id              uuid          PRIMARY KEY,
    report_id       uuid          NOT NULL REFERENCES move_in_report (id),
    from_officer    varchar(100)  NOT NULL,                  -- user names (preferred_username), as the access log
    to_officer      varchar(100)  NOT NULL,
    reason          varchar(200)  NOT NULL,
    taken_at        timestamptz   NOT NULL
);
CREATE INDEX move_in_holder_takeover_report_idx ON move_in_holder_takeover (report_id, taken_at);

CREATE FUNCTION move_in_holder_takeover_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'move_in_holder_takeover is append-only';
    END IF;
    IF TG_OP = 'DELETE' AND OLD.taken_at > now() - interval '2 years' THEN
        RAISE EXCEPTION 'move_in_holder_takeover entries are kept for at least two years';
    END IF;
    RETURN OLD;
END $$;
CREATE TRIGGER move_in_holder_takeover_append_only BEFORE UPDATE OR DELETE ON move_in_holder_takeover
    FOR EACH ROW EXECUTE FUNCTION move_in_holder_takeover_append_only();
CREATE FUNCTION move_in_holder_takeover_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'move_in_holder_takeover cannot be truncated';
END $$;
CREATE TRIGGER move_in_holder_takeover_no_truncate BEFORE TRUNCATE ON move_in_holder_takeover
    FOR EACH STATEMENT EXECUTE FUNCTION move_in_holder_takeover_no_truncate();
