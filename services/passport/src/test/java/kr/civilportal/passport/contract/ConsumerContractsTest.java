package kr.civilportal.passport.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.civilportal.passport.application.ApplicationKind;
import kr.civilportal.passport.application.ApplicationStatus;
import kr.civilportal.passport.application.Caller;
import kr.civilportal.passport.application.PassportApplication;
import kr.civilportal.passport.application.Validity;
import kr.civilportal.passport.demo.DemoApplications;
import kr.civilportal.passport.demo.DemoPickupSlots;
import kr.civilportal.passport.payment.Payment;
import kr.civilportal.passport.payment.PaymentMethod;
import kr.civilportal.passport.payment.PaymentRefund;
import kr.civilportal.passport.payment.PaymentState;
import kr.civilportal.passport.photo.PassportPhoto;
import kr.civilportal.passport.photo.PhotoRead;
import kr.civilportal.testsupport.contract.Contract;
import kr.civilportal.testsupport.contract.ProviderContracts;
import kr.civilportal.testsupport.contract.RosterState;
import org.junit.jupiter.api.Test;

/**
 * Passport keeps what its consumers' real clients send and read: every contract in
 * {@code src/test/resources/contracts} (written by the web apps' builds) is replayed against this service with its
 * real database, demo data and Keycloak, each caller with a real token of that demo user. A field renamed,
 * removed or retyped in an answer a consumer reads fails here.
 */
@QuarkusTest
class ConsumerContractsTest {

    /** The Keycloak subjects of the demo users whose data the contracts name. */
    private static final Map<String, String> SUBJECTS = Map.of("citizen", DemoApplications.CITIZEN_SUBJECT,
            "citizen2", "a1c2e3f4-0000-4000-8000-000000000002");

    /** The provider's page the contracts' payments were made on (the sandbox's address on a developer's machine). */
    private static final String CONTRACT_PAY_PAGE = "http://localhost:8087/pay/contract";

    /**
     * The data each contract's answer needs, checked in this service's database before the replay, so a contract
     * never passes on data the provider does not hold.
     */
    private static final Map<Pattern, Predicate<Matcher>> STATES = Map.of(
            Pattern.compile("application (\\S+) of (\\S+) is ([A-Z_]+)" + RosterState.OPTIONAL_GROUP), state -> {
                onRoster(state.group(4));
                PassportApplication application = PassportApplication.findById(UUID.fromString(state.group(1)));
                return application != null && application.applicantSubject.equals(SUBJECTS.get(state.group(2)))
                        && application.status == ApplicationStatus.valueOf(state.group(3));
            },
            Pattern.compile("application (\\S+) of (\\S+) has no pickup booking"), state -> {
                PassportApplication application = PassportApplication.findById(UUID.fromString(state.group(1)));
                return application != null && application.applicantSubject.equals(SUBJECTS.get(state.group(2)))
                        && ((Number) PassportApplication.getEntityManager()
                                .createNativeQuery("SELECT count(*) FROM pickup_booking WHERE application_id = ?1")
                                .setParameter(1, application.id).getSingleResult()).intValue() == 0;
            },
            Pattern.compile("no application has the id (\\S+)"),
            state -> PassportApplication.findById(UUID.fromString(state.group(1))) == null,
            Pattern.compile("application (\\S+) of (\\S+) has no photo"), state -> {
                PassportApplication application = PassportApplication.findById(UUID.fromString(state.group(1)));
                return application != null && application.applicantSubject.equals(SUBJECTS.get(state.group(2)))
                        && PassportPhoto.findById(application.id) == null;
            },
            Pattern.compile("application (\\S+) of (\\S+) had its photo read by (\\S+) at (\\S+) because (.+)"),
            state -> {
                UUID id = UUID.fromString(state.group(1));
                Instant readAt = Instant.parse(state.group(4));
                if (PassportApplication.findById(id) == null) {
                    PassportApplication.submit(id, new Caller(SUBJECTS.get(state.group(2)), null, false),
                            ApplicationKind.NEW, Validity.TEN_YEARS, 26, readAt.minus(Duration.ofDays(1))).persist();
                    PassportApplication.getEntityManager().flush();
                }
                if (PhotoRead.count("applicationId", id) == 0) {
                    PhotoRead read = new PhotoRead();
                    read.applicationId = id;
                    read.official = state.group(3);
                    read.readAt = readAt;
                    read.reason = state.group(5);
                    read.persist();
                }
                return SUBJECTS.get(state.group(2)).equals(
                        PassportApplication.<PassportApplication>findById(id).applicantSubject);
            },
            Pattern.compile("application (\\S+) of (\\S+) has its identity check settled"), state -> {
                PassportApplication application = PassportApplication.findById(UUID.fromString(state.group(1)));
                return application != null && application.applicantSubject.equals(SUBJECTS.get(state.group(2)))
                        && !application.identityCheck.awaitsResolution();
            },
            Pattern.compile("nobody named (\\S+) read a photo"),
            state -> PhotoRead.count("official", state.group(1)) == 0,
            Pattern.compile("application (\\S+) of (\\S+) is AWAITING_PAYMENT with the open payment (\\S+) of (\\d+) won "
                    + "at (\\S+)"), state -> {
                PassportApplication application = onlineApplication(state.group(1), state.group(2),
                        ApplicationStatus.AWAITING_PAYMENT);
                payment(application, state.group(3), PaymentState.CREATED, Integer.parseInt(state.group(4)),
                        state.group(5), null, null, null);
                return application.applicantSubject.equals(SUBJECTS.get(state.group(2)));
            },
            Pattern.compile("application (\\S+) of (\\S+) is SUBMITTED, paid online (\\d+) won at (\\S+) with approval "
                    + "(\\d+) by (.+)"), state -> {
                PassportApplication application = onlineApplication(state.group(1), state.group(2),
                        ApplicationStatus.SUBMITTED);
                payment(application, "pay_contract_paid", PaymentState.PAID, Integer.parseInt(state.group(3)),
                        CONTRACT_PAY_PAGE, Instant.parse(state.group(4)), state.group(5), state.group(6));
                return application.applicantSubject.equals(SUBJECTS.get(state.group(2)));
            },
            Pattern.compile("application (\\S+) of (\\S+) is REJECTED, paid online (\\d+) won and refunded in full at "
                    + "(\\S+)"), state -> {
                PassportApplication application = onlineApplication(state.group(1), state.group(2),
                        ApplicationStatus.REJECTED);
                int amount = Integer.parseInt(state.group(3));
                Instant refundedAt = Instant.parse(state.group(4));
                Payment paid = payment(application, "pay_contract_refunded", PaymentState.PAID, amount,
                        CONTRACT_PAY_PAGE, refundedAt.minus(Duration.ofDays(2)), "30418276", "VISA **** 4242");
                if (PaymentRefund.ofPayment(paid.id) == null) {
                    PaymentRefund refund = new PaymentRefund();
                    refund.id = UUID.randomUUID();
                    refund.paymentId = paid.id;
                    refund.amountKrw = amount;
                    refund.reason = "반려에 따른 수수료 환불";
                    refund.requestedAt = refundedAt.minus(Duration.ofMinutes(1));
                    refund.nextAttemptAt = refund.requestedAt;
                    refund.attempts = 1;
                    refund.providerRefundId = "rfd_contract";
                    refund.refundedAt = refundedAt;
                    refund.persist();
                }
                return application.applicantSubject.equals(SUBJECTS.get(state.group(2)));
            });

