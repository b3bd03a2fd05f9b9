package kr.civilportal.admin;

/**
 * The realm's roles of officials, for the console's {@code @RolesAllowed}: each page needs its work's role or
 * admin's; the start page and the system view any official's. The services check the roles again.
 */
public final class Roles {

    public static final String RESIDENCY = "residency-officer";
    public static final String PASSPORT = "passport-officer";
    public static final String LAND = "land-officer";
    public static final String DISPATCH = "dispatcher";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
