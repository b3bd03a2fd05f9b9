package kr.civilportal.land.extract;

import java.net.URI;
import java.text.NumberFormat;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kr.civilportal.documents.IssuanceNumber;
import kr.civilportal.documents.VerifiableDocument;

/** Lays out an extract (토지대장 등본) as a verifiable document of the shared PDF mechanism. */
final class ExtractDocument {

    static final String TITLE = "토지대장 등본";

    private ExtractDocument() {
    }

    static VerifiableDocument of(ExtractData d, OffsetDateTime issuedAt, String contentHash, String issuer,
                                 URI verificationUrl) {
        NumberFormat won = NumberFormat.getIntegerInstance(Locale.KOREA);
        List<VerifiableDocument.Section> sections = new ArrayList<>();
        sections.add(VerifiableDocument.Section.labelled("토지 표시", List.of(
                List.of("고유번호", formatPnu(d.pnu())),
                List.of("토지 소재", d.legalDongName()),
                List.of("지번", d.lotNumber()),
                List.of("지목", d.landCategoryCode() + " " + d.landCategory()),
                List.of("면적(㎡)", d.areaSquareMeters()))));
        List<List<String>> prices = d.officialLandPrices().stream()
                .map(p -> List.of(p.year() + "년", won.format(p.pricePerSquareMeter())))
                .toList();
        sections.add(new VerifiableDocument.Section("개별공시지가 (원/㎡)", List.of("기준연도", "개별공시지가"),
                List.of(1.0, 2.0), prices.isEmpty() ? List.of(List.of("-", "공시되지 않음")) : prices));
        List<List<String>> owners = d.ownerHistory().stream()
                .map(o -> List.of(String.valueOf(o.sequence()), o.changedOn().toString(), o.causeKo(), o.ownerName(),
                        o.share()))
                .toList();
        sections.add(new VerifiableDocument.Section("소유자 변동 이력 (최근 순)",
                List.of("순번", "변동일자", "변동원인", "소유자", "지분"), List.of(0.6, 1.4, 1.2, 2.4, 0.8),
                owners.isEmpty() ? List.of(List.of("-", "-", "-", "등록된 소유자 없음", "-")) : owners));
        List<String> notes = new ArrayList<>();
        notes.add("이 등본은 토지대장에 등록된 내용과 틀림없음을 증명합니다.");
        if (d.ownerNamesMasked()) {
            notes.add("소유자 성명은 개인정보 보호를 위하여 일부를 가려 표시하였습니다.");
        }
        notes.add("문서확인번호로 누구나 로그인 없이 진위를 확인할 수 있습니다. (시연용 합성 자료)");
        return new VerifiableDocument(TITLE, issuer, IssuanceNumber.parse(d.issuanceNumber()).orElseThrow(),
                issuedAt, verificationUrl, contentHash, sections, notes);
    }

    /** {@code 1111010100-1-0001-0000}: the PNU grouped the way registers print it. */
    static String formatPnu(String pnu) {
        return pnu.substring(0, 10) + "-" + pnu.charAt(10) + "-" + pnu.substring(11, 15) + "-" + pnu.substring(15);
    }
}
