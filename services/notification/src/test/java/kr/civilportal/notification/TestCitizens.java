package kr.civilportal.notification;

/** The resident ids the tests' identities carry (claim resident_id). Each test class uses its own. */
public final class TestCitizens {

    private TestCitizens() {
    }

    public static final String INTAKE_KO = "11111111-1111-4111-8111-000000000001";
    public static final String INTAKE_EN = "11111111-1111-4111-8111-000000000002";
    public static final String INBOX_OWNER = "22222222-2222-4222-8222-000000000001";
    public static final String INBOX_OTHER = "22222222-2222-4222-8222-000000000002";
    public static final String PREFS = "33333333-3333-4333-8333-000000000001";
    public static final String MAIL = "44444444-4444-4444-8444-000000000001";
    public static final String MAIL_PARKED = "44444444-4444-4444-8444-000000000002";
    public static final String TEXT_SMS = "55555555-5555-4555-8555-000000000001";
    public static final String TEXT_KAKAO = "55555555-5555-4555-8555-000000000002";
    public static final String TEXT_RETRY = "55555555-5555-4555-8555-000000000003";
    public static final String TEXT_REFUSED = "55555555-5555-4555-8555-000000000004";
    public static final String TEXT_LAND = "55555555-5555-4555-8555-000000000006";
    public static final String TEXT_QUIET = "55555555-5555-4555-8555-000000000005";
    public static final String TEXT_MOVE_IN = "55555555-5555-4555-8555-000000000007";
    public static final String PREFS_PHONE = "33333333-3333-4333-8333-000000000002";
}
