package kr.civilportal.passport.appointment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.passport.application.Caller;
import org.junit.jupiter.api.Test;

/** A rush on one slot: 200 applicants book at once against the real database; exactly its capacity wins. */
@QuarkusTest
class SlotConcurrencyTest {

    private static final int APPLICANTS = 200;
    private static final int CAPACITY = 7;

    @Inject
    Appointments appointments;

    @Inject
    DataSource dataSource;

    @Test
    void aSlotIsNeverOverbooked() throws Exception {
        UUID slot = SlotFixtures.slot(dataSource, CAPACITY);
        List<Caller> callers = new ArrayList<>();
        List<UUID> applications = new ArrayList<>();
        for (int i = 0; i < APPLICANTS; i++) {
            String subject = "rush-" + UUID.randomUUID();
            callers.add(new Caller(subject, null, false));
            applications.add(SlotFixtures.readyApplication(dataSource, subject));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(64);
        List<Future<String>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < APPLICANTS; i++) {
                Caller caller = callers.get(i);
                UUID application = applications.get(i);
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        int status = appointments.book(caller, application, new BookingRequest(slot),
                                UUID.randomUUID().toString(),
                                "/api/passport/v1/applications/" + application + "/appointment").response().status();
                        return String.valueOf(status);
                    } catch (ProblemException e) {
                        return e.problem().type().toString();
                    }
                }));
            }
            start.countDown();
            int booked = 0;
            int full = 0;
            for (Future<String> f : outcomes) {
                String outcome = f.get(120, TimeUnit.SECONDS);
                if (outcome.equals("201")) {
                    booked++;
                } else {
                    assertEquals("urn:civilportal:problem:slot-full", outcome);
                    full++;
                }
            }
            assertEquals(CAPACITY, booked);
            assertEquals(APPLICANTS - CAPACITY, full);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(CAPACITY, SlotFixtures.bookings(dataSource, slot), "bookings in the database");
        assertEquals(CAPACITY, SlotFixtures.booked(dataSource, slot), "the slot's counter");
        assertTrue(SlotFixtures.booked(dataSource, slot) <= CAPACITY);
    }
}
