package kr.civilportal.notification.preference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import kr.civilportal.notification.template.Language;
import org.jboss.logging.Logger;

/** Citizens' notification choices: read, replaced, and what the event intake needs of them. */
@ApplicationScoped
public class Preferences {

    private static final Logger LOG = Logger.getLogger(Preferences.class);

    @Inject
    EmailCipher cipher;

    Clock clock = Clock.systemUTC();

    /** What a citizen without saved choices gets: Korean, inbox only. */
    public static final PreferenceView DEFAULT = new PreferenceView(Language.KO.code(), null, false, null,
            false, false, true);

    public PreferenceView of(UUID residentId) {
        Preference p = Preference.findById(residentId);
        return p == null ? DEFAULT : view(p);
    }

    @Transactional
    public PreferenceView replace(UUID residentId, PreferenceRequest request) {
        Preference p = Preference.findById(residentId);
        if (p == null) {
            p = new Preference();
            p.residentId = residentId;
        }
        String email = request.email() == null || request.email().isBlank() ? null : request.email().strip();
        p.language = request.language();
        p.emailSealed = email == null ? null : cipher.seal(email, residentId);
        p.emailEnabled = email != null && request.emailEnabled();
        // The number is only ever shown masked, so a client cannot send it back: absent keeps it, "" removes it.
        if (request.phone() != null) {
            String phone = PhoneNumbers.mobileDigits(request.phone()).orElse(null);
            p.phoneSealed = phone == null ? null : cipher.sealPhone(phone, residentId);
        }
        boolean hasPhone = p.phoneSealed != null;
        p.smsEnabled = hasPhone && request.smsEnabled();
        p.kakaoEnabled = hasPhone && request.kakaoEnabled();
        // absent from the JSON (a client from before SMS): the protective default
        p.quietHours = request.quietHours() == null || request.quietHours();
        p.updatedAt = Instant.now(clock);
        p.persist();
        // never the number, not even masked: whether there is one says enough
        LOG.infof("Preferences of a resident set: language %s, e-mail %s, phone %s (SMS %s, KakaoTalk %s)", p.language,
                email == null ? "none" : EmailMasking.mask(email) + (p.emailEnabled ? " (on)" : " (off)"),
                hasPhone ? "given" : "none", p.smsEnabled ? "on" : "off", p.kakaoEnabled ? "on" : "off");
        return view(p);
    }

    /** The language a recipient reads notifications in (Korean unless they chose otherwise). */
    public Language languageOf(Preference p) {
        Language language = p == null ? null : Language.ofCode(p.language);
        return language == null ? Language.KO : language;
    }

    /** The address e-mails go to now, if the citizen gave one and turned e-mail on. */
    public Optional<String> emailTarget(UUID residentId) {
        Preference p = Preference.findById(residentId);
        if (p == null || !p.emailEnabled || p.emailSealed == null) {
            return Optional.empty();
        }
        return Optional.of(cipher.open(p.emailSealed, residentId));
    }

    /**
     * The mobile number texts to this citizen go to now: given, and SMS or KakaoTalk still on (a 대체발송 SMS after
     * 알림톡 failed goes to a citizen who turned on KakaoTalk only).
     */
    public Optional<String> phoneTarget(UUID residentId) {
        Preference p = Preference.findById(residentId);
        if (p == null || p.phoneSealed == null || !(p.smsEnabled || p.kakaoEnabled)) {
            return Optional.empty();
        }
        return Optional.of(cipher.openPhone(p.phoneSealed, residentId));
    }

    /** Whether the citizen keeps quiet hours (방해 금지); on for a citizen who chose nothing. */
    public boolean keepsQuietHours(UUID residentId) {
        Preference p = Preference.findById(residentId);
        return p == null || p.quietHours;
    }

    private PreferenceView view(Preference p) {
        return new PreferenceView(languageOf(p).code(),
                p.emailSealed == null ? null : cipher.open(p.emailSealed, p.residentId), p.emailEnabled,
                p.phoneSealed == null ? null : PhoneNumbers.mask(cipher.openPhone(p.phoneSealed, p.residentId)),
                p.smsEnabled, p.kakaoEnabled, p.quietHours);
    }
}
