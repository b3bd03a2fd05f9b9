package kr.civilportal.testsupport.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The consumer's side: the contract its tests recorded is written to {@code target/contracts} and must equal the
 * committed copy in the provider's test resources. A change in what the consumer sends or reads therefore fails
 * the consumer's build until the new contract is committed where the provider's build verifies it.
 */
public final class ConsumerContracts {

    /** Where a module's build writes the contracts its tests record (relative to the module). */
    static final Path RECORDED = Path.of("target", "contracts");

    private ConsumerContracts() {
    }

    /**
     * Writes the recorded contract and checks it against the committed one.
     *
     * @param recorded     what the consumer's tests recorded
     * @param providerTree the provider module, relative to the consumer module, e.g. {@code ../residency}
     */
    public static void assertCommitted(Contract recorded, Path providerTree) {
        Path written = RECORDED.resolve(recorded.fileName());
        Path committed = providerTree.resolve(ProviderContracts.COMMITTED).resolve(recorded.fileName());
        try {
            Files.createDirectories(written.getParent());
            Files.writeString(written, recorded.toJson());
            String current = Files.exists(committed) ? Files.readString(committed) : "";
            assertEquals(current, recorded.toJson(), "The contract " + recorded.consumer() + " -> "
                    + recorded.provider() + " changed: review the difference, then copy " + written.toAbsolutePath()
                    + " to " + committed.toAbsolutePath().normalize() + " so the provider's build verifies it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
