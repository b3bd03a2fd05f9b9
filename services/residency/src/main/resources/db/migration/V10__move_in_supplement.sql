-- 보완 (supplement) of move-in reports, as passport has it: an officer asks the filer for what is missing by a day
-- (status SUPPLEMENT_REQUESTED, out of the officers' waiting queue), the filer answers (back to SUBMITTED, 처리기한
-- moved on by the time spent waiting), or the report is rejected once the day has passed (SupplementDeadlineJob).
-- Each round is kept in move_in_supplement: what was asked, by whom, until when, the answer or the lapse. Rows are
-- history: the request never changes, an answer or a lapse is written once, nothing is deleted within two years (as
-- the take-over and assignment logs, V8 and V9).
-- Expand only: a new table, and the one-open-report index widened to the new open status (an old replica during a
-- rolling update never writes it; it cannot read such a report's status either, so roll forward quickly).

DROP INDEX move_in_report_one_open_idx;
CREATE UNIQUE INDEX move_in_report_one_open_idx ON move_in_report (resident_id)
    WHERE status IN ('AWAITING_HEAD', 'SUBMITTED', 'SUPPLEMENT_REQUESTED');

CREATE TABLE move_in_supplement (
    id            uuid           PRIMARY KEY,
    report_id     uuid           NOT NULL REFERENCES move_in_report (id),
    what          varchar(500)   NOT NULL,                 -- what is missing, as the officer wrote it
    deadline      date           NOT NULL,                 -- a day in Korea: the filer may answer until its end
    requested_by  varchar(100)   NOT NULL,                 -- the officer's user name, as the access log
    requested_at  timestamptz    NOT NULL,
    answer        varchar(1000),
    answered_at   timestamptz,
    lapsed_at     timestamptz,                             -- rejected by the deadline job: no answer in time
    CHECK ((answer IS NULL) = (answered_at IS NULL)),
    CHECK (answered_at IS NULL OR lapsed_at IS NULL)
);
CREATE INDEX move_in_supplement_report_idx ON move_in_supplement (report_id, requested_at);
-- One round at a time per report.
CREATE UNIQUE INDEX move_in_supplement_one_open_idx ON move_in_supplement (report_id)
    WHERE answered_at IS NULL AND lapsed_at IS NULL;

CREATE FUNCTION move_in_supplement_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.requested_at > now() - interval '2 years' THEN
            RAISE EXCEPTION 'move_in_supplement rounds are kept for at least two years';
        END IF;
        RETURN OLD;
    END IF;
    IF NEW.id <> OLD.id OR NEW.report_id <> OLD.report_id OR NEW.what <> OLD.what OR NEW.deadline <> OLD.deadline
            OR NEW.requested_by <> OLD.requested_by OR NEW.requested_at <> OLD.requested_at
            OR (OLD.answered_at IS NOT NULL AND (NEW.answer IS DISTINCT FROM OLD.answer
                                                 OR NEW.answered_at IS DISTINCT FROM OLD.answered_at))
            OR (OLD.lapsed_at IS NOT NULL AND NEW.lapsed_at IS DISTINCT FROM OLD.lapsed_at) THEN
        RAISE EXCEPTION 'move_in_supplement is history: a request never changes, its answer or lapse is written once';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER move_in_supplement_history BEFORE UPDATE OR DELETE ON move_in_supplement
    FOR EACH ROW EXECUTE FUNCTION move_in_supplement_history();
CREATE FUNCTION move_in_supplement_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'move_in_supplement cannot be truncated';
END $$;
CREATE TRIGGER move_in_supplement_no_truncate BEFORE TRUNCATE ON move_in_supplement
    FOR EACH STATEMENT EXECUTE FUNCTION move_in_supplement_no_truncate();
