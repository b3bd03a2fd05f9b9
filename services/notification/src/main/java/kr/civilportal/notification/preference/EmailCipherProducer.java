package kr.civilportal.notification.preference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import kr.civilportal.notification.NotificationSettings;

/** Builds the {@link EmailCipher} from configuration; missing keys stop the service at start-up. */
@ApplicationScoped
public class EmailCipherProducer {

    @Produces
    @ApplicationScoped
    EmailCipher emailCipher(NotificationSettings settings) {
        NotificationSettings.Cipher cipher = settings.cipher();
        return EmailCipher.fromConfig(cipher.activeKeyId().orElse(null), cipher.keys().orElse(null));
    }
}
