package kr.civilportal.residency.movein;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import kr.civilportal.residency.resident.Household;
import kr.civilportal.residency.resident.RelationToHead;
import kr.civilportal.residency.resident.Resident;
import kr.civilportal.residency.rrn.ResidentRegistrationNumber;
import kr.civilportal.residency.rrn.RrnCipher;

/**
 * Households of a test's own (no demo resident moves, so that other tests find them where they were), with
 * registration numbers made up with a valid check digit.
 */
final class HouseholdMoveTestFamilies {

    /** The check digit's weights (주민등록번호 검증 가중치). */
    private static final int[] WEIGHTS = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};
    private static final int CHECK_MODULUS = 11;
    private static final int DECIMAL = 10;
    private static final int SERIAL_BOUND = 100_000;

    private HouseholdMoveTestFamilies() {
    }

    /** A household at {@code address}: the first relation given is the head's; returns the ids in that order. */
    static List<UUID> household(RrnCipher cipher, String address, String[] names, RelationToHead... relations) {
        List<UUID> ids = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            Household h = new Household();
            h.id = UUID.randomUUID();
            h.address = address;
            h.persist();
            for (int i = 0; i < relations.length; i++) {
                UUID id = UUID.randomUUID();
                Resident.create(id, names[i], ResidentRegistrationNumber.parse(number()), h, relations[i], cipher)
                        .persist();
                kr.civilportal.residency.resident.AddressHistory.of(id, h.id, address, java.time.LocalDate.of(2020, 1, 2),
                        kr.civilportal.residency.resident.AddressHistory.Reason.INITIAL_REGISTRATION).persist();
                ids.add(id);
            }
        });
        return ids;
    }

    /** A made-up number of someone born in 1985 (a national's, with a check digit). */
    static String number() {
        String digits = "850615" + "1" + String.format("%05d", ThreadLocalRandom.current().nextInt(SERIAL_BOUND));
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        }
        int check = (CHECK_MODULUS - sum % CHECK_MODULUS) % DECIMAL;
        return digits.substring(0, 6) + "-" + digits.substring(6) + check;
    }
}
