-- 세대주 변경신고 (change of household head): the head of a household names another member as head, with every other
-- member's relation to the new head; the change is applied at the new head's consent, without an officer (it reports
-- a fact by the people concerned). Expand only: two new tables; the resident table is changed by the application as
-- a move-in approval changes it.
-- Kept as history: a row is never deleted within two years (as the access log), the relations never change, and a
-- change row changes only once, from AWAITING_NEW_HEAD to how it ended.
CREATE TABLE household_head_change (
    id            uuid         PRIMARY KEY,
    household_id  uuid         NOT NULL REFERENCES household (id),
    filer_id      uuid         NOT NULL REFERENCES resident (id),   -- the head who filed (the old head)
    new_head_id   uuid         NOT NULL REFERENCES resident (id),   -- the member named; they consent or refuse
    status        varchar(20)  NOT NULL,                           -- AWAITING_NEW_HEAD, APPLIED, REFUSED, WITHDRAWN, CANCELLED
    filed_at      timestamptz  NOT NULL,
    decided_at    timestamptz,                                     -- when it was applied, refused, withdrawn or cancelled
    consented_by  uuid         REFERENCES resident (id)            -- the new head, once APPLIED
);
-- One open change per household: two heads filing at once (or a retry without its key) cannot both wait.
CREATE UNIQUE INDEX household_head_change_one_open_idx ON household_head_change (household_id)
    WHERE status = 'AWAITING_NEW_HEAD';
CREATE INDEX household_head_change_filer_idx ON household_head_change (filer_id, filed_at DESC);
CREATE INDEX household_head_change_new_head_idx ON household_head_change (new_head_id, filed_at DESC);

-- Every member of the household at filing (the new head and the filer included): the relation before and the one
-- filed, in the order filed.
CREATE TABLE household_head_change_relation (
    change_id        uuid        NOT NULL REFERENCES household_head_change (id),
    resident_id      uuid        NOT NULL REFERENCES resident (id),
    relation_before  varchar(20) NOT NULL,
    relation_after   varchar(20) NOT NULL,
    position         integer     NOT NULL,
    PRIMARY KEY (change_id, resident_id)
);

CREATE FUNCTION household_head_change_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'household head changes are history and are not deleted';
    END IF;
    IF TG_TABLE_NAME = 'household_head_change_relation' THEN
        RAISE EXCEPTION 'the relations of a household head change do not change';
    END IF;
    IF OLD.status <> 'AWAITING_NEW_HEAD' OR OLD.id <> NEW.id OR OLD.household_id <> NEW.household_id
            OR OLD.filer_id <> NEW.filer_id OR OLD.new_head_id <> NEW.new_head_id OR OLD.filed_at <> NEW.filed_at THEN
        RAISE EXCEPTION 'a household head change ends once and keeps what was filed';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER household_head_change_kept BEFORE UPDATE OR DELETE ON household_head_change
    FOR EACH ROW EXECUTE FUNCTION household_head_change_kept();
CREATE TRIGGER household_head_change_relation_kept BEFORE UPDATE OR DELETE ON household_head_change_relation
    FOR EACH ROW EXECUTE FUNCTION household_head_change_kept();
CREATE FUNCTION household_head_change_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'household head changes cannot be truncated';
END $$;
CREATE TRIGGER household_head_change_no_truncate BEFORE TRUNCATE ON household_head_change
    FOR EACH STATEMENT EXECUTE FUNCTION household_head_change_no_truncate();
CREATE TRIGGER household_head_change_relation_no_truncate BEFORE TRUNCATE ON household_head_change_relation
    FOR EACH STATEMENT EXECUTE FUNCTION household_head_change_no_truncate();
