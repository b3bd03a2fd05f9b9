package kr.civilportal.residency.rrn;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import kr.civilportal.residency.ResidencySettings;

/** Builds the {@link RrnCipher} from configuration; a missing key stops the service at start-up. */
@ApplicationScoped
public class RrnCipherProducer {

    @Produces
    @ApplicationScoped
    RrnCipher rrnCipher(ResidencySettings settings) {
        ResidencySettings.Rrn rrn = settings.rrn();
        return RrnCipher.fromConfig(rrn.activeKeyId().orElse(null), rrn.keys().orElse(null),
                rrn.lookupKey().orElse(null));
    }
}
