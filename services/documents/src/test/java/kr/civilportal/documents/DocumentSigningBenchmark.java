package kr.civilportal.documents;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import kr.civilportal.launcher.signing.DevCertificateAuthority;
import kr.civilportal.launcher.signing.DevSigningAuthority;
import org.junit.jupiter.api.Test;

/**
 * What signing adds to issuing a document: 100 household certificates rendered in a row, unsigned and then signed
 * (PAdES B-T: the signature and a time stamp from the development TSA over HTTP), in interleaved rounds so that the
 * machine's drift falls on both sides. Prints {@code [bench]} lines; asserts nothing about time.
 *
 * <p>Run: {@code mvn -q -pl services/common test -Dtest=DocumentSigningBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 */
class DocumentSigningBenchmark {

    static final int DOCUMENTS = 100;
    static final int ROUNDS = 4;
    static final int WARM_UP = 50;

    @Test
    void signingCostNextToRendering() throws Exception {
        Path dir = Files.createTempDirectory("signing-benchmark");
        try (DevSigningAuthority authority = DevSigningAuthority.start(dir, 0)) {
            DocumentSigner signer = DocumentSigner.fromKeyStore(authority.documentSigningKeystore("residency"),
                    DevCertificateAuthority.PASSWORD.toCharArray(),
                    new TimeStampClient(URI.create(authority.timeStampUrl()), Duration.ofSeconds(10)),
                    "정부 민원 포털 주민등록 서비스", "Republic of Korea");
            for (int i = 0; i < WARM_UP; i++) {
                signer.sign(PdfRenderer.render(document()), Instant.now(), "warm-up");
            }
            List<Double> ratios = new ArrayList<>();
            double unsignedTotal = 0;
            double signedTotal = 0;
            for (int round = 1; round <= ROUNDS; round++) {
                long t0 = System.nanoTime();
                for (int i = 0; i < DOCUMENTS; i++) {
                    PdfRenderer.render(document());
                }
                long unsigned = System.nanoTime() - t0;
                t0 = System.nanoTime();
                for (int i = 0; i < DOCUMENTS; i++) {
                    signer.sign(PdfRenderer.render(document()), Instant.now(), "주민등록표 등본 발급");
                }
                long signed = System.nanoTime() - t0;
                unsignedTotal += unsigned;
                signedTotal += signed;
                ratios.add((double) signed / unsigned);
                System.out.printf("[bench] round %d: %d documents unsigned %.0f ms, signed and time-stamped %.0f ms"
                        + " (%.2fx; signing %.1f ms a document)%n", round, DOCUMENTS, unsigned / 1e6, signed / 1e6,
                        (double) signed / unsigned, (signed - unsigned) / 1e6 / DOCUMENTS);
            }
            System.out.printf("[bench] all rounds: signed/unsigned %.2fx (rounds %s); signing %.1f ms a document%n",
                    signedTotal / unsignedTotal, ratios.stream().map(r -> String.format("%.2f", r)).toList(),
                    (signedTotal - unsignedTotal) / 1e6 / (DOCUMENTS * ROUNDS));
        }
    }

    static VerifiableDocument document() {
        IssuanceNumber number = IssuanceNumber.generate();
        List<List<String>> members = List.of(
                List.of("본인", "김지민", "900315-2******", "2020-01-02"),
                List.of("배우자", "박준호", "880702-1******", "2020-01-02"),
                List.of("자녀", "박하린", "150921-4******", "2020-01-02"));
        return new VerifiableDocument("주민등록표 등본", "행정안전부", number,
                OffsetDateTime.of(2026, 3, 4, 9, 30, 0, 0, ZoneOffset.ofHours(9)),
                URI.create("https://www.gov.example/verify?number=" + number.formatted()), ContentHash.sha256Hex("{}"),
                List.of(VerifiableDocument.Section.labelled("세대 정보",
                                List.of(List.of("주소", "서울특별시 종로구 세종대로 209"), List.of("세대주", "김지민"))),
                        new VerifiableDocument.Section("세대 구성", List.of("관계", "성명", "주민등록번호", "전입일"),
                                List.of(1.0, 2.0, 2.0, 1.5), members)),
                List.of("이 증명서는 인터넷으로 발급되었습니다."));
    }
}
