-- Who is told of an owner change (docs/events.md, "Land: who is told of an owner change"). Expand only: nullable
-- columns (and one with a constant default, which PostgreSQL adds without rewriting the table); the previous
-- version of the service ignores them. Adding a column is not an UPDATE: owner_change stays append-only.

-- The owner's resident id when the portal knows it (a citizen who filed for themself, a seeded demo owner); the
-- owners recorded before a change are told of it, so that a fraudulent transfer can still be stopped.
ALTER TABLE owner_change ADD COLUMN owner_resident_id uuid;

-- The filer's resident id (their token's resident_id claim), to tell them of the decision; null when the token had
-- none. files_for_self: the new owner's name was the filer's own name when they filed, so an approval records the
-- filer's resident id as the new owner's. Kept as a flag rather than the filer's name: no more personal data.
ALTER TABLE owner_change_filing ADD COLUMN filer_resident_id uuid;
ALTER TABLE owner_change_filing ADD COLUMN files_for_self boolean NOT NULL DEFAULT false;
