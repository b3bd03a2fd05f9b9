package kr.civilportal.citizen.passport;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import kr.civilportal.web.page.FormFields;

/**
 * A passport application being filled in (작성 중), kept on the server for its user: closing the browser
 * loses nothing, and the next visit continues where they left off. The choices are kept as the form sent them.
 */
public class PassportDraft {

    public static final List<String> PAGES = List.of("58", "26");

    public String kind = "";
    public String validity = "";
    public String pages = "";
    /** 접수 기관, chosen on the review step. */
    public String office = "";
    /** 수수료 납부 방법, chosen on the review step: online by card unless the citizen picks the office's counter. */
    public String payment = PaymentMethod.ONLINE.name();
    public byte[] photo;
    public String photoName = "";
    public Instant savedAt = Instant.now();
    /** The final submission's key: a double click or a resend submits one application. */
    public String idempotencyKey = UUID.randomUUID().toString();

    public ApplicationKind kindChosen() {
        return FormFields.choice(ApplicationKind.class, kind);
    }

    public Validity validityChosen() {
        return FormFields.choice(Validity.class, validity);
    }

    public boolean choicesComplete() {
        return kindChosen() != null && validityChosen() != null && pages != null && PAGES.contains(pages);
    }

    /** What passport is sent (the choices must be complete). */
    public PassportClient.Request request() {
        return new PassportClient.Request(kindChosen(), validityChosen(), Integer.parseInt(pages),
                office == null || office.isBlank() ? null : office, paymentChosen());
    }

    public PaymentMethod paymentChosen() {
        return FormFields.choice(PaymentMethod.class, payment);
    }

    public List<PaymentMethod> paymentMethods() {
        return Arrays.asList(PaymentMethod.values());
    }

    public boolean isPayment(PaymentMethod p) {
        return p == paymentChosen();
    }

    public boolean hasPhoto() {
        return photo != null && photo.length > 0;
    }

    public int photoKilobytes() {
        return photo == null ? 0 : (photo.length + 1023) / 1024;
    }

    public List<ApplicationKind> kinds() {
        return Arrays.asList(ApplicationKind.values());
    }

    public List<Validity> validities() {
        return Arrays.asList(Validity.values());
    }

    public List<String> pageCounts() {
        return PAGES;
    }

    public boolean isKind(ApplicationKind k) {
        return k == kindChosen();
    }

    public boolean isValidity(Validity v) {
        return v == validityChosen();
    }

    public boolean officeChosen(String id) {
        return id.equals(office);
    }

    public boolean pagesChosen(String p) {
        return p.equals(pages);
    }
}
