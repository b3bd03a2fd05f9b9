package kr.civilportal.emergency.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kr.civilportal.emergency.dispatch.EventKind;
import kr.civilportal.emergency.dispatch.ReportEvent;
import kr.civilportal.emergency.phone.CallbackNumberRead;
import kr.civilportal.emergency.phone.PhoneCipher;
import kr.civilportal.emergency.phone.PhoneNumber;
import kr.civilportal.emergency.receipt.ReceiptToken;
import kr.civilportal.emergency.report.EmergencyReport;
import kr.civilportal.emergency.report.ReportCategory;
import kr.civilportal.testsupport.contract.Contract;
import kr.civilportal.testsupport.contract.ProviderContracts;
import org.junit.jupiter.api.Test;

/**
 * The 119 service keeps what its consumers' real clients send and read: every contract in
 * {@code src/test/resources/contracts} (written by the web apps' builds) is replayed against this service with its
 * real database and Keycloak. A field renamed, removed or retyped in an answer a consumer reads fails here.
 */
@QuarkusTest
class ConsumerContractsTest {


    @Inject
    PhoneCipher cipher;

    /**
     * The data each contract's answer needs. A report a reporter follows is made here, as the reporter's own
     * report would be (the demo reports have no receipt token anyone knows, and their times move with the start);
     * the others are checked in the database, so a contract never passes on data the service does not hold.
     */
    private Map<Pattern, Predicate<Matcher>> states() {
        return Map.of(
                Pattern.compile("report (\\S+) was received at (\\S+) from (\\S+) with the receipt token (\\S+)"),
                state -> {
                    UUID id = UUID.fromString(state.group(1));
                    if (EmergencyReport.findById(id) == null) {
                        EmergencyReport report = EmergencyReport.received(id, ReportCategory.OTHER,
                                "계약 시험: 접수증을 확인하는 신고", 37.5665, 126.9780, null, null,
                                PhoneNumber.parse(state.group(3)), Instant.parse(state.group(2)), cipher);
                        report.receiptTokenHash = ReceiptToken.hash(state.group(4));
                        report.persist();
                    }
                    return true;
                },
                Pattern.compile("report (\\S+) was received at (\\S+) from (\\S+), its history started"),
                state -> {
                    UUID id = UUID.fromString(state.group(1));
                    if (EmergencyReport.findById(id) == null) {
                        Instant at = Instant.parse(state.group(2));
                        EmergencyReport.received(id, ReportCategory.OTHER, "계약 시험: 상황 요원이 메모를 남기는 신고",
                                37.5665, 126.9780, null, null, PhoneNumber.parse(state.group(3)), at, cipher).persist();
                        ReportEvent.of(id, EventKind.RECEIVED, at, null, null).persist();
                    }
                    return true;
                },
                Pattern.compile("no report has the id (\\S+)"),
                state -> EmergencyReport.findById(UUID.fromString(state.group(1))) == null,
                Pattern.compile("nobody named (\\S+) read call-back numbers"),
                state -> CallbackNumberRead.count("official", state.group(1)) == 0);
    }

    @Test
    void everyConsumersContractIsKept() {
        List<Contract> contracts = ProviderContracts.committed();
        assertFalse(contracts.isEmpty(), "the 119 service's consumers have contracts in src/test/resources/contracts");
        assertEquals(List.of(), ProviderContracts.breaches(contracts, states(),
                check -> QuarkusTransaction.requiringNew().call(check), Map.of()),
                "what the 119 service's consumers send and read");
    }
}
