package kr.civilportal.admin.audit;

import java.util.Arrays;

/**
 * What an official did with personal data, as the services' read logs name it; {@link #OTHER} for a name this
 * console does not know yet (a service added an action): the page still lists the read, with its raw name.
 */
public enum ReadAction {
    READ_RECORD,     // 주민등록 열람 (residency)
    DECIDE_MOVE_IN,  // 전입신고 처리 (residency)
    IDENTITY_CHECK,  // 본인 확인: another service (passport) checked a resident (residency)
    READ_PHOTO,      // 여권 사진 열람 (passport)
    READ_OWNERS,     // 토지대장 조회: owners' names in full (land)
    ISSUE_EXTRACT,   // 토지대장 등본 발급, names in full (land)
    DOWNLOAD_EXTRACT, // 토지대장 등본 재내려받기, names in full (land)
    LIST_REPORTS,    // 119 신고 목록 조회: call-back numbers in full (emergency)
    READ_REPORT,     // 119 신고 상세 조회 (emergency)
    DISPATCH_STEP,   // 출동 지령 처리: the step's answer carries the number (emergency)
    LIVE_BOARD,      // 실시간 상황판 수신 (emergency)
    OTHER;

    static ReadAction of(String name) {
        return Arrays.stream(values()).filter(a -> a.name().equals(name)).findFirst().orElse(OTHER);
    }
}
