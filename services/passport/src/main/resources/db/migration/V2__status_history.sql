-- Every status change of an application (처리 이력): who (token `sub`), when, from, to, and the reason an
-- officer gave (required to reject or to ask for a supplement, 보완요청, which also carries its deadline).
-- Append-only: the trigger refuses UPDATE and DELETE, so the history the citizen sees is the one that happened.
-- Expand only: a new table; the application table is not touched, so the previous version keeps running.
CREATE TABLE passport_status_change (
    id                   bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_id       uuid         NOT NULL REFERENCES passport_application (id),
    from_status          varchar(24),                      -- null for the submission itself
    to_status            varchar(24)  NOT NULL,
    actor_subject        varchar(64)  NOT NULL,            -- token `sub` of the officer or the applicant
    reason               varchar(500),
    supplement_deadline  date,                             -- 보완 기한, only with SUPPLEMENT_REQUESTED
    changed_at           timestamptz  NOT NULL
);

CREATE INDEX passport_status_change_application_idx ON passport_status_change (application_id, id);

CREATE FUNCTION passport_status_change_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'passport_status_change is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER passport_status_change_no_update_or_delete
    BEFORE UPDATE OR DELETE ON passport_status_change
    FOR EACH ROW EXECUTE FUNCTION passport_status_change_append_only();
