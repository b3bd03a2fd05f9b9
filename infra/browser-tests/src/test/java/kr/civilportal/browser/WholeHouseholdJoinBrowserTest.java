package kr.civilportal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * 세대 전부 전입 into another household (세대 합가) with its head's consent: 최도윤 (user citizen3), head of a
 * household with his spouse 한예린, asks on the move-in form to join 오승민's (user citizen4) household with her as
 * well; his dashboard says it waits for the head's consent; 오승민 sees the request on his household page (the name
 * masked, two people moving) and consents; the residency officer of 종로구청 (where the household is) approves it;
 * 최도윤's dashboard shows it completed, and the household's 등본 (checked on the public verification page) and
 * 오승민's move-in form show the three of them under 오승민 as head. citizen3 and citizen4 are this journey's own
 * demo households: the other journeys' citizens are neither moved nor joined.
 */
@ExtendWith(PortalUnderTest.class)
class WholeHouseholdJoinBrowserTest {

    private static final String HEAD_NUMBER = "850930-1345679"; // 오승민 (user citizen4), head of 종로 1, 1201호
    private static final String SPOUSE_ID = "5e0b7a52-1c1d-4c9e-9f00-000000000006"; // 한예린, 최도윤's spouse
    private static final String HEADS_STREET = "종로 1 (종로1가)";

