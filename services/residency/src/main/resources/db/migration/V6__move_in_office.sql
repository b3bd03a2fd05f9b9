-- 관할: the office a move-in is decided by, from its new address (a JOIN's once the head consents and the
-- household is known). Null: filed before offices, or at an address no configured office covers; such reports
-- are every officer's. Existing rows stay null (no rewrite, no lock beyond adding a nullable column).
ALTER TABLE move_in_report ADD COLUMN office_id varchar(40);
CREATE INDEX move_in_report_office_idx ON move_in_report (office_id) WHERE status = 'SUBMITTED';
