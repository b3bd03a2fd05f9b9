package kr.civilportal.residency.resident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import javax.sql.DataSource;
import kr.civilportal.residency.movein.MoveInReport;
import kr.civilportal.residency.rrn.ResidentRegistrationNumber;
import kr.civilportal.residency.rrn.RrnCipher;
import kr.civilportal.common.testing.Rows;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

/**
 * 관할 of officers' reads of a resident's record: a resident of 해운대구 is 해운대구청's officer's to read, not
 * 종로구청's, until a move-in report of theirs waits at 종로구청 (its officer reads where the mover lives now, to
 * decide it), and no longer once it is decided. To another office's officer the record does not exist (404, by id
 * and by number alike), and nothing is written to the access log: nothing was read.
 */
@QuarkusTest
class RecordReadJurisdictionTest {

    static final String RECORDS = "/api/residency/v1/officer/residents";
    /** A resident of this test's own, so that no other test's move-in changes where they live. */
    static final UUID RESIDENT = UUID.fromString("5e0b7a52-1c1d-4c9e-9f00-0000000000a7");
    static final UUID HOUSEHOLD = UUID.fromString("8d3f0c11-7a2b-4f60-b1a0-0000000000a7");
    static final String NUMBER = "700101-1987658";
    static final UUID REPORT = UUID.fromString("3c9d2f10-6a7b-4e8c-9d01-0000000000b7");

    @Inject
    RrnCipher cipher;

    @Inject
    DataSource dataSource;

    @Test
    void anotherOfficesOfficerReadsARecordOnlyWhileAMoveInWaitsThere() throws SQLException {
        livingInHaeundae();
        String jongno = Tokens.of("residency-officer3");
        String haeundae = Tokens.of("residency-officer2");
        long logged = reads();

        given().auth().oauth2(haeundae).queryParam("reason", "전입 사실 조사").when().get(RECORDS + "/" + RESIDENT)
                .then().statusCode(200).body("record.name", equalTo("최도현"));
        assertEquals(logged + 1, reads());

        given().auth().oauth2(jongno).queryParam("reason", "전입 사실 조사").when().get(RECORDS + "/" + RESIDENT)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(jongno).contentType("application/json")
                .body("{\"residentRegistrationNumber\":\"" + NUMBER + "\",\"reason\":\"전입 사실 조사\"}")
                .when().post(RECORDS + "/search").then().statusCode(404)
                .body("detail", equalTo("No resident with this registration number."));
        assertEquals(logged + 1, reads(), "a refused read is no read");

        // A move-in of theirs to 종로구 waits at 종로구청: its officer reads where they live now.
        QuarkusTransaction.requiringNew().run(() -> {
            MoveInReport report = new MoveInReport();
            report.id = REPORT;
            report.residentId = RESIDENT;
            report.mode = MoveInReport.Mode.NEW_HOUSEHOLD;
            report.address = "서울특별시 종로구 삼청로 30, 5층";
            report.relationToHead = RelationToHead.HEAD;
            report.movedInOn = LocalDate.now();
            report.submittedAt = OffsetDateTime.now();
            report.status = MoveInReport.Status.SUBMITTED;
            report.officeId = "SEOUL-JONGNO";
            report.persist();
        });
        given().auth().oauth2(jongno).contentType("application/json")
                .body("{\"residentRegistrationNumber\":\"" + NUMBER + "\",\"reason\":\"전입신고 처리\"}")
                .when().post(RECORDS + "/search").then().statusCode(200)
                .body("record.residentRegistrationNumber", equalTo("700101-1******"));
        assertEquals(logged + 2, reads());

        // Decided: 종로구청 has nothing more to do with them.
        given().auth().oauth2(jongno).contentType("application/json").body("{\"reason\":\"거주 사실 미확인\"}")
                .when().post("/api/residency/v1/officer/move-ins/" + REPORT + "/rejection").then().statusCode(200);
        given().auth().oauth2(jongno).queryParam("reason", "전입 사실 조사").when().get(RECORDS + "/" + RESIDENT)
                .then().statusCode(404);
        assertEquals(logged + 2, reads());
    }

    private void livingInHaeundae() {
        QuarkusTransaction.requiringNew().run(() -> {
            if (Resident.findById(RESIDENT) != null) {
                return;
            }
            Household household = new Household();
            household.id = HOUSEHOLD;
            household.address = "부산광역시 해운대구 해운대해변로 264 (중동), 1801호";
            household.persist();
            Resident.create(RESIDENT, "최도현", ResidentRegistrationNumber.parse(NUMBER), household,
                    RelationToHead.HEAD, cipher).persist();
        });
    }

    private long reads() throws SQLException {
        return Rows.count(dataSource, "SELECT count(*) FROM access_log WHERE resident_id = ? AND action = 'READ_RECORD'", RESIDENT);
    }
}
