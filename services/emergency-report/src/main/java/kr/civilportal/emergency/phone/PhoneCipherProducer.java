package kr.civilportal.emergency.phone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds the {@link PhoneCipher} from configuration; a missing key stops the service at start-up. */
@ApplicationScoped
public class PhoneCipherProducer {

    @Produces
    @ApplicationScoped
    PhoneCipher phoneCipher(@ConfigProperty(name = "portal.emergency.phone.active-key-id") String activeKeyId,
                            @ConfigProperty(name = "portal.emergency.phone.keys") String keys) {
        return PhoneCipher.fromConfig(activeKeyId, keys);
    }
}
