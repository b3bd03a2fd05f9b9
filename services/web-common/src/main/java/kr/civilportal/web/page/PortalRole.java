package kr.civilportal.web.page;

import java.util.Arrays;
import java.util.Optional;

/** The realm's roles (infra/keycloak/portal-realm.json), as the pages name them to people. */
public enum PortalRole {
    CITIZEN("citizen"),
    RESIDENCY_OFFICER("residency-officer"),
    PASSPORT_OFFICER("passport-officer"),
    LAND_OFFICER("land-officer"),
    DISPATCHER("dispatcher"),
    ADMIN("admin"),
    AUDITOR("auditor");

    private final String role;

    PortalRole(String role) {
        this.role = role;
    }

    /** The role's name in tokens and in {@code @RolesAllowed}. */
    public String role() {
        return role;
    }

    public static Optional<PortalRole> of(String role) {
        return Arrays.stream(values()).filter(r -> r.role.equals(role)).findFirst();
    }
}
