package kr.civilportal.emergency.dispatch;

/** How a report ended (종결 사유). */
public enum Outcome {
    RESOLVED,     // 현장 조치 완료
    TRANSPORTED,  // 병원 이송
    REFERRED,     // 타 기관 이첩 (경찰 등)
    DUPLICATE,    // 중복 신고
    FALSE_ALARM   // 오인·허위 신고
}
