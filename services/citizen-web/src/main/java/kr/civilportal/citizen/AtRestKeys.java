package kr.civilportal.citizen;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import kr.civilportal.common.crypto.AtRestCipher;

/**
 * citizen-web's key ring for what it keeps in its own database (passport drafts, the 119 reports a citizen filed):
 * {@code portal.web.citizen.encryption.*}, read once at start.
 */
public class AtRestKeys {

    @Produces
    @Singleton
    AtRestCipher cipher(CitizenWebSettings settings) {
        return AtRestCipher.fromConfig(settings.encryption().activeKeyId(), settings.encryption().keys());
    }
}
