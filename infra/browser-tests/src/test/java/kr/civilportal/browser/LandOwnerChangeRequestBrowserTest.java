package kr.civilportal.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import kr.civilportal.testsupport.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The land officers' queue of owner-change requests (소유자 변동 신청): a citizen files one on a parcel of 종로구;
 * the land officer of 강남구청 neither sees it in the console nor can take it through the API; the land officer of
 * 종로구청 finds it with the new owner's name in full, takes it and approves it, and the parcel's owner history shows
 * the change on top. A land officer assigns another request to a colleague of the office (배정), who finishes it.
 */
@ExtendWith(PortalUnderTest.class)
class LandOwnerChangeRequestBrowserTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** 서울특별시 종로구 신교동 1-2: no other browser journey changes it. */
    private static final String SINGYO_1_2 = "1111010200100010002";
    private static final String NEW_OWNER = "차은서";
    private static final String ASSIGNED_OWNER = "탁민결";
    /** land-officer3's account id (the dev realm): what the assignment form sends. */
    private static final String LAND_OFFICER3 = "a1c2e3f4-0000-4000-8000-000000000023";

    @Test
    void theOfficeOfTheParcelDecidesTheRequestAndNoOtherOfficeSeesIt() throws Exception {
        PortalUnderTest portal = PortalUnderTest.get();
        String tokens = portal.portal.keycloak().tokenEndpoint();
        String id = file(portal, Tokens.of(tokens, "citizen"));
        String row = "#request-" + id;

        // Another office: not in its queue, and 404 through the gateway, as an unknown request.
        try (Browser gangnam = new Browser(portal.baseUrl, "land-request-other-office")) {
            gangnam.open("/admin/land/requests");
            gangnam.logInAs("land-officer2");
            gangnam.waitUntil(d -> d.getCurrentUrl().contains("/admin/land/requests"));
            gangnam.find("#filter-held");
            assertTrue(gangnam.all(row).isEmpty(), "another office's request is not listed");
        }
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(portal.baseUrl
                        + "/api/land/v1/officer/owner-change-requests/" + id + "/holder"))
                .header("Authorization", "Bearer " + Tokens.of(tokens, "land-officer2"))
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, refused.statusCode(), refused.body());

        try (Browser jongno = new Browser(portal.baseUrl, "land-request-decided")) {
            jongno.open("/admin/land/requests");
            jongno.logInAs("land-officer");
            jongno.waitUntil(d -> d.getCurrentUrl().contains("/admin/land/requests"));
            assertEquals(NEW_OWNER, jongno.text("#owner-" + id), "a land officer reads the new owner in full");
            assertEquals("미배정", jongno.text("#holder-" + id));
            jongno.checkPage("land-requests");
            jongno.click("#take-" + id);
            jongno.find("#holding-done");
            assertTrue(jongno.text("#holder-" + id).startsWith("land-officer (내가 담당 중)"), jongno.text("#holder-" + id));
            jongno.click("#approve-" + id);
            assertTrue(jongno.text("#done").contains("승인"), jongno.text("#done"));
            assertTrue(jongno.all(row).isEmpty(), "off the queue");
            jongno.checkPage("land-request-approved");

            jongno.open("/admin/land/parcels/" + SINGYO_1_2);
            String newest = jongno.find("#owners tbody tr").getText();
            assertTrue(newest.contains(NEW_OWNER) && newest.contains("상속"), newest);
        }
    }

    /**
     * 배정: the land officer of 종로구청 gives a request nobody holds to their colleague (land-officer3, who has opened
     * their queue), who finds it under 내 업무, assigned by them, and approves it.
     */
    @Test
    void aLandOfficerAssignsARequestToAColleagueWhoFinishesIt() throws Exception {
        PortalUnderTest portal = PortalUnderTest.get();
        String tokens = portal.portal.keycloak().tokenEndpoint();
        try (Browser colleague = new Browser(portal.baseUrl, "land-request-assignee")) {
            // Officers are offered as colleagues once they have opened their work (land-registry's 직원 명부).
            colleague.open("/admin/land/requests");
            colleague.logInAs("land-officer3");
            colleague.waitUntil(d -> d.getCurrentUrl().contains("/admin/land/requests"));
            colleague.find("#filter-held");

            String id = file(portal, Tokens.of(tokens, "citizen"), ASSIGNED_OWNER);
            try (Browser jongno = new Browser(portal.baseUrl, "land-request-assigner")) {
                jongno.open("/admin/land/requests?held=NOBODY");
                jongno.logInAs("land-officer");
                jongno.waitUntil(d -> d.getCurrentUrl().contains("/admin/land/requests"));
                jongno.click("#assign-" + id);
                jongno.find("#assignment-form");
                assertTrue(jongno.all("#assignment-form label").stream().noneMatch(l -> l.getText().equals(
                        "land-officer2")), "강남구청's officer is not offered");
                jongno.checkPage("land-request-assignment");
                jongno.click("#assignment-form input[value='" + LAND_OFFICER3 + "']");
                jongno.click("#assign-submit");
                assertTrue(jongno.text("#holding-done").contains("배정했습니다"), jongno.text("#holding-done"));
                assertTrue(jongno.all("#request-" + id).isEmpty(), "no longer nobody's: off the 미배정 list");
            }

            colleague.open("/admin/land/requests?held=MINE");
            assertTrue(colleague.text("#holder-" + id).startsWith("land-officer3 (내가 담당 중)"),
                    colleague.text("#holder-" + id));
            assertTrue(colleague.text("#assigned-by-" + id).contains("land-officer님이 배정"),
                    colleague.text("#assigned-by-" + id));
            colleague.click("#approve-" + id);
            assertTrue(colleague.text("#done").contains("승인"), colleague.text("#done"));
        }
    }

    /** The citizen files the request through the gateway, as the mobile app does. */
    private static String file(PortalUnderTest portal, String token) throws Exception {
        return file(portal, token, NEW_OWNER);
    }

    private static String file(PortalUnderTest portal, String token, String owner) throws Exception {
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(portal.baseUrl
                        + "/api/land/v1/owner-change-requests"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"pnu\":\"" + SINGYO_1_2 + "\",\"change\":{\"ownerName\":\""
                        + owner + "\",\"share\":\"1/1\",\"changedOn\":\"2026-11-02\",\"cause\":\"INHERITANCE\"}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        return created.body().replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
    }
}
