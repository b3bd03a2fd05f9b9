package kr.civilportal.citizen.home;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import kr.civilportal.citizen.CitizenMessages;
import kr.civilportal.citizen.notification.NotificationMessages;
import kr.civilportal.citizen.notification.UnreadBadge;
import kr.civilportal.web.page.NavLink;
import kr.civilportal.web.page.Navigation;
import kr.civilportal.web.page.PageContext;

/**
 * The citizen pages' menu: the signed-in citizen's own pages (알림 with the unread count), the public ones, and the
 * console for officials.
 */
@RequestScoped
public class CitizenNavigation implements Navigation {

    @Inject
    PageContext ctx;
    @Inject
    UnreadBadge unread;

    @Override
    public List<NavLink> links() {
        CitizenMessages msg = ctx.messages(CitizenMessages.class);
        List<NavLink> links = new ArrayList<>();
        if (ctx.citizen()) {
            links.add(new NavLink("/my", msg.nav_dashboard()));
            links.add(new NavLink("/my/certificates", msg.nav_certificates()));
            links.add(new NavLink("/my/move-in", msg.nav_movein()));
            links.add(new NavLink("/my/passport", msg.nav_passport()));
            links.add(new NavLink("/my/land", msg.nav_land()));
            links.add(notifications());
        }
        links.add(new NavLink("/verify", msg.nav_verify()));
        links.add(new NavLink("/report-119", msg.nav_report119()));
        if (ctx.officer()) {
            links.add(new NavLink("/admin", msg.nav_admin()));
        }
        return links;
    }

    /**
     * 알림, with the unread count beside it when there are unread notifications and the count came at once (never
     * a reason for a page to wait or fail: see {@link UnreadBadge}).
     */
    private NavLink notifications() {
        NotificationMessages msg = ctx.messages(NotificationMessages.class);
        NavLink link = new NavLink("/my/notifications", msg.nav());
        long count = unread.unread().orElse(0);
        return count > 0 ? link.with(new NavLink.Badge("unread-badge", count, msg.badge(count))) : link;
    }
}
