package kr.civilportal.residency.certificate;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import kr.civilportal.residency.resident.AddressHistory;
import kr.civilportal.residency.resident.RelationToHead;

/**
 * What a certificate attests, as stored and hashed. Registration numbers are masked here; when the holder
 * asked to see their own back digits, {@code holderBackDigitsShown} says so and the PDF is rendered with the
 * holder's decrypted number, which is never stored in the clear.
 */
public record AttestedData(
        String issuanceNumber,
        CertificateKind kind,
        OffsetDateTime issuedAt,
        Person holder,
        boolean holderBackDigitsShown,
        boolean formerAddressesIncluded,
        Household household,
        List<Address> addresses) {

    public record Person(String name, String residentRegistrationNumber, RelationToHead relationToHead,
                         LocalDate movedInOn) {
    }

    /** Present on a household certificate (등본) only. */
    public record Household(String address, String headName, List<Person> members) {
    }

    public record Address(LocalDate movedInOn, String address, AddressHistory.Reason reason) {
    }
}
