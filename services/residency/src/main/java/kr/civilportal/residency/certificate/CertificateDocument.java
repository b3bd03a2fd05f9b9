package kr.civilportal.residency.certificate;

import kr.civilportal.common.time.KoreanTime;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import kr.civilportal.documents.IssuanceNumber;
import kr.civilportal.documents.VerifiableDocument;
import kr.civilportal.residency.resident.AddressHistory;
import kr.civilportal.residency.resident.RelationToHead;

/** Lays out a certificate's attested data as a verifiable document: the domain half of the PDF. */
final class CertificateDocument {


    private CertificateDocument() {
    }

    /**
     * @param holderNumber the holder's full number when they asked to see it, else null (the masked one is
     *                     printed)
     */
    static VerifiableDocument of(AttestedData data, String contentHash, String holderNumber, String issuer,
                                 URI verificationUrl) {
        String holderRrn = holderNumber != null ? holderNumber : data.holder().residentRegistrationNumber();
        List<VerifiableDocument.Section> sections = new ArrayList<>();
        if (data.kind() == CertificateKind.HOUSEHOLD) {
            AttestedData.Household h = data.household();
            sections.add(VerifiableDocument.Section.labelled("세대 정보", List.of(
                    List.of("세대주 성명", h.headName()),
                    List.of("주소", h.address()))));
            List<List<String>> members = new ArrayList<>();
            for (AttestedData.Person p : h.members()) {
                boolean holder = p.name().equals(data.holder().name())
                        && p.residentRegistrationNumber().equals(data.holder().residentRegistrationNumber());
                members.add(List.of(relationKo(p.relationToHead()), p.name(),
                        holder ? holderRrn : p.residentRegistrationNumber(), date(p.movedInOn())));
            }
            sections.add(new VerifiableDocument.Section("세대 구성원", List.of("세대주와의 관계", "성명", "주민등록번호", "전입일"),
                    List.of(1.3, 1.2, 1.6, 1.0), members));
        } else {
            sections.add(VerifiableDocument.Section.labelled("인적 사항", List.of(
                    List.of("성명", data.holder().name()),
                    List.of("주민등록번호", holderRrn))));
        }
        List<List<String>> addresses = new ArrayList<>();
        for (AttestedData.Address a : data.addresses()) {
            addresses.add(List.of(date(a.movedInOn()), a.address(), reasonKo(a.reason())));
        }
        sections.add(new VerifiableDocument.Section(
                data.formerAddressesIncluded() ? "주소 변동 사항 (과거 주소 포함)" : "주소 변동 사항 (현 주소)",
                List.of("전입일", "주소", "변동사유"), List.of(1.0, 4.0, 1.0), addresses));
        List<String> notes = List.of(
                "위 내용이 주민등록표의 원본 내용과 틀림없음을 증명합니다.",
                "이 증명서는 인터넷으로 발급되었으며, 문서확인번호로 발급 사실과 내용 해시를 확인할 수 있습니다.",
                data.holderBackDigitsShown() ? "신청인 본인의 주민등록번호 뒷자리는 본인의 요청으로 표시하였습니다."
                        : "주민등록번호 뒷자리는 가려서 표시하였습니다.");
        return new VerifiableDocument(data.kind().titleKo(), issuer,
                IssuanceNumber.parse(data.issuanceNumber()).orElseThrow(),
                data.issuedAt().atZoneSameInstant(KoreanTime.ZONE).toOffsetDateTime(), verificationUrl, contentHash,
                sections, notes);
    }

    private static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    static String relationKo(RelationToHead r) {
        return switch (r) {
            case HEAD -> "본인(세대주)";
            case SPOUSE -> "배우자";
            case CHILD -> "자녀";
            case PARENT -> "부모";
            case SIBLING -> "형제자매";
            case OTHER -> "동거인";
        };
    }

    static String reasonKo(AddressHistory.Reason r) {
        return switch (r) {
            case BIRTH -> "출생";
            case INITIAL_REGISTRATION -> "최초 등록";
            case MOVE_IN -> "전입";
        };
    }
}
