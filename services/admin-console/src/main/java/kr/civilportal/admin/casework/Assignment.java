package kr.civilportal.admin.casework;

/** Whom a case is assigned to (배정), as the services take it: the subject of one of the case's assignees. */
public record Assignment(String assignee) {
}
