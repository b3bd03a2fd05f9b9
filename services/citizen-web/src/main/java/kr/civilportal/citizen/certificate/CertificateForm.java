package kr.civilportal.citizen.certificate;

import java.util.List;
import java.util.UUID;

/** The certificate form as entered. */
public class CertificateForm {
    public String kind = "HOUSEHOLD";
    public boolean includeFormerAddresses;
    public boolean showBackDigits;
    public String idempotencyKey = UUID.randomUUID().toString();

    public List<String> kinds() {
        return CertificatePage.KINDS;
    }
}
