package kr.civilportal.citizen.appointment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/** A pickup slot (수령 시간) of a passport office, with the places left; a full one is shown but cannot be chosen. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PickupSlot(UUID id, String officeId, String officeName, Instant startsAt, int remaining) {
    public boolean full() {
        return remaining <= 0;
    }
}
