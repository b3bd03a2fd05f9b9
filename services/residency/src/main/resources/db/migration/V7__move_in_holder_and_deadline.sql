-- 담당자 지정 and 처리기한 of move-in reports.
-- The residency officer who holds a report (took it, or decided it), so that two officers of one office never
-- work one report unknowingly: the subject (the token's sub, stable) decides, the name is what other officers
-- are shown. And the moment by which the office must have decided it (deadline/WorkingHoursPeriod: its period in
-- office hours from the moment the report reached the queue), set by the service when the report reaches the
-- queue. Expand only: four nullable columns. Reports queued before this column, or by a replica of the version
-- before during a rolling update, have none: the service computes theirs when it shows them.
ALTER TABLE move_in_report ADD COLUMN holder_subject varchar(64);
ALTER TABLE move_in_report ADD COLUMN holder_name    varchar(100);
ALTER TABLE move_in_report ADD COLUMN held_since     timestamptz;
ALTER TABLE move_in_report ADD COLUMN due_at         timestamptz;
