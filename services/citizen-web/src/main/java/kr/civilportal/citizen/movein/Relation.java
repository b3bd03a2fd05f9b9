package kr.civilportal.citizen.movein;

/** The reporter's relation to the head of the household they join (세대주와의 관계). */
public enum Relation {
    SPOUSE,
    CHILD,
    PARENT,
    SIBLING,
    OTHER
}
