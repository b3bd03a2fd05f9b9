-- 세대 전부 전입 / 세대 일부 전입: the members of the filer's household who move with them on a report, and the relation
-- each will have to the head at the new address (HouseholdMove decides it at filing). Approval moves them with the
-- filer in one transaction. Expand only: a new table; a report without rows moves its filer alone, as before, and an
-- old replica during a rolling update files and approves such reports unchanged.
-- A resident is on one open report at a time, as filer or as mover: checked at filing under a lock on the filer's
-- household (every filer and mover of a report belongs to it), since a partial unique index cannot see the report's
-- status from here.
CREATE TABLE move_in_mover (
    report_id         uuid        NOT NULL REFERENCES move_in_report (id),
    resident_id       uuid        NOT NULL REFERENCES resident (id),
    relation_to_head  varchar(20) NOT NULL,                -- 세대주와의 관계 at the new address
    position          integer     NOT NULL,                -- as the filer listed them
    PRIMARY KEY (report_id, resident_id)
);
CREATE INDEX move_in_mover_resident_idx ON move_in_mover (resident_id);
