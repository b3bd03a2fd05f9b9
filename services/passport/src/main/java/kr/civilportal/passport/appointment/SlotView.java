package kr.civilportal.passport.appointment;

import java.time.Instant;
import java.util.UUID;

/** A pickup slot with the places still free. */
public record SlotView(UUID id, String officeId, String officeName, Instant startsAt, int capacity, int remaining) {
}
