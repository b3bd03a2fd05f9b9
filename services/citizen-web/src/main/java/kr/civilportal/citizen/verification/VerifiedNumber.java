package kr.civilportal.citizen.verification;

import java.time.OffsetDateTime;

/**
 * What the verification page shows for a genuine number, whichever service issued the document: what it is, when it
 * was issued, the hash of what it attests, and for an extract the parcel's address (a public record).
 */
public record VerifiedNumber(String what, OffsetDateTime issuedAt, String contentHash, String address) {
}
