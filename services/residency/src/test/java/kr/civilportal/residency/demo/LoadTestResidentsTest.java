package kr.civilportal.residency.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;
import kr.civilportal.residency.rrn.ResidentRegistrationNumber;
import org.junit.jupiter.api.Test;

/** The load-test population (100,000 in a load test) at a small size: complete, valid, and written once. */
@QuarkusTest
class LoadTestResidentsTest {

    @Inject
    LoadTestResidents seed;

    @Inject
    DataSource dataSource;

    @Test
    void seedsWholeHouseholdsWithHistoryOnceHoweverOftenItRuns() throws SQLException {
        seed.seed(2 * LoadTestResidents.CHUNK);
        seed.seed(2 * LoadTestResidents.CHUNK);
        String generated = "id::text LIKE '5eed0000-0000-4000-%'";
        assertEquals(2 * LoadTestResidents.CHUNK, count("SELECT count(*) FROM resident WHERE " + generated));
        assertEquals(2 * LoadTestResidents.CHUNK, count("SELECT count(DISTINCT resident_id) FROM address_history WHERE resident_id::text LIKE '5eed0000-0000-4000-%'"));
        assertEquals(0, count("SELECT count(*) FROM household h WHERE h.id::text LIKE '5eed0000-0000-4001-%' AND "
                + "(SELECT count(*) FROM resident r WHERE r.household_id = h.id AND r.relation_to_head = 'HEAD') <> 1"),
                "every generated household has exactly one head");
        assertTrue(count("SELECT count(*) FROM resident WHERE " + generated + " AND name ~ '^[가-힣]{3}$'") == 2 * LoadTestResidents.CHUNK);
    }

    @Test
    void generatedNumbersAreValidAndDistinct() {
        Random random = new Random(5);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            var birth = java.time.LocalDate.of(1940, 1, 1).plusDays(random.nextInt(29_000));
            String n = LoadTestResidents.rrn(birth, random.nextBoolean(), i);
            assertEquals(birth, ResidentRegistrationNumber.parse(n).birthDate());
            assertTrue(seen.add(n.substring(8, 13)), "the serial digits are unique per index");
        }
        assertTrue(LoadTestResidents.address(new Random(1)).matches("^[가-힣 ]+ [가-힣0-9]+ \\d+.*"));
    }

    private long count(String sql) throws SQLException {
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
