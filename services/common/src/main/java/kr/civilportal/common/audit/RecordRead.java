package kr.civilportal.common.audit;

import java.time.Instant;

/**
 * One official's read of a citizen's personal data, in the shape every service answers an auditor with, so that
 * the console lists them side by side: which record (its kind and id: never the person's name or number), when,
 * who (the user name), in which role, what they did and the reason they gave.
 *
 * @param record  what was read, e.g. {@code RESIDENT_RECORD} or {@code PASSPORT_PHOTO}
 * @param recordId the id of the record or application within its service
 * @param action  what the official did, e.g. {@code READ_RECORD}
 */
public record RecordRead(String record, String recordId, Instant readAt, String official, String role,
                         String action, String reason) {
}
