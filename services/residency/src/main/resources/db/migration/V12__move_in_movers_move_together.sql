-- A report with movers (V11) is approved only with everyone it names: at commit, each mover must be in the filer's
-- household. Why in the database: during a rolling update a replica of the previous version knows nothing of
-- move_in_mover, and its approval would move the filer alone, leaving a household behind without its head. That
-- approval now fails as a whole (the transaction rolls back, nobody moves) and the officer's retry reaches a current
-- replica. Deferred to commit, since the current version updates the report and the residents in either order.
CREATE FUNCTION move_in_movers_move_together() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.status = 'APPROVED' AND EXISTS (
            SELECT 1 FROM move_in_mover m
            JOIN resident co_mover ON co_mover.id = m.resident_id
            JOIN resident filer ON filer.id = NEW.resident_id
            WHERE m.report_id = NEW.id AND co_mover.household_id <> filer.household_id) THEN
        RAISE EXCEPTION 'move-in report % approved without moving the members it names (move_in_mover)', NEW.id;
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER move_in_movers_move_together AFTER UPDATE OF status ON move_in_report
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (NEW.status = 'APPROVED' AND OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION move_in_movers_move_together();
