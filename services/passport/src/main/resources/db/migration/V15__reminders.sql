-- Reminders the day before (docs/events.md: passport.appointment.pickup-reminder and
-- passport.application.supplement-due-soon), each sent once even with several replicas. Expand only: a nullable
-- column and a new table; the previous version of the service ignores both.

-- When the applicant was reminded of this booking; null until then. A booking moved to another slot is a new
-- booking: the service clears it again (a booking moved by the previous version during a rolling update keeps
-- its mark, and is not reminded twice).
ALTER TABLE pickup_booking ADD COLUMN reminded_at timestamptz;

-- The supplement requests (보완요청, a row of the append-only history) whose applicant was reminded of the
-- deadline: the history itself cannot be marked, and the key lets one replica only insert the mark.
CREATE TABLE supplement_reminder (
    status_change_id  bigint       PRIMARY KEY REFERENCES passport_status_change (id),
    application_id    uuid         NOT NULL REFERENCES passport_application (id),
    reminded_at       timestamptz  NOT NULL
);
