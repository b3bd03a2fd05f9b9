-- 배정: a passport officer assigns an application to a colleague of its receiving office (or hands one they hold on
-- to a colleague). The holding says who assigned it; every assignment stays in an append-only log (kept two years,
-- like the take-over log), so that a lead or auditor sees who gave what to whom. The roster of officers (직원 명부)
-- from which colleagues are offered is common's official_roster, copied verbatim from
-- kr/civilportal/common/roster/official_roster.sql. Expand only: a nullable column, a trigger and new tables.
ALTER TABLE passport_application ADD COLUMN assigned_by varchar(100);
-- Only a held case was assigned to its holder.
ALTER TABLE passport_application ADD CONSTRAINT passport_application_assigned_is_held
    CHECK (assigned_by IS NULL OR holder_subject IS NOT NULL);

-- A replica of the previous version knows nothing of assigned_by: when it lets a case go, finishes it or takes it
-- over, it changes the holder and leaves assigned_by as it was, which would break the check above (its release
-- failing during a rolling update) or name an assigner who gave the case to someone else. A new holder whose
-- write does not say who assigned it was not assigned the case.
CREATE FUNCTION passport_application_assignment_follows_holder() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.holder_subject IS DISTINCT FROM OLD.holder_subject AND NEW.assigned_by IS NOT DISTINCT FROM OLD.assigned_by THEN
        NEW.assigned_by := NULL;
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER passport_application_assignment_follows_holder BEFORE UPDATE ON passport_application
    FOR EACH ROW EXECUTE FUNCTION passport_application_assignment_follows_holder();

CREATE TABLE passport_holder_assignment (
    id              uuid          PRIMARY KEY,
    application_id  uuid          NOT NULL REFERENCES passport_application (id),
    by_officer      varchar(100)  NOT NULL,               -- user names (preferred_username), as the read logs
    to_officer      varchar(100)  NOT NULL,
    assigned_at     timestamptz   NOT NULL
);
CREATE INDEX passport_holder_assignment_application_idx ON passport_holder_assignment (application_id, assigned_at);

CREATE FUNCTION passport_holder_assignment_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'passport_holder_assignment is append-only';
    END IF;
    IF TG_OP = 'DELETE' AND OLD.assigned_at > now() - interval '2 years' THEN
        RAISE EXCEPTION 'passport_holder_assignment entries are kept for at least two years';
    END IF;
    RETURN OLD;
END $$;
CREATE TRIGGER passport_holder_assignment_append_only BEFORE UPDATE OR DELETE ON passport_holder_assignment
    FOR EACH ROW EXECUTE FUNCTION passport_holder_assignment_append_only();
CREATE FUNCTION passport_holder_assignment_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'passport_holder_assignment cannot be truncated';
END $$;
CREATE TRIGGER passport_holder_assignment_no_truncate BEFORE TRUNCATE ON passport_holder_assignment
    FOR EACH STATEMENT EXECUTE FUNCTION passport_holder_assignment_no_truncate();

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
