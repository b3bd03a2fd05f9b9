package kr.civilportal.citizen.report;

/** The 119 service's report categories (신고 유형). */
public enum ReportCategory {
    FIRE,
    RESCUE,
    EMERGENCY_MEDICAL,
    DISASTER,
    CRIME_REFERRAL,
    OTHER
}
