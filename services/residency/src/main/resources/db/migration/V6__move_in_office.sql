-- 관할: the office a move-in is decided by, from its new address (a JOIN's once the head consents and the
-- household is known). Null: filed before offices, by a replica of the version before during a rolling update, or
-- at an address no configured office covers; such reports are every officer's. Existing rows stay null: adding a
-- nullable column rewrites nothing. The queue's look-up stays on move_in_report_queue_idx (status, submitted_at).
ALTER TABLE move_in_report ADD COLUMN office_id varchar(40);
