package kr.civilportal.emergency.phone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import kr.civilportal.emergency.EmergencyReportSettings;

/** Builds the {@link PhoneCipher} from configuration; a missing key stops the service at start-up. */
@ApplicationScoped
public class PhoneCipherProducer {

    @Produces
    @ApplicationScoped
    PhoneCipher phoneCipher(EmergencyReportSettings settings) {
        EmergencyReportSettings.Phone phone = settings.phone();
        return PhoneCipher.fromConfig(phone.activeKeyId().orElse(null), phone.keys().orElse(null));
    }
}
