package kr.civilportal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A citizen files a move-in report (first with a mistake, corrected on the same form), a residency officer
 * reads the mover's record (giving the access-log reason the page asks for) and approves it, and the citizen
 * sees it completed.
 */
@ExtendWith(PortalUnderTest.class)
class OfficerMoveInBrowserTest {

    @Test
    void anOfficerApprovesACitizensMoveInAndTheCitizenSeesItCompleted() {
        String base = PortalUnderTest.get().baseUrl;
        // Chosen from the road-name address register with its detail; residency stores it with the legal dong.
        String roadNameAddress = "서울특별시 마포구 월드컵북로 396";
        String address = "서울특별시 마포구 월드컵북로 396 (상암동), 1502호";
        try (Browser citizen = new Browser(base, "move-in-citizen")) {
            citizen.open("/my/move-in");
            citizen.logInAs("citizen2");
            citizen.waitUntil(d -> d.getCurrentUrl().endsWith("/my/move-in"));
            citizen.checkPage("move-in-form");

            // The date left out: the summary and the field say so, and the address chosen stays.
            MoveInAddress.choose(citizen, roadNameAddress, "1502호");
            citizen.click("form[action^='/my/move-in?'] button[type=submit]");
            assertTrue(citizen.text("#error-summary").contains("전입일을 입력하세요"));
            assertTrue(citizen.text("#movedInOn-error").contains("전입일"));
            assertTrue(citizen.find("#road-address-0").isSelected());
            assertEquals(roadNameAddress, citizen.find("#road-address-0").getAttribute("value"));
            assertEquals("1502호", citizen.value("#addressDetail"));
            citizen.checkPage("move-in-errors");

            String today = LocalDate.now(ZoneId.of("Asia/Seoul")).toString();
            citizen.driver.executeScript("document.getElementById('movedInOn').value = arguments[0]", today);
            citizen.click("form[action^='/my/move-in?'] button[type=submit]");
            citizen.waitUntil(d -> d.getCurrentUrl().contains("/my?filed"));
            assertTrue(citizen.text("#petitions-residency").contains("접수"));
            citizen.checkPage("move-in-received");

            try (Browser officer = new Browser(base, "move-in-officer")) {
                officer.open("/login");
                officer.logInAs("residency-officer");
                officer.waitUntil(d -> d.getCurrentUrl().endsWith("/admin"));
                officer.checkPage("console");
                officer.click("a[href='/admin/move-ins']");
                WebElement report = officer.waitUntil(d -> d.findElements(By.cssSelector("section[id^=movein-]")).stream()
                        .filter(s -> s.getText().contains(address)).findFirst().orElse(null));
                String id = report.getAttribute("id").substring("movein-".length());
                // 관할: the new address is in 마포구, one of this officer's two offices.
                assertEquals("마포구청", officer.text("#office-" + id));
                officer.checkPage("move-in-queue");

                // An officer of another office (해운대구청) does not find it in their queue.
                try (Browser other = new Browser(base, "move-in-other-office")) {
                    other.open("/login");
                    other.logInAs("residency-officer2");
                    other.waitUntil(d -> d.getCurrentUrl().endsWith("/admin"));
                    other.open("/admin/move-ins");
                    other.find("#filter-q");
                    assertTrue(other.all("#error-summary").isEmpty(), "the queue was read, not refused");
                    assertTrue(other.all("#movein-" + id).isEmpty(), "another office's officer does not see it");
                }

                // Reading the mover's record asks for the reason first (it goes to the access log).
                // Followed by its address: the queue's panels put the link below the fold, where a click can land on
                // whatever lies over it.
                officer.open(report.findElement(By.cssSelector("a[href^='/admin/residents/']")).getDomAttribute("href"));
                officer.find("#reason");
                officer.click("form button[type=submit]");
                assertTrue(officer.text("#reason-error").contains("열람 사유"));
                officer.checkPage("access-reason-prompt");
                officer.type("#reason", "전입신고 세대 확인");
                officer.click("form button[type=submit]");
                assertTrue(officer.text("#record").contains("이서연"));
                assertTrue(officer.text("main").contains("전입신고 세대 확인"));
                officer.checkPage("resident-record");

                officer.open("/admin/move-ins");
                officer.click("#approve-" + id);
                assertTrue(officer.text("#done").contains("승인"));
                assertTrue(officer.all("#movein-" + id).isEmpty(), "off the queue");
                officer.checkPage("approved");

                // A citizen's page is not the officer's, and the console is not the citizen's.
                citizen.open("/admin/move-ins");
                assertTrue(citizen.text("h1").contains("권한이 없습니다"));
            }
            citizen.open("/my");
            String residency = citizen.text("#petitions-residency");
            assertTrue(residency.contains("처리완료"), residency);
            citizen.shot("citizen-sees-completed");
        }
    }
}