    /**
     * An application of the demo user paid online, in the given status, made once for the contracts. At Busan (an
     * office the other tests' officers do not work at), so a received one never shows in their lists or counts.
     */
    private static PassportApplication onlineApplication(String id, String user, ApplicationStatus status) {
        UUID applicationId = UUID.fromString(id);
        PassportApplication application = PassportApplication.findById(applicationId);
        if (application == null) {
            Instant submitted = Instant.now().minus(Duration.ofDays(3));
            application = PassportApplication.submit(applicationId, new Caller(SUBJECTS.get(user), null, false),
                    ApplicationKind.NEW, Validity.TEN_YEARS, 58, PaymentMethod.ONLINE, submitted);
            application.officeId = DemoPickupSlots.BUSAN;
            application.status = status;
            application.persist();
            PassportApplication.getEntityManager().flush();
        }
        return application;
    }

    private static Payment payment(PassportApplication application, String providerId, PaymentState state, int amount,
                                   String page, Instant paidAt, String approval, String card) {
        Payment payment = Payment.byProviderId(providerId);
        if (payment == null) {
            payment = new Payment();
            payment.id = UUID.randomUUID();
            payment.applicationId = application.id;
            payment.attempt = 1;
            payment.providerPaymentId = providerId;
            payment.state = state;
            payment.amountKrw = amount;
            payment.nextUrl = page;
            payment.createdAt = paidAt == null ? Instant.now() : paidAt.minus(Duration.ofMinutes(2));
            // Open for a day: the contract's replay may come a while after the state was made.
            payment.expiresAt = Instant.now().plus(Duration.ofDays(1));
            payment.paidAt = paidAt;
            payment.approvalNumber = approval;
            payment.cardSummary = card;
            payment.persist();
            PassportApplication.getEntityManager().flush();
        }
        return payment;
    }

    /** The demo passport officers' account ids (the dev realm), as the roster keeps them. */
    private static final Map<String, String> OFFICERS = Map.of(
            "passport-officer", "a1c2e3f4-0000-4000-8000-000000000012",
            "passport-officer2", "a1c2e3f4-0000-4000-8000-000000000018",
            "passport-officer3", "a1c2e3f4-0000-4000-8000-000000000019");

    /** "the roster lists passport-officer at SEOUL-JONGNO, …": each has used passport just now, for that office. */
    private static void onRoster(String entries) {
        if (entries == null) {
            return;
        }
        for (RosterState.Entry entry : RosterState.entries(entries)) {
            PassportApplication.getEntityManager().createNativeQuery(RosterState.UPSERT)
                    .setParameter(1, OFFICERS.get(entry.officer())).setParameter(2, entry.officer())
                    .setParameter(3, entry.office()).executeUpdate();
        }
    }

    @Test
    void everyConsumersContractIsKept() {
        List<Contract> contracts = ProviderContracts.committed();
        assertFalse(contracts.isEmpty(), "passport's consumers have contracts in src/test/resources/contracts");
        assertEquals(List.of(), ProviderContracts.breaches(contracts, STATES,
                check -> QuarkusTransaction.requiringNew().call(check), Map.of()),
                "what passport's consumers send and read");
    }
}
