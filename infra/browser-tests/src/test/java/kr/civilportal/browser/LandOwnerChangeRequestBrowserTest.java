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
 * the change on top.
 */
@ExtendWith(PortalUnderTest.class)
class LandOwnerChangeRequestBrowserTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** 서울특별시 종로구 신교동 1-2: no other browser journey changes it. */
    private static final String SINGYO_1_2 = "1111010200100010002";
    private static final String NEW_OWNER = "차은서";

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

    /** The citizen files the request through the gateway, as the mobile app does. */
    private static String file(PortalUnderTest portal, String token) throws Exception {
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(portal.baseUrl
                        + "/api/land/v1/owner-change-requests"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"pnu\":\"" + SINGYO_1_2 + "\",\"change\":{\"ownerName\":\""
                        + NEW_OWNER + "\",\"share\":\"1/1\",\"changedOn\":\"2026-11-02\",\"cause\":\"INHERITANCE\"}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        return created.body().replaceAll(".*\"id\":\"([0-9a-f-]{36})\".*", "$1");
    }
}
