package kr.civilportal.emergency.dispatch;

/** One step in a report's history (처리 이력). */
public enum EventKind {
    RECEIVED,         // 접수
    ACKNOWLEDGED,     // 확인
    UNIT_ASSIGNED,    // 출동 지령
    NOTE,             // 메모
    CLOSED,           // 종결
    ATTACHMENT_ADDED  // 신고자 추가 첨부
}
