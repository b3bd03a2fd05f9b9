package kr.civilportal.emergency.phone;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import kr.civilportal.emergency.EmergencyReportSettings;

/**
 * Builds the {@link CallbackSeal} from configuration. Every dispatch step writes an event (the outbox is always on in
 * this service), so a missing key stops the service at start-up rather than at a dispatcher's first step, where each
 * event would silently go without its call-back number.
 */
@ApplicationScoped
public class CallbackSealProducer {

    @Produces
    @Singleton
    CallbackSeal callbackSeal(EmergencyReportSettings settings) {
        EmergencyReportSettings.CallbackSeal seal = settings.callbackSeal();
        return CallbackSeal.fromConfig(seal.activeKeyId().orElse(null), seal.keys().orElse(null));
    }

    /** Builds the seal at start (a bean is otherwise made on first use), so that a missing key is known at once. */
    void checkAtStart(@Observes StartupEvent start, CallbackSeal seal) {
        seal.activeKeyId();
    }
}
