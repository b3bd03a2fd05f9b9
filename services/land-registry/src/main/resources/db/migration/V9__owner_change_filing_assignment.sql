-- 배정: a land officer assigns an owner-change request to a colleague of its office (or hands one they hold on to
-- a colleague). The holding says who assigned it; every assignment stays in an append-only log. The roster of
-- land officers (직원 명부) from which colleagues are offered is common's official_roster, copied verbatim from
-- kr/civilportal/common/roster/official_roster.sql. Expand only: a nullable column, a trigger and two new tables.
ALTER TABLE owner_change_filing ADD COLUMN assigned_by text;
-- Only a held request was assigned to its holder.
ALTER TABLE owner_change_filing ADD CONSTRAINT owner_change_filing_assigned_is_held
    CHECK (assigned_by IS NULL OR holder_subject IS NOT NULL);

-- A replica of the previous version knows nothing of assigned_by: when it lets a case go, decides it or takes it
-- over, it changes the holder and leaves assigned_by as it was, which would break the check above (its release
-- failing during a rolling update) or name an assigner who gave the case to someone else. A new holder whose
-- write does not say who assigned it was not assigned the case (as passport's V12).
CREATE FUNCTION owner_change_filing_assignment_follows_holder() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.holder_subject IS DISTINCT FROM OLD.holder_subject AND NEW.assigned_by IS NOT DISTINCT FROM OLD.assigned_by THEN
        NEW.assigned_by := NULL;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER owner_change_filing_assignment_follows_holder BEFORE UPDATE ON owner_change_filing
    FOR EACH ROW EXECUTE FUNCTION owner_change_filing_assignment_follows_holder();

CREATE TABLE owner_change_filing_assignment (
    id              uuid          PRIMARY KEY,
    filing_id       uuid          NOT NULL REFERENCES owner_change_filing (id),
    by_officer      text          NOT NULL,                  -- user names (preferred_username), as the read log
    to_officer      text          NOT NULL,
    assigned_at     timestamptz   NOT NULL
);
CREATE INDEX owner_change_filing_assignment_filing_idx ON owner_change_filing_assignment (filing_id, assigned_at);

CREATE FUNCTION owner_change_filing_assignment_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'owner_change_filing_assignment is append-only';
END
$$;
CREATE TRIGGER owner_change_filing_assignment_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON owner_change_filing_assignment
    FOR EACH STATEMENT EXECUTE FUNCTION owner_change_filing_assignment_is_append_only();

-- 직원 명부: the officials a service has seen, with the offices their last token named, so that an officer can
-- assign a case (배정) to a colleague of its office. Written only from endpoints restricted to the service's
-- officer role; holds officials' user names, never citizens' data.
CREATE TABLE official_roster (
    subject     text          PRIMARY KEY,                 -- the token's sub: stable across renames
    user_name   text          NOT NULL CHECK (length(user_name) BETWEEN 1 AND 100),
    offices     text[]        NOT NULL,
    last_seen   timestamptz   NOT NULL
);
CREATE INDEX official_roster_offices_idx ON official_roster USING gin (offices);
