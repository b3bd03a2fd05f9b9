package kr.civilportal.residency.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Loading the register at start: everything in the file is there, and loading it again changes nothing. */
@QuarkusTest
class AddressRegisterLoaderTest {

    static final String EXTRACT = "address-register/road-name-addresses.txt";

    @Inject
    AddressRegisterLoader loader;

    @Inject
    DataSource dataSource;

    @Test
    void theRegisterHoldsEveryRowOfTheFileAndASecondLoadRewritesNone() throws SQLException, IOException {
        long rowsInFile = rowsInExtract();
        String before = versions();

        AddressRegisterLoader.Loaded again = loader.load();

        assertEquals(rowsInFile, again.read(), "every line but the comments read");
        assertEquals(0, again.written(), "nothing changed, nothing written");
        assertEquals(rowsInFile, again.held());
        assertEquals(before, versions(), "no row rewritten (its xmin would change)");
    }

    @Test
    void aChangedRowIsWrittenBackAsTheFileSaysOnTheNextLoad() throws SQLException {
        execute("UPDATE road_name_address SET postal_code = '99999' WHERE building_name = '벡스코'");
        AddressRegisterLoader.Loaded loaded = loader.load();
        assertEquals(1, loaded.written());
        assertEquals("48060", single("SELECT postal_code FROM road_name_address WHERE building_name = '벡스코'"));
    }

    @Test
    void aMalformedLineNamesItsLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AddressRegisterLoader.row("1|2|3", 7));
        assertTrue(e.getMessage().contains("line 7"), e.getMessage());
        String badFlag = "11110119410010100020900000|1111011900|서울특별시|종로구|세종로|111104100101|세종대로|Y|209|0|"
                + "03171|1111053000|사직동|정부서울청사";
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AddressRegisterLoader.row(badFlag, 3))
                .getMessage().contains("지하여부"));
    }

    private static long rowsInExtract() throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(EXTRACT)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).count();
        }
    }

    private String versions() throws SQLException {
        return single("SELECT string_agg(management_number || ':' || xmin::text, ',' ORDER BY management_number) "
                + "FROM road_name_address");
    }

    private String single(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }
}
