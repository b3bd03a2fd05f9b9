-- 처리기한: the day by which the office must have processed the application (its statutory period counted in
-- working days from the day of receipt, moved on by the time a supplement took). Computed by the service
-- (deadline/ProcessingPeriod, with the configured public holidays) when an application is submitted and when
-- the citizen answers a supplement request. Expand only: one nullable column.
ALTER TABLE passport_application ADD COLUMN due_on date;

-- Applications submitted before this column: eight weekdays from the day of receipt (Korean time), without the
-- public holidays the service knows and without supplements; approximate, and only for these old rows.
UPDATE passport_application a SET due_on = (
    SELECT d::date
    FROM generate_series((a.submitted_at AT TIME ZONE 'Asia/Seoul')::date,
                         (a.submitted_at AT TIME ZONE 'Asia/Seoul')::date + 30, interval '1 day') d
    WHERE extract(isodow FROM d) < 6
    ORDER BY d OFFSET 7 LIMIT 1);

CREATE INDEX passport_application_due_idx ON passport_application (due_on)
    WHERE status IN ('SUBMITTED', 'UNDER_REVIEW', 'APPROVED', 'PRINTING');
