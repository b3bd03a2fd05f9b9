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
            state -> PhotoRead.count("official", state.group(1)) == 0);

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
