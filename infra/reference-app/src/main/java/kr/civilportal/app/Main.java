package kr.civilportal.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import kr.civilportal.app.client.residency.model.CertificateKind;
import kr.civilportal.app.client.residency.model.ResidentRecord;
import kr.civilportal.app.signin.PortalSignIn;

/**
 * The reference app by hand, against a running portal: {@code java -jar target/reference-app-*.jar
 * [gateway]} (default {@code http://localhost:8080}). It prints the sign-in address to open in a browser (sign in
 * as a demo citizen, e.g. {@code citizen}), then shows the record and saves a household certificate in the current
 * directory. It files no 119 report: that is for the system test's throw-away portal only.
 */
public final class Main {

    private static final Duration SIGN_IN_WAIT = Duration.ofMinutes(5);

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        String gateway = args.length > 0 ? args[0] : "http://localhost:8080";
        try (PortalSignIn signIn = PortalSignIn.begin(PortalSignIn.realmOf(gateway))) {
            System.out.println("Open this address in a browser and sign in:\n  " + signIn.authorizationUri());
            CitizenApp app = new CitizenApp(gateway, signIn.awaitSignIn(SIGN_IN_WAIT));
            ResidentRecord me = app.myRecord();
            System.out.println("Signed in: " + me.getName() + ", " + me.getResidentRegistrationNumber()
                    + ", " + me.getAddress());
            CitizenApp.IssuedCertificate certificate = app.issueCertificate(CertificateKind.HOUSEHOLD, UUID.randomUUID());
            Path saved = Path.of("certificate-" + certificate.issuanceNumber() + ".pdf");
            Files.write(saved, certificate.pdf());
            System.out.println("Household certificate " + certificate.issuanceNumber() + " saved to " + saved);
        } catch (ApiFailure failure) {
            System.err.println("The portal answered " + failure.status() + " " + failure.type() + ": "
                    + failure.detailKo());
            System.exit(1);
        }
    }
}