    @Test
    void aHeadJoinsAnotherHouseholdWithHisSpouseOnceItsHeadConsentsAndTheOfficerApproves() {
        String base = PortalUnderTest.get().baseUrl;
        try (Browser mover = new Browser(base, "whole-household-mover")) {
            mover.open("/my/move-in");
            mover.logInAs("citizen3");
            mover.waitUntil(d -> d.getCurrentUrl().endsWith("/my/move-in"));
            // A head moves with the whole household or not at all: the form starts with everyone ticked.
            assertTrue(mover.text("#movers").contains("한예린 (배우자)"), mover.text("#movers"));
            assertTrue(mover.find("#wholeHousehold").isSelected(), "세대 전체 is ticked");
            assertTrue(mover.find("#mover-" + SPOUSE_ID).isSelected(), "the spouse moves too");
            mover.click("#mode-JOIN_HOUSEHOLD");
            mover.type("#headNumber", HEAD_NUMBER);
            mover.driver.executeScript("document.getElementById('relation').value = 'SIBLING'");
            mover.driver.executeScript("document.getElementById('movedInOn').value = arguments[0]",
                    LocalDate.now(ZoneId.of("Asia/Seoul")).toString());
            mover.checkPage("join-form");
            mover.click("form[action^='/my/move-in?'] button[type=submit]");
            mover.waitUntil(d -> d.getCurrentUrl().contains("/my?filed"));
            String residency = mover.text("#petitions-residency");
            assertTrue(residency.contains("세대주의 동의를 기다리고"), residency);
            assertFalse(mover.text("main").contains(HEADS_STREET), "no address before the head consents");
            mover.checkPage("join-filed");

            try (Browser head = new Browser(base, "whole-household-head")) {
                head.open("/my/household");
                head.logInAs("citizen4");
                head.waitUntil(d -> d.getCurrentUrl().endsWith("/my/household"));
                String request = head.text("#join-requests");
                assertTrue(request.contains("최*윤") && !request.contains("최도윤"), request);
                assertTrue(request.contains("형제자매") && request.contains("2명이 함께 합가"), request);
                head.checkPage("join-request");
                head.click("#join-requests button[id^=consent-]");
                head.waitUntil(d -> d.getCurrentUrl().contains("done=consented"));
                assertTrue(head.text("#done").contains("동의"), head.text("#done"));
                assertTrue(head.all("#join-requests").isEmpty(), "nothing waits any more");
                head.checkPage("join-consented");

                mover.open("/my/household");
                String own = mover.text("#own-requests");
                assertTrue(own.contains("담당 공무원"), own);

                try (Browser officer = new Browser(base, "whole-household-officer")) {
                    officer.open("/login");
                    officer.logInAs("residency-officer");
                    officer.waitUntil(d -> d.getCurrentUrl().endsWith("/admin"));
                    officer.open("/admin/move-ins");
                    WebElement report = officer.waitUntil(d -> d.findElements(By.cssSelector("section[id^=movein-]"))
                            .stream().filter(s -> s.getText().contains("최도윤")).findFirst().orElse(null));
                    String id = report.getAttribute("id").substring("movein-".length());
                    // 관할: the household joined is in 종로구, one of this officer's two offices.
                    assertEquals("종로구청", officer.text("#office-" + id));
                    // Two moving, the filer and his spouse (her name masked in the queue, as the console shows it).
                    String movers = officer.text("#movers-" + id);
                    assertTrue(movers.contains("2명") && movers.contains("한*린 (기타"), movers);
                    officer.checkPage("join-in-queue");
                    officer.click("#approve-" + id);
                    assertTrue(officer.text("#done").contains("승인"));
                    assertTrue(officer.all("#movein-" + id).isEmpty(), "off the queue");
                    officer.checkPage("join-approved");
                }

                mover.open("/my");
                residency = mover.text("#petitions-residency");
                assertTrue(residency.contains("처리완료"), residency);
                mover.checkPage("join-completed");
                mover.open("/my/household");
                assertTrue(mover.all("#own-requests").isEmpty(), "nothing of his waits any more");
                // 우리 세대 on the same page: the household he joined, its head first, his own row marked.
                String joined = mover.text("#household-members");
                assertEquals(3, mover.all("#household-members tbody tr").size(), joined);
                assertTrue(mover.text("#household-member-0").contains("세대주"), joined);
                assertTrue(joined.contains("(본인)") && joined.contains("******"), joined);

                // And as a document: the household's 등본, issued by 최도윤 and read back on the public verification
                // page (numbers masked there).
                mover.open("/my/certificates");
                mover.click("#kind-HOUSEHOLD");
                mover.click("form[action^='/my/certificates?'] button[type=submit]");
                String number = mover.text("#issued-number");
                mover.open("/verify");
                mover.type("#number", number);
                mover.click("form[action='/verify'] button[type=submit]");
                assertTrue(mover.text("#verify-result").contains("주민등록표 등본"), mover.text("#verify-result"));
                String household = mover.text("#verify-content");
                assertTrue(household.matches("(?s).*세대주 성명\\s+오승민.*") && household.contains(HEADS_STREET), household);
                List<String> members = mover.all("#verify-content table").stream()
                        .filter(t -> t.findElement(By.tagName("caption")).getText().equals("세대 구성원")).findFirst()
                        .orElseThrow(() -> new AssertionError("no 세대 구성원 on the 등본: " + household))
                        .findElements(By.cssSelector("tbody tr")).stream().map(WebElement::getText).toList();
                assertEquals(3, members.size(), String.join(" / ", members));
                assertTrue(members.stream().anyMatch(m -> m.contains("본인(세대주)") && m.contains("오승민")
                        && m.contains("850930-1******")), String.join(" / ", members));
                assertTrue(members.stream().anyMatch(m -> m.contains("형제자매") && m.contains("최도윤")
                        && m.contains("870412-1******")), String.join(" / ", members));
                assertTrue(members.stream().anyMatch(m -> m.contains("동거인") && m.contains("한예린")
                        && m.contains("890625-2******")), String.join(" / ", members));
                mover.checkPage("joined-household");

                // The head's own form now offers the two who joined: three people in his household.
                head.open("/my/move-in");
                String his = head.text("#movers");
                assertEquals(1, head.all("#wholeHousehold").size(), "he is the head");
                assertTrue(his.contains("최도윤 (형제자매)") && his.contains("한예린 (기타"), his);
                assertEquals(2, head.all("#movers input[name=movers]").size(), his);
                head.checkPage("head-with-three");
            }
        }
    }
}
