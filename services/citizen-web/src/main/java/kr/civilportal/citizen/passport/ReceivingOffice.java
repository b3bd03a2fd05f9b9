package kr.civilportal.citizen.passport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A passport office the citizen may apply at (접수 기관): its officers process the application and it hands the
 * passport over. Listed from the offices' pickup slots, in the order passport gives them.
 */
public record ReceivingOffice(String id, String name) {

    static List<ReceivingOffice> of(List<PassportClient.OfficeSlot> slots) {
        Map<String, String> offices = new LinkedHashMap<>();
        for (PassportClient.OfficeSlot slot : slots) {
            if (slot.officeId() != null) {
                offices.putIfAbsent(slot.officeId(), slot.officeName() == null ? slot.officeId() : slot.officeName());
            }
        }
        return offices.entrySet().stream().map(e -> new ReceivingOffice(e.getKey(), e.getValue())).toList();
    }
}
