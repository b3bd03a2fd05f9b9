package kr.civilportal.passport.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
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
    void replicasSeedingAtTheSameTimeDoNotCollide() throws Exception {
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            s.executeUpdate("DELETE FROM passport_application WHERE applicant_subject = '"
                    + DemoApplications.CITIZEN_SUBJECT + "' AND id IN ('" + DemoApplications.ISSUED_APPLICATION
                    + "', '" + DemoApplications.OPEN_APPLICATION + "')");
        }
        int replicas = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(replicas);
        try {
            Callable<Void> seed = () -> {
                start.await();
                demo.seed();
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
        assertEquals(DemoApplications.APPLICATIONS.size(), demoRows());
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

