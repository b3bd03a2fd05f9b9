package kr.civilportal.residency.resident;

/** A member's relation to the head of the household (세대주와의 관계), in the order a certificate lists them. */
public enum RelationToHead {
    HEAD,    // 본인 (세대주)
    SPOUSE,  // 배우자
    CHILD,   // 자녀
    PARENT,  // 부모
    SIBLING, // 형제자매
    OTHER    // 기타 (동거인 등)
}
