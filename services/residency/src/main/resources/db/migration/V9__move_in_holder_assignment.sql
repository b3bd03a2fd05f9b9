-- 배정 of move-in reports: a residency officer gives a waiting report to a colleague of its office (or hands one they
-- hold on to a colleague), as land-registry does for owner-change requests (land V9). The holding says who assigned
-- it; every assignment stays in an append-only log, kept two years like the take-over log (V8) and the access log
-- (V2), so that a lead or an auditor sees who gave what to whom. The roster of residency officers (직원 명부) from
-- which colleagues are offered is common's official_roster, copied verbatim from
-- kr/civilportal/common/roster/official_roster.sql. Expand only: a nullable column, a trigger and two new tables.
ALTER TABLE move_in_report ADD COLUMN assigned_by varchar(100);
-- Only a held report was assigned to its holder.
ALTER TABLE move_in_report ADD CONSTRAINT move_in_report_assigned_is_held
    CHECK (assigned_by IS NULL OR holder_subject IS NOT NULL);

-- A replica of the previous version knows nothing of assigned_by: when it lets a case go, decides it or takes it
-- over, it changes the holder and leaves assigned_by as it was, which would break the check above (its release
-- failing during a rolling update) or name an assigner who gave the case to someone else. A new holder whose
-- write does not say who assigned it was not assigned the case (as passport's V12).
CREATE FUNCTION move_in_report_assignment_follows_holder() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.holder_subject IS DISTINCT FROM OLD.holder_subject AND NEW.assigned_by IS NOT DISTINCT FROM OLD.assigned_by THEN
        NEW.assigned_by := NULL;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER move_in_report_assignment_follows_holder BEFORE UPDATE ON move_in_report
    FOR EACH ROW EXECUTE FUNCTION move_in_report_assignment_follows_holder();

CREATE TABLE move_in_holder_assignment (
    id              uuid          PRIMARY KEY,
    report_id       uuid          NOT NULL REFERENCES move_in_report (id),
    by_officer      varchar(100)  NOT NULL,                  -- user names (preferred_username), as the access log
    to_officer      varchar(100)  NOT NULL,
    assigned_at     timestamptz   NOT NULL
);
CREATE INDEX move_in_holder_assignment_report_idx ON move_in_holder_assignment (report_id, assigned_at);

CREATE FUNCTION move_in_holder_assignment_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'move_in_holder_assignment is append-only';
    END IF;
    IF TG_OP = 'DELETE' AND OLD.assigned_at > now() - interval '2 years' THEN
        RAISE EXCEPTION 'move_in_holder_assignment entries are kept for at least two years';
    END IF;
    RETURN OLD;
END $$;
CREATE TRIGGER move_in_holder_assignment_append_only BEFORE UPDATE OR DELETE ON move_in_holder_assignment
    FOR EACH ROW EXECUTE FUNCTION move_in_holder_assignment_append_only();
CREATE FUNCTION move_in_holder_assignment_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'move_in_holder_assignment cannot be truncated';
END $$;
CREATE TRIGGER move_in_holder_assignment_no_truncate BEFORE TRUNCATE ON move_in_holder_assignment
    FOR EACH STATEMENT EXECUTE FUNCTION move_in_holder_assignment_no_truncate();

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
