package kr.civilportal.admin;

/**
 * The realm's roles of officials, for the console's {@code @RolesAllowed}: each page of casework needs its work's
 * role; the start page and the system view any official's, admin's included. Admin (the portal's operator) does no
 * casework: no service lets admin read or decide a resident's case (least privilege: running the portal is not a
 * reason to see residents' records), so the console does not offer it either (an outside test found it showing
 * admin the queues and then a 403 from the service as if the service were down). The services check the roles again.
 */
public final class Roles {

    public static final String RESIDENCY = "residency-officer";
    public static final String PASSPORT = "passport-officer";
    public static final String LAND = "land-officer";
    public static final String DISPATCH = "dispatcher";
    /** 119 상황팀장: the reports the gateway held or the service refused (the gateway's relay journal). */
    public static final String DISPATCH_SUPERVISION = "dispatch-supervisor";
    public static final String ADMIN = "admin";
    /** Audits officials' reads of personal data (개인정보 열람 감사): the read logs only, no casework. */
    public static final String AUDIT = kr.civilportal.common.audit.Auditors.ROLE;

    private Roles() {
    }
}
