package kr.civilportal.residency.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading the register at start: everything in the file is there; a start with the file loaded last only hashes
 * it; a changed file is loaded; loading the same file whole again changes nothing.
 */
@QuarkusTest
class AddressRegisterLoaderTest {

    static final String EXTRACT = "address-register/road-name-addresses.txt";
    static final String CONFIGURED = AddressRegisterLoader.CLASSPATH + EXTRACT;

    @Inject
    AddressRegisterLoader loader;

    @Inject
    DataSource dataSource;

    @AfterEach
    void theExtractIsLoadedLast() throws SQLException {
        // Other tests search the extract: whatever a test loaded, the extract is the register again after it.
        loader.load(CONFIGURED, AddressRegisterLoader.Reload.WHEN_CHANGED);
    }

    @Test
    void aStartWithTheFileLoadedLastReadsNoRowOfItAndWritesNothing() throws SQLException, IOException {
        long rowsInFile = rowsInExtract();
        String before = versions();
        long loads = count("SELECT count(*) FROM road_name_address_load");

        AddressRegisterLoader.Loaded start = loader.load(CONFIGURED, AddressRegisterLoader.Reload.WHEN_CHANGED);

        assertTrue(start.unchanged(), "the file's hash is the last load's");
        assertEquals(0, start.read(), "not one line read");
        assertEquals(0, start.written());
        assertEquals(rowsInFile, start.held());
        assertEquals(before, versions(), "no row touched");
        assertEquals(loads, count("SELECT count(*) FROM road_name_address_load"), "no load recorded");
        assertEquals(start.sha256(), single("SELECT sha256 FROM road_name_address_load ORDER BY id DESC LIMIT 1"));
        assertEquals(Long.toString(rowsInFile),
                single("SELECT rows_read FROM road_name_address_load ORDER BY id DESC LIMIT 1"));
    }

    @Test
    void aChangedFileIsLoadedAtTheNextStartAndOnlyItsChangedRowsAreWritten(@TempDir Path dir)
            throws SQLException, IOException {
        Path changed = dir.resolve("road-name-addresses.txt");
        Files.writeString(changed, extract().replace("|48060|", "|48099|"));

        AddressRegisterLoader.Loaded start = loader.load(changed.toString(), AddressRegisterLoader.Reload.WHEN_CHANGED);

        assertFalse(start.unchanged());
        assertEquals(rowsInExtract(), start.read());
        assertEquals(1, start.written(), "벡스코's postal code alone");
        assertEquals("48099", single("SELECT postal_code FROM road_name_address WHERE building_name = '벡스코'"));
        assertTrue(loader.load(changed.toString(), AddressRegisterLoader.Reload.WHEN_CHANGED).unchanged(),
                "the next start finds it loaded");

        // The extract again (the deployment went back to it): loaded, so the register is the extract's.
        AddressRegisterLoader.Loaded back = loader.load(CONFIGURED, AddressRegisterLoader.Reload.WHEN_CHANGED);
        assertFalse(back.unchanged());
        assertEquals(1, back.written());
        assertEquals("48060", single("SELECT postal_code FROM road_name_address WHERE building_name = '벡스코'"));
    }

    @Test
    void theRegisterHoldsEveryRowOfTheFileAndAWholeReloadRewritesNone() throws SQLException, IOException {
        long rowsInFile = rowsInExtract();
        String before = versions();

        AddressRegisterLoader.Loaded again = loader.load(CONFIGURED, AddressRegisterLoader.Reload.ALWAYS);

        assertEquals(rowsInFile, again.read(), "every line but the comments read");
        assertEquals(0, again.written(), "nothing changed, nothing written");
        assertEquals(rowsInFile, again.held());
        assertEquals(before, versions(), "no row rewritten (its xmin would change)");
    }

    @Test
    void aRowChangedByHandIsWrittenBackAsTheFileSaysByAWholeReload() throws SQLException {
        execute("UPDATE road_name_address SET postal_code = '99999' WHERE building_name = '벡스코'");
        AddressRegisterLoader.Loaded loaded = loader.load(CONFIGURED, AddressRegisterLoader.Reload.ALWAYS);
        assertFalse(loaded.unchanged());
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

    private static String extract() throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(EXTRACT)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static long rowsInExtract() throws IOException {
        return extract().lines().filter(l -> !l.isBlank() && !l.startsWith("#")).count();
    }

    private long count(String sql) throws SQLException {
        return Long.parseLong(single(sql));
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
