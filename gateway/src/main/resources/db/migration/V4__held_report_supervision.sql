-- Dispatch supervisors (119 상황팀장) look after the reports the gateway held: they read one (during a long
-- outage, to act on it by phone; or one the service refused for good), send a refused one again once the service
-- takes it, or settle it with what they did (RESOLVED: the reporter's data is then emptied, as on delivery).
-- Expand only: a fourth state, three nullable columns, a new table.
ALTER TABLE held_report DROP CONSTRAINT held_report_state_check;
ALTER TABLE held_report ADD CONSTRAINT held_report_state_check
    CHECK (state IN ('HELD', 'DELIVERED', 'FAILED', 'RESOLVED'));
ALTER TABLE held_report ADD COLUMN resolved_at timestamptz;
ALTER TABLE held_report ADD COLUMN resolved_by varchar(100);
ALTER TABLE held_report ADD COLUMN resolution  varchar(1000);

-- The supervisors' list: what still needs someone (held or refused), oldest first.
CREATE INDEX held_report_open ON held_report (received_at, id) WHERE state IN ('HELD', 'FAILED');

-- Every supervisor's step on a held report: who read its content and why (a read of personal data: location,
-- phone, photos), who sent it again, who settled it and how. Append-only: no UPDATE ever, no DELETE within two
-- years (the rule of the services' read logs). The Idempotency-Key of a step makes a repeated request one step.
CREATE TABLE held_report_step (
    id               bigserial     PRIMARY KEY,
    held_report_id   uuid          NOT NULL REFERENCES held_report (id),
    step             varchar(20)   NOT NULL CHECK (step IN ('READ_CONTENT', 'RETRY', 'RESOLVE')),
    official         varchar(100)  NOT NULL,
    note             varchar(1000) NOT NULL,
    idempotency_key  varchar(255),
    taken_at         timestamptz   NOT NULL
);
CREATE INDEX held_report_step_report ON held_report_step (held_report_id, taken_at);
CREATE UNIQUE INDEX held_report_step_key ON held_report_step (held_report_id, step, idempotency_key)
    WHERE idempotency_key IS NOT NULL;

CREATE FUNCTION held_report_step_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'held_report_step is append-only';
    END IF;
    IF TG_OP = 'DELETE' AND OLD.taken_at > now() - interval '2 years' THEN
        RAISE EXCEPTION 'held_report_step entries are kept for at least two years';
    END IF;
    RETURN OLD;
END $$;
CREATE TRIGGER held_report_step_append_only BEFORE UPDATE OR DELETE ON held_report_step
    FOR EACH ROW EXECUTE FUNCTION held_report_step_append_only();
CREATE FUNCTION held_report_step_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'held_report_step cannot be truncated';
END $$;
CREATE TRIGGER held_report_step_no_truncate BEFORE TRUNCATE ON held_report_step
    FOR EACH STATEMENT EXECUTE FUNCTION held_report_step_no_truncate();
