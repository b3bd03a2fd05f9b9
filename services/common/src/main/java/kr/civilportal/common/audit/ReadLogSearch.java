package kr.civilportal.common.audit;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import kr.civilportal.common.problem.Problem;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.common.time.KoreanTime;

/**
 * An auditor's search of a service's read log (열람 기록 감사): the reads by one official (or by anyone) of one
 * record (or of any) on the Korean calendar days {@code from} to {@code to}, both included. The parameters arrive as text so that a
 * malformed one is a field error, not a bare 404; every bad field is named at once and nothing is read.
 *
 * @param official the official's user name as the log names them, or null for every official
 * @param recordId the id of the record read, as {@link RecordRead#recordId()} shows it, or null for every record;
 *                 each service matches it against its own kind of id, so one that cannot be such an id finds nothing
 * @param since    the first instant searched (00:00 KST of {@code from})
 * @param until    the first instant after the search (00:00 KST of the day after {@code to})
 * @param limit    the most entries one answer lists
 */
public record ReadLogSearch(String official, String recordId, Instant since, Instant until, int limit) {

    /** As long as the log's own user names (the log columns are 100 wide). */
    public static final int OFFICIAL_MAX = 100;

    /**
     * Longer than any service's record id (a UUID is 36 characters, a PNU 19) with room to spare, yet short enough
     * that a pasted page of text is refused rather than sent to four databases.
     */
    public static final int RECORD_ID_MAX = 100;

    /** A search of every record's reads, as before record ids could be searched. */
    public ReadLogSearch(String official, Instant since, Instant until, int limit) {
        this(official, null, since, until, limit);
    }

    /**
     * Reads the query: {@code to} defaults to today, {@code from} to {@code to} minus the default span less a day;
     * {@code from} after {@code to}, or a span over {@link AuditSettings#longestSpanDays()}, is refused.
     */
    public static ReadLogSearch parse(String official, String from, String to, LocalDate today, AuditSettings settings) {
        return parse(official, null, from, to, today, settings);
    }

    /**
     * As {@link #parse(String, String, String, LocalDate, AuditSettings)}, and only the reads of the record
     * {@code recordId} if one is given (trimmed; blank is every record).
     */
    public static ReadLogSearch parse(String official, String recordId, String from, String to, LocalDate today,
                                      AuditSettings settings) {
        List<Problem.FieldError> errors = new ArrayList<>();
        String who = official == null || official.isBlank() ? null : official.strip();
        if (who != null && who.length() > OFFICIAL_MAX) {
            errors.add(new Problem.FieldError("official", "The user name must be at most " + OFFICIAL_MAX + " characters."));
        }
        String what = recordId == null || recordId.isBlank() ? null : recordId.strip();
        if (what != null && what.length() > RECORD_ID_MAX) {
            errors.add(new Problem.FieldError("recordId",
                    "The record id must be at most " + RECORD_ID_MAX + " characters."));
        }
        LocalDate last = date("to", to, errors);
        LocalDate lastDay = last == null ? today : last;
        LocalDate first = date("from", from, errors);
        LocalDate firstDay = first == null ? lastDay.minusDays(settings.defaultSpanDays() - 1L) : first;
        if (errors.isEmpty()) {
            if (firstDay.isAfter(lastDay)) {
                errors.add(new Problem.FieldError("from", "from must not be after to."));
            } else if (ChronoUnit.DAYS.between(firstDay, lastDay) + 1 > settings.longestSpanDays()) {
                errors.add(new Problem.FieldError("from",
                        "A search covers at most " + settings.longestSpanDays() + " days."));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return new ReadLogSearch(who, what, firstDay.atStartOfDay(KoreanTime.ZONE).toInstant(),
                lastDay.plusDays(1).atStartOfDay(KoreanTime.ZONE).toInstant(), settings.listed());
    }

    private static LocalDate date(String field, String text, List<Problem.FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeException e) {
            errors.add(new Problem.FieldError(field, field + " must be a date like 2026-12-01."));
            return null;
        }
    }

    /**
     * The record id as a UUID, for the services whose records are named by one: empty when no record is named or
     * when the id is not a UUID's usual 36-character text (in either case), as no entry of theirs can match it.
     * {@link UUID#fromString} alone would also take forms such as {@code 1-2-3-4-5}, which no entry shows.
     */
    public Optional<UUID> recordUuid() {
        if (recordId == null) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(recordId);
            return id.toString().equalsIgnoreCase(recordId) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Rows to fetch: one more than listed, to tell whether the answer was cut. */
    public int fetch() {
        return limit + 1;
    }
}
