-- The reminder the day before a move-in's supplement deadline (보완 기한; docs/events.md:
-- residency.move-in.supplement-due-soon), sent once per round even with several replicas. move_in_supplement is
-- history (V10: a request never changes, its trigger refuses any other update), so the round cannot be marked
-- there: the mark is a row of its own, and its key lets one replica only insert it.
-- Expand only: a new table; the previous version of the service ignores it.
CREATE TABLE move_in_supplement_reminder (
    -- The round reminded of. Its purge after two years (V10's rule) takes the mark with it.
    supplement_id  uuid         PRIMARY KEY REFERENCES move_in_supplement (id) ON DELETE CASCADE,
    reminded_at    timestamptz  NOT NULL
);
