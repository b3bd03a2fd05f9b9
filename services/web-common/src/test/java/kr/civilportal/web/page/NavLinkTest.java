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
}
