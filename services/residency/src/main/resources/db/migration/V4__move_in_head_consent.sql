-- A report joining a household (세대 합가) waits for the head's consent (세대주 동의) before an officer sees it,
-- and tells the joiner nothing about the head's record: the household's address is copied only at approval.
-- Existing rows are untouched (every JOIN already filed keeps its address and target household).
ALTER TABLE move_in_report ALTER COLUMN address DROP NOT NULL;
ALTER TABLE move_in_report ADD COLUMN head_resident_id uuid REFERENCES resident (id);
ALTER TABLE move_in_report ADD COLUMN head_answered_at timestamptz;
-- A JOIN names its household only once the head consents (before that, the number may name nobody).
ALTER TABLE move_in_report DROP CONSTRAINT move_in_report_check;
ALTER TABLE move_in_report ADD CONSTRAINT move_in_report_target_only_joins
    CHECK (mode = 'JOIN_HOUSEHOLD' OR target_household_id IS NULL);
ALTER TABLE move_in_report ADD CONSTRAINT move_in_report_address_known
    CHECK (address IS NOT NULL OR (mode = 'JOIN_HOUSEHOLD' AND status <> 'APPROVED'));
-- One open report per resident, whether it waits for the head or for an officer.
DROP INDEX move_in_report_one_open_idx;
CREATE UNIQUE INDEX move_in_report_one_open_idx ON move_in_report (resident_id)
    WHERE status IN ('AWAITING_HEAD', 'SUBMITTED');
-- The head's list of requests to join their household.
CREATE INDEX move_in_report_head_idx ON move_in_report (head_resident_id) WHERE status = 'AWAITING_HEAD';
