-- 담당 인계 of owner-change requests: a land officer of the request's office takes over a request another officer
-- holds (one who is away, or has left), giving a reason, as the passport and residency offices do. The current
-- holding says whom it was taken from and why; every take-over stays in an append-only log, so that a lead or an
-- auditor sees who took what and why. Expand only: two nullable columns and a new table.
ALTER TABLE owner_change_filing ADD COLUMN taken_over_from text;
ALTER TABLE owner_change_filing ADD COLUMN takeover_reason text CHECK (takeover_reason IS NULL OR length(takeover_reason) <= 200);

CREATE TABLE owner_change_filing_takeover (
    id              uuid          PRIMARY KEY,
    filing_id       uuid          NOT NULL REFERENCES owner_change_filing (id),
    from_officer    text          NOT NULL,                  -- user names (preferred_username), as the read log
    to_officer      text          NOT NULL,
    reason          text          NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 200),
    taken_at        timestamptz   NOT NULL
);
CREATE INDEX owner_change_filing_takeover_filing_idx ON owner_change_filing_takeover (filing_id, taken_at);

-- Evidence: the log refuses updates, deletes and truncation even from code that bypasses the service.
CREATE FUNCTION owner_change_filing_takeover_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'owner_change_filing_takeover is append-only';
END
$$;
CREATE TRIGGER owner_change_filing_takeover_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON owner_change_filing_takeover
    FOR EACH STATEMENT EXECUTE FUNCTION owner_change_filing_takeover_is_append_only();
