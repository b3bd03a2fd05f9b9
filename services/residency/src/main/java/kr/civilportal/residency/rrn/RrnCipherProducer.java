package kr.civilportal.residency.rrn;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds the {@link RrnCipher} from configuration; a missing key stops the service at start-up. */
@ApplicationScoped
public class RrnCipherProducer {

    @Produces
    @ApplicationScoped
    RrnCipher rrnCipher(@ConfigProperty(name = "portal.residency.rrn.active-key-id") String activeKeyId,
                        @ConfigProperty(name = "portal.residency.rrn.keys") String keys,
                        @ConfigProperty(name = "portal.residency.rrn.lookup-key") String lookupKey) {
        return RrnCipher.fromConfig(activeKeyId, keys, lookupKey);
    }
}
