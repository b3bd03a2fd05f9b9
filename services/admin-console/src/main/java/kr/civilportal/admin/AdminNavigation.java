package kr.civilportal.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import kr.civilportal.admin.audit.AuditMessages;
import kr.civilportal.admin.passport.CaseworkMessages;
import kr.civilportal.admin.relay.RelayMessages;
import kr.civilportal.web.page.NavLink;
import kr.civilportal.web.page.Navigation;
import kr.civilportal.web.page.PageContext;

/**
 * The console's menu: only the work the official's roles open (admin: none, see {@link Roles}), the system view
 * for every official, and the citizens' pages. The same rules as the pages' {@code @RolesAllowed} ({@link Roles}).
 */
@RequestScoped
public class AdminNavigation implements Navigation {

    @Inject
    PageContext ctx;

    @Override
    public List<NavLink> links() {
        AdminMessages msg = ctx.messages(AdminMessages.class);
        List<NavLink> links = new ArrayList<>();
        if (!ctx.officer()) {
            return links;
        }
        links.add(new NavLink("/admin", msg.nav_admin()));
        if (can(Roles.RESIDENCY)) {
            links.add(new NavLink("/admin/move-ins", msg.admin_movein_title()));
        }
        if (can(Roles.PASSPORT)) {
            links.add(new NavLink("/admin/passports", msg.pp_title()));
        }
        if (can(Roles.LAND)) {
            links.add(new NavLink("/admin/land", msg.land_office_title()));
            links.add(new NavLink("/admin/land/requests", ctx.messages(CaseworkMessages.class).landreq_title()));
        }
        if (can(Roles.DISPATCH)) {
            links.add(new NavLink("/admin/dispatch", msg.admin_dispatch_title()));
        }
        if (can(Roles.DISPATCH_SUPERVISION)) {
            links.add(new NavLink("/admin/held-reports", ctx.messages(RelayMessages.class).title()));
        }
        if (can(Roles.AUDIT)) {
            links.add(new NavLink("/admin/audit", ctx.messages(AuditMessages.class).title()));
        }
        links.add(new NavLink("/admin/system", msg.admin_system_title()));
        return links;
    }

    private boolean can(String role) {
        return ctx.hasRole(role);
    }
}
