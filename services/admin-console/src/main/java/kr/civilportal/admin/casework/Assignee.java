package kr.civilportal.admin.casework;

/**
 * An officer a case may be assigned to (배정 대상), as passport, residency and land-registry each offer them for one
 * of their cases: the officer's account id ({@code subject}), which an assignment names, and their user name.
 */
public record Assignee(String subject, String officer) {
}
