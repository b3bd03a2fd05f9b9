package kr.civilportal.web.waiting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.junit.jupiter.api.Test;

/** What the waiting-room page sends again: the request as it came, without its CSRF token or its files. */
class WaitingRoomPageTest {

    @Test
    void aFormIsRepeatedFieldForFieldWithItsKeyAndWithoutItsCsrfToken() {
        FormData form = new FormData(10);
        form.add("slotId", "4f1c");
        form.add("idempotencyKey", "k-1");
        form.add("csrf-token", "secret");
        form.add("office", "");
        WaitingRoomPage.Resume resume = WaitingRoomPage.resume("POST", "/my/appointments/1", form, "from=%2Fmy",
                Set.of("csrf-token"));
        assertEquals("post", resume.method());
        assertEquals("/my/appointments/1?from=%2Fmy", resume.action());
        assertEquals(List.of(new WaitingRoomPage.Field("slotId", "4f1c"), new WaitingRoomPage.Field("idempotencyKey", "k-1"),
                new WaitingRoomPage.Field("office", "")), resume.fields());
        assertTrue(resume.files().isEmpty());
    }

    @Test
    void aPageIsAskedForAgainWithItsQuery() {
        WaitingRoomPage.Resume resume = WaitingRoomPage.resume("GET", "/my/appointments/1", null,
                "office=jongno&booked=true&q=%EC%B2%AD%EC%9A%B4%EB%8F%99+1", Set.of());
        assertEquals("get", resume.method());
        assertEquals(List.of(new WaitingRoomPage.Field("office", "jongno"), new WaitingRoomPage.Field("booked", "true"),
                new WaitingRoomPage.Field("q", "청운동 1")), resume.fields());
    }
}
