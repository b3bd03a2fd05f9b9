package kr.civilportal.passport.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class IdentityCheckStateTest {

    @Test
    void onlyAnEstablishedIdentityAllowsApproval() {
        Set<IdentityCheck> approvable = Stream.of(IdentityCheck.values()).filter(IdentityCheck::allowsApproval)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(IdentityCheck.class)));
        assertEquals(EnumSet.of(IdentityCheck.VERIFIED, IdentityCheck.CONFIRMED_BY_OFFICER), approvable);
    }

    @Test
    void anOfficerSettlesOnlyWhatIsNotSettled() {
        Set<IdentityCheck> open = Stream.of(IdentityCheck.values()).filter(IdentityCheck::awaitsResolution)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(IdentityCheck.class)));
        assertEquals(EnumSet.of(IdentityCheck.PENDING, IdentityCheck.NEEDS_OFFICER), open);
    }
}
