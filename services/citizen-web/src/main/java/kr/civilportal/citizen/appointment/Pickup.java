package kr.civilportal.citizen.appointment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import kr.civilportal.citizen.passport.PassportApplication;

/** What the pickup pages show: an application with its booking, and the slots grouped by passport office. */
public final class Pickup {

    private Pickup() {
    }

    /** One of the citizen's passport applications, with its booking when it has one. */
    public record Application(PassportApplication application, Appointment booking) {
        public UUID id() {
            return application.id();
        }

        public boolean ready() {
            return application.readyForPickup();
        }

        public boolean isBooked(PickupSlot slot) {
            return booking != null && slot.id().equals(booking.slotId());
        }
    }

    /** One office's slots, in time order. */
    public record Office(String id, String name, List<PickupSlot> slots) {
    }

    static List<Office> offices(List<PickupSlot> slots) {
        Map<String, List<PickupSlot>> byOffice = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (PickupSlot s : slots) {
            names.putIfAbsent(s.officeId(), s.officeName());
            byOffice.computeIfAbsent(s.officeId(), k -> new ArrayList<>()).add(s);
        }
        List<Office> offices = new ArrayList<>();
        byOffice.forEach((office, list) -> offices.add(new Office(office, names.get(office), list)));
        return offices;
    }
}
