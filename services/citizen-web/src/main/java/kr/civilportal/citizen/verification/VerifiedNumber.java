package kr.civilportal.citizen.verification;

import java.time.OffsetDateTime;

/**
 * What the verification page shows for a genuine number, whichever service issued the document: what it is, when it
 * was issued, the hash of what it attests, for an extract the parcel's address (a public record), and the content
 * as printed (numbers and owner names masked), to compare line by line with the paper in hand.
 */
public record VerifiedNumber(String what, OffsetDateTime issuedAt, String contentHash, String address,
                             ShownContent content) {
}
