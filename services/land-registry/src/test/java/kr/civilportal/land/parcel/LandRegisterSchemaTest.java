package kr.civilportal.land.parcel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The schema holds the register's rules even against writes that bypass the service. */
@QuarkusTest
class LandRegisterSchemaTest {

    @Inject
    DataSource dataSource;

    @Test
    void allTwentyEightLandCategoriesAreThereWithTheirOfficialCodes() throws SQLException {
        List<String> categories = new ArrayList<>();
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var r = s.executeQuery("SELECT code, name_ko FROM land_category ORDER BY code")) {
            while (r.next()) {
                categories.add(r.getString(1) + " " + r.getString(2));
            }
        }
        assertEquals(List.of("01 전", "02 답", "03 과수원", "04 목장용지", "05 임야", "06 광천지", "07 염전", "08 대",
                "09 공장용지", "10 학교용지", "11 주차장", "12 주유소용지", "13 창고용지", "14 도로", "15 철도용지",
                "16 제방", "17 하천", "18 구거", "19 유지", "20 양어장", "21 수도용지", "22 공원", "23 체육용지",
                "24 유원지", "25 종교용지", "26 사적지", "27 묘지", "28 잡종지"), categories);
    }

    @Test
    void aParcelMustLieInTheLegalDongItsPnuNames() {
        // PNU of 청운동 filed under 역삼동.
        assertRejected("INSERT INTO parcel (pnu, legal_dong_code, land_category_code, area_m2) "
                + "VALUES ('1111010100199980000', '1168010100', '08', 10)");
    }

    @Test
    void aMalformedPnuCannotBeStored() {
        assertRejected("INSERT INTO parcel (pnu, legal_dong_code, land_category_code, area_m2) "
                + "VALUES ('1111010100300010000', '1111010100', '08', 10)");
        assertRejected("INSERT INTO parcel (pnu, legal_dong_code, land_category_code, area_m2) "
                + "VALUES ('1111010100100000000', '1111010100', '08', 10)");
    }

    @Test
    void ownerHistoryCannotBeRewrittenOrErased() throws SQLException {
        String pnu = "1111010100100010000";
        String before = ownerHistory(pnu);
        assertRejected("UPDATE owner_change SET owner_name = '다른사람' WHERE pnu = '" + pnu + "'");
        assertRejected("DELETE FROM owner_change WHERE pnu = '" + pnu + "'");
        assertEquals(before, ownerHistory(pnu));
    }

    @Test
    void anOwnerShareIsAProperFraction() {
        assertRejected("INSERT INTO owner_change (pnu, seq, owner_name, share_numerator, share_denominator, changed_on,"
                + " cause, recorded_by) VALUES ('1111010100100010000', 99, '가나다', 3, 2, DATE '2020-01-01', 'SALE', 't')");
        assertRejected("INSERT INTO owner_change (pnu, seq, owner_name, share_numerator, share_denominator, changed_on,"
                + " cause, recorded_by) VALUES ('1111010100100010000', 99, '가나다', 1, 1, DATE '2020-01-01', 'THEFT', 't')");
    }

    private String ownerHistory(String pnu) throws SQLException {
        StringBuilder rows = new StringBuilder();
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var r = s.executeQuery("SELECT seq, owner_name, share_numerator, share_denominator, changed_on, cause "
                     + "FROM owner_change WHERE pnu = '" + pnu + "' ORDER BY seq")) {
            while (r.next()) {
                rows.append(r.getInt(1)).append(r.getString(2)).append(r.getInt(3)).append('/').append(r.getInt(4))
                        .append(r.getString(5)).append(r.getString(6)).append('\n');
            }
        }
        return rows.toString();
    }

    private void assertRejected(String insert) {
        assertThrows(SQLException.class, () -> {
            try (var c = dataSource.getConnection(); var s = c.createStatement()) {
                s.executeUpdate(insert);
            }
        });
    }
}
