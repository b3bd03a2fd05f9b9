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
    /** 119 상황팀장: also a dispatcher; looks after the reports the gateway held or the service refused. */
    DISPATCH_SUPERVISOR("dispatch-supervisor"),
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
