package kr.civilportal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * A land officer finds a parcel, records a change of owner (first with mistakes, corrected on the same form)
 * and sees it on top of the owner history, in full; a citizen sees the same entry masked. Then the officer's
 * login runs out twice: on a page (the login brings them back to it) and while sending the form (the login
 * brings them back to the parcel, which says nothing was recorded, with what they typed back in the form to
 * send again).
 */
@ExtendWith(PortalUnderTest.class)
class LandOfficerBrowserTest {

    /** 서울특별시 종로구 청운동 15 (demo data): no other browser journey uses it. */
    private static final String PNU = "1111010100100150000";
    private static final String NEW_OWNER = "박소유";

    @Test
    void aLandOfficerRecordsAChangeOfOwnerAndSeesItInTheHistory() {
        PortalUnderTest portal = PortalUnderTest.get();
        String today = LocalDate.now(ZoneId.of("Asia/Seoul")).toString();
        try (Browser officer = new Browser(portal.baseUrl, "land-officer")) {
            officer.open("/login");
            officer.logInAs("land-officer");
            officer.waitUntil(d -> d.getCurrentUrl().endsWith("/admin"));
            officer.checkPage("console");
            officer.click("a[href='/admin/land']");
            officer.waitUntil(d -> d.getCurrentUrl().endsWith("/admin/land"));
            officer.checkPage("land-search");

            // Nothing typed: the field and the summary say so.
            officer.click("form[action='/admin/land'] button[type=submit]");
            assertTrue(officer.text("#q-error").contains("지번 주소를 입력하세요"));
            assertTrue(officer.text("#error-summary").contains("지번 주소를 입력하세요"));
            officer.checkPage("land-search-error");

            // By PNU: exactly that parcel.
            officer.click("#by-pnu");
            officer.type("#q", PNU);
            officer.click("form[action='/admin/land'] button[type=submit]");
            officer.find("#parcels");
            assertEquals(1, officer.all("#parcels tbody tr").size());
            assertTrue(officer.find("#by-pnu").isSelected(), "the chosen way is kept");
            assertEquals(PNU, officer.find("#q").getAttribute("value"));

            // By legal-dong code, only roads (지목 14): of 청운동's five demo parcels, lot 15.
            officer.click("#by-dong");
            officer.type("#q", "1111010100");
            new Select(officer.find("#category")).selectByValue("14");
            officer.click("form[action='/admin/land'] button[type=submit]");
            officer.find("#parcels a[href='/admin/land/parcels/" + PNU + "']");
            assertEquals(1, officer.all("#parcels tbody tr").size(), officer.text("#parcels"));
            assertEquals("14", new Select(officer.find("#category")).getFirstSelectedOption().getAttribute("value"));
            officer.checkPage("land-search-results");

            officer.click("#parcels a[href='/admin/land/parcels/" + PNU + "']");
            officer.waitUntil(d -> d.getCurrentUrl().endsWith("/admin/land/parcels/" + PNU));
            assertTrue(officer.text("#parcel").contains("청운동 15"), officer.text("#parcel"));
            int entriesBefore = officer.all("#owners tbody tr").size();
            assertTrue(entriesBefore > 0, "the demo parcel has an owner history");
            assertFalse(officer.text("#owners").contains("*"), "a land officer reads names in full");
            officer.checkPage("parcel");

            // Mistakes: a share that is no fraction, no date, no cause. Each is said at its field; the name stays.
            officer.type("#ownerName", NEW_OWNER);
            officer.type("#share", "절반");
            officer.click("#owner-change button[type=submit]");
            assertTrue(officer.text("#share-error").contains("분수"));
            assertTrue(officer.text("#changedOn-error").contains("변동일자"));
            assertTrue(officer.text("#cause-error").contains("변동원인"));
            String summary = officer.text("#error-summary");
            assertTrue(summary.contains("분수") && summary.contains("변동일자") && summary.contains("변동원인"), summary);
            assertEquals(NEW_OWNER, officer.find("#ownerName").getAttribute("value"));
            assertEquals("절반", officer.find("#share").getAttribute("value"));
            assertEquals(entriesBefore, officer.all("#owners tbody tr").size(), "nothing recorded");
            officer.checkPage("owner-change-errors");

            officer.type("#share", "1/1");
            officer.driver.executeScript("document.getElementById('changedOn').value = arguments[0]", today);
            new Select(officer.find("#cause")).selectByValue("SALE");
            officer.click("#owner-change button[type=submit]");
            officer.waitUntil(d -> d.getCurrentUrl().contains("recorded=true"));
            assertTrue(officer.text("#recorded").contains("등록했습니다"));
            assertEquals(entriesBefore + 1, officer.all("#owners tbody tr").size());
            String newest = officer.find("#owners tbody tr").getText();
            assertTrue(newest.contains(NEW_OWNER) && newest.contains("1/1") && newest.contains(today)
                    && newest.contains("매매"), newest);
            officer.checkPage("owner-change-recorded");

            // A citizen reads the same parcel with the new owner's name masked.
            try (Browser citizen = new Browser(portal.baseUrl, "land-officer-citizen-view")) {
                citizen.open("/my/land/parcels/" + PNU);
                citizen.logInAs("citizen");
                citizen.waitUntil(d -> d.getCurrentUrl().endsWith("/my/land/parcels/" + PNU));
                String owners = citizen.text("main");
                assertTrue(owners.contains("박*유"), owners);
                assertFalse(owners.contains(NEW_OWNER), owners);
                citizen.shot("citizen-sees-masked-owner");

                // Nor is the land officer's console the citizen's.
                citizen.open("/admin/land");
                assertTrue(citizen.text("h1").contains("권한이 없습니다"));
            }

            // The login runs out (every cookie gone: the portal's session and Keycloak's) while the officer reads
            // a search result: the login page, then the same page again.
            String search = "/admin/land?asked=true&by=pnu&q=" + PNU;
            officer.forgetAllCookies();
            officer.open(search);
            officer.logInAs("land-officer");
            officer.waitUntil(d -> d.getCurrentUrl().endsWith(search));
            officer.find("#parcels a[href='/admin/land/parcels/" + PNU + "']");
            officer.shot("back-on-the-page-after-login");

            // It runs out again while the officer fills in the form: sending it leads to the login, and back on
            // the parcel the page says nothing was recorded and the form must be sent again.
            officer.open("/admin/land/parcels/" + PNU);
            int entries = officer.all("#owners tbody tr").size();
            officer.type("#ownerName", "최다음");
            officer.type("#share", "1/2");
            officer.driver.executeScript("document.getElementById('changedOn').value = arguments[0]", today);
            new Select(officer.find("#cause")).selectByValue("GIFT");
            logOutEverywhereKeepingThePage(officer);
            officer.click("#owner-change button[type=submit]");
            officer.logInAs("land-officer");
            officer.waitUntil(d -> d.getCurrentUrl().endsWith("/admin/land/parcels/" + PNU + "?resend=true"));
            assertEquals(entries, officer.all("#owners tbody tr").size(), "nothing was recorded");
            assertFalse(officer.text("#owners").contains("최다음"));
            // What was typed is back in the form (the page's script kept it for this tab), and the notice says so.
            assertTrue(officer.text("#resend").contains("다시 채워 두었으니"), officer.text("#resend"));
            assertEquals("최다음", officer.find("#ownerName").getAttribute("value"));
            assertEquals("1/2", officer.find("#share").getAttribute("value"));
            assertEquals(today, officer.find("#changedOn").getAttribute("value"));
            assertEquals("GIFT", new Select(officer.find("#cause")).getFirstSelectedOption().getAttribute("value"));
            officer.checkPage("session-expired-form-restored");
            officer.click("#owner-change button[type=submit]");
            officer.waitUntil(d -> d.getCurrentUrl().contains("recorded=true"));
            assertEquals(entries + 1, officer.all("#owners tbody tr").size());
            String sentAgain = officer.find("#owners tbody tr").getText();
            assertTrue(sentAgain.contains("최다음") && sentAgain.contains("1/2") && sentAgain.contains("증여"), sentAgain);
            officer.shot("sent-again-after-login");

            // Nothing typed is left behind in the browser once the form has gone through.
            Object kept = officer.driver.executeScript("return Object.keys(sessionStorage).filter(k => k.indexOf('portal-form:') === 0).length");
            assertEquals(0L, kept);
        }
    }

    /** The same, with the page and what was typed into it left as they are. */
    private static void logOutEverywhereKeepingThePage(Browser browser) {
        String typed = browser.find("#ownerName").getAttribute("value");
        browser.forgetAllCookies();
        assertEquals(typed, browser.driver.findElement(By.id("ownerName")).getAttribute("value"));
    }
}
