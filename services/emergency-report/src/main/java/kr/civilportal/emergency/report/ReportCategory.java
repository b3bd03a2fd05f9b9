package kr.civilportal.emergency.report;

/**
 * What a report is about (신고 유형), as a 119 multimedia report form offers it. Each category carries the
 * priority a report starts with before a dispatcher has read it.
 */
public enum ReportCategory {
    FIRE(1),              // 화재
    RESCUE(1),            // 구조
    EMERGENCY_MEDICAL(1), // 구급
    DISASTER(2),          // 재난 (풍수해, 산사태 등)
    CRIME_REFERRAL(2),    // 범죄 (112로 이첩)
    OTHER(3);             // 기타

    /** Most urgent. */
    public static final int HIGHEST_PRIORITY = 1;
    /** Least urgent. */
    public static final int LOWEST_PRIORITY = 3;

    private final int initialPriority;

    ReportCategory(int initialPriority) {
        this.initialPriority = initialPriority;
    }

    /**
     * The priority a new report gets: 1 where a life may be at stake right now (fire, rescue, medical), 2
     * where 119 coordinates or hands over (a disaster already known, a crime passed to the police), 3 for
     * the rest. Only a starting point so the newest urgent reports surface first; a dispatcher re-triages.
     */
    public int initialPriority() {
        return initialPriority;
    }
}
