package kr.civilportal.emergency.report;

/** Where a report stands (처리 상태). Every report starts RECEIVED; dispatchers move it on. */
public enum ReportStatus {
    RECEIVED,     // 접수
    ACKNOWLEDGED, // 확인 (상황요원이 열람)
    DISPATCHED,   // 출동
    CLOSED        // 종결
}
