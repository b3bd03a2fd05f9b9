package kr.civilportal.web.page;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NavLinkTest {

    @Test
    void aLinkIsCurrentOnItsOwnPageOnly() {
        NavLink dashboard = new NavLink("/my", "나의 민원");
        assertTrue(dashboard.at("/my").current());
        assertFalse(dashboard.at("/my/certificates").current(), "a page below is its own menu entry");
    }

    @Test
    void aBadgeStaysWithItsLinkOnEveryPage() {
        NavLink inbox = new NavLink("/my/notifications", "알림").with(new NavLink.Badge("unread-badge", 3, "3건 읽지 않음"));
        assertTrue(inbox.at("/my/notifications").current());
        assertTrue(inbox.at("/my").badge().count() == 3);
        assertTrue(new NavLink("/my", "나의 민원").badge() == null, "no badge unless one is given");
    }
}
