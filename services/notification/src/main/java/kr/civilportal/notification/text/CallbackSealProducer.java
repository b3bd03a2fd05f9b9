package kr.civilportal.notification.text;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import kr.civilportal.notification.NotificationSettings;

/** Builds the {@link CallbackSeal} from configuration; missing keys stop the service at start-up. */
@ApplicationScoped
public class CallbackSealProducer {

    @Produces
    @ApplicationScoped
    CallbackSeal callbackSeal(NotificationSettings settings) {
        NotificationSettings.CallbackSeal seal = settings.callbackSeal();
        return CallbackSeal.fromConfig(seal.activeKeyId().orElse(null), seal.keys().orElse(null));
    }
}
