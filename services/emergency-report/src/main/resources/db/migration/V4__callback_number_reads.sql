-- Dispatchers' reads of reporters' call-back numbers (회신 번호 열람 기록): a number is personal data, stored
-- encrypted and masked everywhere but in a dispatcher's answers, where it is shown in full so they can call back.
-- Each answer that carries a number in full leaves an entry per report: who, when, and doing what (the 수행업무 of
-- a 접속기록: the report list, one report, a dispatch step, the live board). Written before the answer leaves
-- the service (in the step's transaction where there is one), so no number leaves without its entry.
-- Append-only: no UPDATE ever, no DELETE within two years (the rule of the other services' read logs), whoever
-- sends it. Expand only: a new table.
CREATE TABLE callback_number_read (
    id          bigserial     PRIMARY KEY,
    report_id   uuid          NOT NULL REFERENCES emergency_report (id),
    official    varchar(255)  NOT NULL,
    role        varchar(40)   NOT NULL,
    action      varchar(40)   NOT NULL,
    reason      varchar(500)  NOT NULL,
    read_at     timestamptz   NOT NULL
);
CREATE INDEX callback_number_read_at_idx ON callback_number_read (read_at DESC);

CREATE FUNCTION callback_number_read_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'callback_number_read is append-only';
    END IF;
    IF TG_OP = 'DELETE' AND OLD.read_at > now() - interval '2 years' THEN
        RAISE EXCEPTION 'callback_number_read entries are kept for at least two years';
    END IF;
    RETURN OLD;
END $$;
CREATE TRIGGER callback_number_read_append_only BEFORE UPDATE OR DELETE ON callback_number_read
    FOR EACH ROW EXECUTE FUNCTION callback_number_read_append_only();
CREATE FUNCTION callback_number_read_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'callback_number_read cannot be truncated';
END $$;
CREATE TRIGGER callback_number_read_no_truncate BEFORE TRUNCATE ON callback_number_read
    FOR EACH STATEMENT EXECUTE FUNCTION callback_number_read_no_truncate();
