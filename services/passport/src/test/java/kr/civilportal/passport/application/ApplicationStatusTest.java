package kr.civilportal.passport.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApplicationStatusTest {

    @Test
    void theHappyPathRunsFromSubmittedToIssued() {
        ApplicationStatus[] path = {ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW,
                ApplicationStatus.APPROVED, ApplicationStatus.PRINTING, ApplicationStatus.READY_FOR_PICKUP,
                ApplicationStatus.ISSUED};
        for (int i = 0; i + 1 < path.length; i++) {
            assertTrue(path[i].canMoveTo(path[i + 1]), path[i] + " -> " + path[i + 1]);
        }
    }

    @Test
    void anApplicationWaitingForItsPaymentIsReceivedOrEndedUnpaid() {
        assertEquals(EnumSet.of(ApplicationStatus.SUBMITTED, ApplicationStatus.REJECTED),
                ApplicationStatus.AWAITING_PAYMENT.next(), "paid, or unpaid past its payment deadline");
        assertTrue(ApplicationStatus.AWAITING_PAYMENT.awaitsPayment());
        assertFalse(ApplicationStatus.AWAITING_PAYMENT.owedByTheOffice(), "no 처리기한 runs before it is paid");
        assertFalse(ApplicationStatus.AWAITING_PAYMENT.isFinal());
    }

    @Test
    void aSupplementRequestReturnsToReview() {
        assertTrue(ApplicationStatus.UNDER_REVIEW.canMoveTo(ApplicationStatus.SUPPLEMENT_REQUESTED));
        assertTrue(ApplicationStatus.SUPPLEMENT_REQUESTED.canMoveTo(ApplicationStatus.UNDER_REVIEW));
        assertFalse(ApplicationStatus.SUPPLEMENT_REQUESTED.canMoveTo(ApplicationStatus.APPROVED));
    }

    @Test
    void rejectionOnlyBeforeApprovalAndNoStepIsSkipped() {
        assertTrue(ApplicationStatus.SUBMITTED.canMoveTo(ApplicationStatus.REJECTED));
        assertFalse(ApplicationStatus.APPROVED.canMoveTo(ApplicationStatus.REJECTED));
        assertFalse(ApplicationStatus.SUBMITTED.canMoveTo(ApplicationStatus.APPROVED));
        assertFalse(ApplicationStatus.PRINTING.canMoveTo(ApplicationStatus.ISSUED));
        for (ApplicationStatus s : ApplicationStatus.values()) {
            assertFalse(s.canMoveTo(s), s + " does not move to itself");
            // Received once: only an application waiting for its online payment becomes SUBMITTED (paid).
            assertEquals(s == ApplicationStatus.AWAITING_PAYMENT, s.canMoveTo(ApplicationStatus.SUBMITTED),
                    "nothing goes back to SUBMITTED");
            assertFalse(s.canMoveTo(ApplicationStatus.AWAITING_PAYMENT), "nothing goes back to AWAITING_PAYMENT");
        }
    }

    @Test
    void onlyIssuedAndRejectedAreFinalAndEveryStatusCanReachOne() {
        Set<ApplicationStatus> finals = EnumSet.noneOf(ApplicationStatus.class);
        for (ApplicationStatus s : ApplicationStatus.values()) {
            if (s.isFinal()) {
                finals.add(s);
            }
        }
        assertEquals(EnumSet.of(ApplicationStatus.ISSUED, ApplicationStatus.REJECTED), finals);

        // Every status is reachable from where an application starts (received at once, or waiting for its online
        // payment): none is declared but unused.
        Set<ApplicationStatus> reached = EnumSet.of(ApplicationStatus.SUBMITTED, ApplicationStatus.AWAITING_PAYMENT);
        var queue = new ArrayDeque<>(reached);
        while (!queue.isEmpty()) {
            for (ApplicationStatus n : queue.poll().next()) {
                if (reached.add(n)) {
                    queue.add(n);
                }
            }
        }
        assertEquals(EnumSet.allOf(ApplicationStatus.class), reached);
    }
}
