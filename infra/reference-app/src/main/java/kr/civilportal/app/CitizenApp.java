package kr.civilportal.app;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import kr.civilportal.app.client.emergency.api.ReceiptsApi;
import kr.civilportal.app.client.emergency.api.ReportsApi;
import kr.civilportal.app.client.emergency.model.AttachmentAddition;
import kr.civilportal.app.client.emergency.model.ReceiptStatus;
import kr.civilportal.app.client.emergency.model.ReportReceipt;
import kr.civilportal.app.client.emergency.model.ReportRequest;
import kr.civilportal.app.client.residency.api.CertificatesApi;
import kr.civilportal.app.client.residency.api.MyRecordApi;
import kr.civilportal.app.client.residency.model.CertificateKind;
import kr.civilportal.app.client.residency.model.CertificateRequest;
import kr.civilportal.app.client.residency.model.ResidentRecord;
import kr.civilportal.app.signin.PortalSignIn;

/**
 * What a citizen's phone app does with the portal, on the clients generated from the published documents
 * ({@code kr.civilportal.app.client.*}, built from each service's OpenAPI document by OpenAPI Generator): every call
 * goes to the gateway; signed-in calls carry the citizen's access token; writes carry an Idempotency-Key the app
 * keeps for the retries of that one write.
 */
public final class CitizenApp {

    private final MyRecordApi record;
    private final CertificatesApi certificates;
    private final ReportsApi reports;
    private final ReceiptsApi receipts;

    /**
     * @param gateway the portal's address, e.g. {@code http://localhost:8080}
     * @param citizen the signed-in citizen, or null for an app that has not signed in (a 119 report needs no login)
     */
    public CitizenApp(String gateway, PortalSignIn.SignedIn citizen) {
        var residency = new kr.civilportal.app.client.residency.ApiClient();
        residency.updateBaseUri(gateway);
        if (citizen != null) {
            residency.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token(citizen)));
        }
        record = new MyRecordApi(residency);
        certificates = new CertificatesApi(residency);
        // 119 is called without a token on purpose: an expired session must never stand between a citizen and 119.
        var emergency = new kr.civilportal.app.client.emergency.ApiClient();
        emergency.updateBaseUri(gateway);
        reports = new ReportsApi(emergency);
        receipts = new ReceiptsApi(emergency);
    }

    /** 내 주민등록 정보: the number comes back masked (front six digits and the first of the back). */
    public ResidentRecord myRecord() throws ApiFailure {
        return ApiFailure.of(record::getMyRecord);
    }

    /** A certificate as issued: its number (문서확인번호) for verification, and the PDF. */
    public record IssuedCertificate(String issuanceNumber, byte[] pdf) {
    }

    /** 등본·초본 발급. The same {@code idempotencyKey} on a retry gets the same certificate, not a second one. */
    public IssuedCertificate issueCertificate(CertificateKind kind, UUID idempotencyKey) throws ApiFailure {
        var answer = ApiFailure.of(() -> certificates.issueCertificateWithHttpInfo(
                new CertificateRequest().kind(kind).includeFormerAddresses(false).showBackDigits(false),
                idempotencyKey.toString()));
        String number = answer.getHeaders().getOrDefault("issuance-number", List.of()).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("No Issuance-Number header on the certificate"));
        return new IssuedCertificate(number, readAndDelete(answer.getData()));
    }

    /** 재출력: one of my certificates again, by its number. */
    public byte[] downloadCertificate(String issuanceNumber) throws ApiFailure {
        return readAndDelete(ApiFailure.of(() -> certificates.downloadCertificate(issuanceNumber)));
    }

    /**
     * 119 신고, without signing in. The report goes first and on its own, so that it is in even if a photo upload
     * then fails on a weak connection; the receipt that comes back lets the app add photos and follow the report.
     */
    public ReportReceipt report(ReportRequest report, UUID idempotencyKey) throws ApiFailure {
        return ApiFailure.of(() -> reports.submitEmergencyReport(report, idempotencyKey.toString()));
    }

    /** Photos or videos for a report already made, with its receipt. */
    public AttachmentAddition addToReport(ReportReceipt receipt, List<File> files, UUID idempotencyKey)
            throws ApiFailure {
        return ApiFailure.of(() -> receipts.addReceiptAttachments(receipt.getReportId(), idempotencyKey.toString(),
                receipt.getReceiptToken(), files));
    }

    /** Where the report stands (접수, 출동, 종결), with the receipt: no login. */
    public ReceiptStatus follow(ReportReceipt receipt) throws ApiFailure {
        return ApiFailure.of(() -> receipts.getReceiptStatus(receipt.getReportId(), receipt.getReceiptToken()));
    }

    private static String token(PortalSignIn.SignedIn citizen) {
        try {
            return citizen.accessToken();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while refreshing the sign-in", e);
        }
    }

    private static byte[] readAndDelete(File downloaded) {
        try {
            return Files.readAllBytes(downloaded.toPath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            downloaded.delete();
        }
    }
}
