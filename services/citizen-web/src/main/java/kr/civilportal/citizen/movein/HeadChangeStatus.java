package kr.civilportal.citizen.movein;

/**
 * Where a 세대주 변경 stands, as the page words it ({@code {household:status(...)}}): residency's
 * statuses, and {@code OTHER} for one this page does not know yet (said as ended rather than failing the page).
 */
public enum HeadChangeStatus {
    AWAITING_NEW_HEAD, // 새 세대주 동의 대기
    APPLIED,           // 변경 완료
    REFUSED,           // 새 세대주가 거부
    WITHDRAWN,         // 신청인이 취소
    CANCELLED,         // 동의 시점에 세대가 바뀌어 취소됨
    OTHER;

    static HeadChangeStatus of(String status) {
        for (HeadChangeStatus s : values()) {
            if (s != OTHER && s.name().equals(status)) {
                return s;
            }
        }
        return OTHER;
    }
}
