package kr.civilportal.common.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import kr.civilportal.common.problem.Problem;
import kr.civilportal.common.problem.ProblemException;
import org.junit.jupiter.api.Test;

class ReadLogSearchTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 5);
    static final AuditSettings SETTINGS = new AuditSettings() {
        @Override
        public int listed() {
            return 3;
        }

        @Override
        public int defaultSpanDays() {
            return 31;
        }

        @Override
        public int longestSpanDays() {
            return 366;
        }
    };

    @Test
    void daysAreKoreanCalendarDaysWithBothEndsIncluded() {
        ReadLogSearch s = ReadLogSearch.parse(" passport-officer ", "2026-12-01", "2026-12-04", TODAY, SETTINGS);
        assertEquals("passport-officer", s.official());
        assertEquals(Instant.parse("2026-11-30T15:00:00Z"), s.since());
        assertEquals(Instant.parse("2026-12-04T15:00:00Z"), s.until());
        assertEquals(4, s.fetch());
    }

    @Test
    void withoutDatesTheLastMonthUpToTodayIsSearchedByAnyone() {
        ReadLogSearch s = ReadLogSearch.parse("", null, " ", TODAY, SETTINGS);
        assertNull(s.official());
        assertEquals(Instant.parse("2026-11-04T15:00:00Z"), s.since(), "31 days: 11-05 to 12-05");
        assertEquals(Instant.parse("2026-12-05T15:00:00Z"), s.until());
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> ReadLogSearch.parse("x".repeat(101), "2026-13-01", "yesterday", TODAY, SETTINGS));
        assertEquals(400, e.problem().status());
        assertEquals(List.of("official", "to", "from"), e.problem().errors().stream().map(Problem.FieldError::field).toList());
    }

    @Test
    void aRecordIdIsTrimmedAndBlankMeansEveryRecord() {
        ReadLogSearch one = ReadLogSearch.parse(null, " 1168010100100010000 ", null, null, TODAY, SETTINGS);
        assertEquals("1168010100100010000", one.recordId());
        assertNull(ReadLogSearch.parse(null, "  ", null, null, TODAY, SETTINGS).recordId());
        assertNull(ReadLogSearch.parse("o", null, null, TODAY, SETTINGS).recordId(), "the old parse searches every record");
        String longest = "r".repeat(ReadLogSearch.RECORD_ID_MAX);
        assertEquals(longest, ReadLogSearch.parse(null, longest, null, null, TODAY, SETTINGS).recordId());
    }

    @Test
    void aRecordIdIsAUuidOnlyInItsUsualText() {
        String id = "0b7e3c52-6f1d-4d8e-9a51-2f0c8d7a1e44";
        assertEquals(UUID.fromString(id), parse(id).recordUuid().orElseThrow());
        assertEquals(UUID.fromString(id), parse(id.toUpperCase()).recordUuid().orElseThrow());
        assertTrue(parse("1-2-3-4-5").recordUuid().isEmpty());
        assertTrue(parse("1168010100100010000").recordUuid().isEmpty());
        assertTrue(parse(null).recordUuid().isEmpty());
    }

    private static ReadLogSearch parse(String recordId) {
        return ReadLogSearch.parse(null, recordId, null, null, TODAY, SETTINGS);
    }

    @Test
    void aRecordIdTooLongIsAFieldErrorWithTheOthers() {
        ProblemException e = assertThrows(ProblemException.class, () -> ReadLogSearch.parse(null,
                "r".repeat(ReadLogSearch.RECORD_ID_MAX + 1), "2026-13-01", null, TODAY, SETTINGS));
        assertEquals(400, e.problem().status());
        assertEquals(List.of("recordId", "from"), e.problem().errors().stream().map(Problem.FieldError::field).toList());
        assertTrue(e.problem().errors().getFirst().detail().contains(String.valueOf(ReadLogSearch.RECORD_ID_MAX)));
    }

    @Test
    void aStartAfterTheEndOrASpanOverAYearIsRefused() {
        ProblemException after = assertThrows(ProblemException.class,
                () -> ReadLogSearch.parse(null, "2026-12-05", "2026-12-04", TODAY, SETTINGS));
        assertEquals("from", after.problem().errors().getFirst().field());
        ProblemException tooLong = assertThrows(ProblemException.class,
                () -> ReadLogSearch.parse(null, "2025-12-04", "2026-12-05", TODAY, SETTINGS));
        assertTrue(tooLong.problem().errors().getFirst().detail().contains("366"));
        ReadLogSearch year = ReadLogSearch.parse(null, "2025-12-05", "2026-12-05", TODAY, SETTINGS);
        assertEquals(Instant.parse("2025-12-04T15:00:00Z"), year.since());
    }

    @Test
    void anAnswerSaysWhenItWasCut() {
        ReadLogSearch s = ReadLogSearch.parse(null, null, null, TODAY, SETTINGS);
        List<RecordRead> four = IntStream.range(0, 4).mapToObj(i -> new RecordRead("R", "" + i, Instant.EPOCH, "o", "r",
                "READ", "why")).toList();
        RecordReads cut = RecordReads.of(four, s);
        assertTrue(cut.truncated());
        assertEquals(3, cut.reads().size());
        RecordReads whole = RecordReads.of(four.subList(0, 3), s);
        assertEquals(false, whole.truncated());
        assertEquals(3, whole.reads().size());
    }
}
