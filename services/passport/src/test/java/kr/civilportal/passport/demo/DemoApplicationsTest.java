package kr.civilportal.passport.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DemoApplicationsTest {

    @Inject
    DemoApplications demo;

    @Inject
    DataSource dataSource;

    @Test
    void theDemoCitizenHasTheirApplicationsOnce() throws SQLException {
        assertEquals(DemoApplications.APPLICATIONS.size(), demoRows());
        demo.seed();
        assertEquals(DemoApplications.APPLICATIONS.size(), demoRows(), "seeding again adds nothing");
    }

    @Test
    void theIssuedDemoPassportHasTheHistoryOfAHandledOne() {
        given().auth().oauth2(Tokens.of("citizen"))
                .when().get("/api/passport/v1/applications/" + DemoApplications.ISSUED_APPLICATION)
                .then().statusCode(200)
                .body("status", equalTo("ISSUED"))
                .body("identityCheck", equalTo("VERIFIED"))
                .body("history.to", contains("SUBMITTED", "SUBMITTED", "UNDER_REVIEW", "APPROVED", "PRINTING",
                        "READY_FOR_PICKUP", "ISSUED"))
                .body("history[1].identityCheck", equalTo("VERIFIED"));
        given().auth().oauth2(Tokens.of("citizen"))
                .when().get("/api/passport/v1/applications/" + DemoApplications.OPEN_APPLICATION)
                .then().statusCode(200).body("history[0].to", equalTo("SUBMITTED"))
                .body("history[0].by", equalTo(DemoApplications.CITIZEN_SUBJECT));
    }

    @Test
    void replicasSeedingAtTheSameTimeDoNotCollide() throws Exception {
        // Copies of the demos under fresh ids: the real ones cannot be deleted to start over (their history is
        // append-only), and the lock and the check are the same whatever the ids.
        List<DemoApplications.Demo> fresh = DemoApplications.APPLICATIONS.stream()
                .map(d -> d.withId(UUID.randomUUID())).toList();
        int replicas = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(replicas);
        try {
            Callable<Void> seed = () -> {
                start.await();
                demo.seed(fresh);
                return null;
            };
            var futures = new java.util.ArrayList<Future<Void>>();
            for (int i = 0; i < replicas; i++) {
                futures.add(pool.submit(seed));
            }
            start.countDown();
            for (Future<Void> f : futures) {
                f.get(60, TimeUnit.SECONDS); // a duplicate-key failure would surface here
            }
        } finally {
            pool.shutdownNow();
        }
        for (DemoApplications.Demo d : fresh) {
            assertEquals(1, count("SELECT count(*) FROM passport_application WHERE id = '" + d.id() + "'"));
            assertEquals(1, count("SELECT count(*) FROM passport_status_change WHERE to_status = 'SUBMITTED' "
                    + "AND from_status IS NULL AND application_id = '" + d.id() + "'"), "one submission each");
        }
    }

    private long count(String sql) throws SQLException {
        try (var c = dataSource.getConnection(); var s = c.createStatement(); var r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private long demoRows() throws SQLException {
        try (var c = dataSource.getConnection(); var s = c.createStatement();
             var r = s.executeQuery("SELECT count(*) FROM passport_application WHERE id IN ('"
                     + DemoApplications.ISSUED_APPLICATION + "', '" + DemoApplications.OPEN_APPLICATION + "')")) {
            r.next();
            return r.getLong(1);
        }
    }
}

