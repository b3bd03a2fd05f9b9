package kr.civilportal.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The text-message sink as the portal runs it (isolated ports, offset 12 500), spoken to over HTTP as the notification
 * service and the README's curl do: the provider API of docs/text-messages.md, call by call.
 */
class TextMessageSinkTest {

    static final int PORT_OFFSET = 12_500;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path work;

    private TextMessageSink sink;

    @BeforeEach
    void startSink() {
        PortalOptions options = PortalOptions.isolated(PortalHome.locate(), PORT_OFFSET, work).withNotifications();
        sink = TextMessageSink.start(options.textSinkPort());
        assertEquals(PortalOptions.TEXT_SINK_PORT + options.portOffset(), sink.port());
        assertEquals(NotificationWiring.textSinkUrl(options), sink.url(), "where the notification service sends");
    }

    @AfterEach
    void stopSink() {
        sink.close();
    }

    @Test
    void anSmsAndAnAlimtalkAreAcceptedAndReadBackForTheirNumberOldestFirst() throws Exception {
        Instant before = Instant.now();
        HttpResponse<String> sms = post("/v1/sms",
                "{\"to\":\"01012345678\",\"text\":\"[정부24] 전입신고가 처리되었습니다.\",\"reference\":\"d-1\"}");
        assertEquals(202, sms.statusCode(), sms.body());
        assertTrue(json(sms).get("messageId").asText().length() > 0, sms.body());
        HttpResponse<String> talk = post("/v1/alimtalk", "{\"to\":\"01012345678\",\"templateCode\":"
                + "\"PASSPORT_READY_FOR_PICKUP\",\"text\":\"여권을 찾아가세요\",\"reference\":\"d-2\"}");
        assertEquals(202, talk.statusCode(), talk.body());
        assertTrue(!json(talk).get("messageId").asText().equals(json(sms).get("messageId").asText()));
        post("/v1/sms", "{\"to\":\"01099998888\",\"text\":\"someone else's\"}");

        HttpResponse<String> read = get("/v1/messages?to=01012345678");
        assertEquals(200, read.statusCode());
        assertTrue(read.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode messages = json(read);
        assertEquals(2, messages.size(), read.body());
        JsonNode first = messages.get(0);
        assertEquals("sms", first.get("channel").asText());
        assertEquals("01012345678", first.get("to").asText());
        assertEquals("[정부24] 전입신고가 처리되었습니다.", first.get("text").asText());
        assertTrue(first.get("templateCode").isNull(), "an SMS has no template");
        assertEquals("d-1", first.get("reference").asText());
        assertTrue(!Instant.parse(first.get("receivedAt").asText()).isBefore(before.minusSeconds(1)));
        JsonNode second = messages.get(1);
        assertEquals("alimtalk", second.get("channel").asText());
        assertEquals("PASSPORT_READY_FOR_PICKUP", second.get("templateCode").asText());
        assertEquals("d-2", second.get("reference").asText());

        // The client method system tests use reads the same.
        assertEquals(2, JSON.readTree(sink.messagesFor("01012345678")).size());
        assertEquals("[]", sink.messagesFor("01000000000"));
    }

    @Test
    void aRepeatedSendIsKeptTwiceSoATestCanCountIt() throws Exception {
        String body = "{\"to\":\"01011112222\",\"text\":\"보완 요청\",\"reference\":\"same-delivery\"}";
        assertEquals(202, post("/v1/sms", body).statusCode());
        assertEquals(202, post("/v1/sms", body).statusCode());

        JsonNode messages = JSON.readTree(sink.messagesFor("01011112222"));
        assertEquals(2, messages.size());
        assertEquals(messages.get(0).get("reference"), messages.get(1).get("reference"));
    }

    @Test
    void alimtalkToANumberWithoutKakaoTalkIsAConflictAndNothingIsKept() throws Exception {
        HttpResponse<String> refused = post("/v1/alimtalk",
                "{\"to\":\"01090001234\",\"templateCode\":\"T\",\"text\":\"x\",\"reference\":\"d\"}");

        assertEquals(409, refused.statusCode());
        assertEquals(TextMessageSink.PROBLEM_JSON, refused.headers().firstValue("Content-Type").orElse(null));
        assertTrue(json(refused).get("type").asText().endsWith("/not-a-kakao-user"), refused.body());
        assertEquals(409, json(refused).get("status").asInt());
        assertEquals("[]", sink.messagesFor("01090001234"));
        // The fall-back (대체발송) to the same number by SMS is taken.
        assertEquals(202, post("/v1/sms", "{\"to\":\"01090001234\",\"text\":\"x\"}").statusCode());
    }

    @Test
    void malformedOrIncompleteBodiesAreBadRequestsAsProblemJson() throws Exception {
        List<String[]> bad = List.of(
                new String[] {"/v1/sms", "not json"},
                new String[] {"/v1/sms", "[\"to\"]"},
                new String[] {"/v1/sms", ""},
                new String[] {"/v1/sms", "{\"text\":\"no number\"}"},
                new String[] {"/v1/sms", "{\"to\":\"01012345678\"}"},
                new String[] {"/v1/sms", "{\"to\":\"01012345678\",\"text\":\" \"}"},
                new String[] {"/v1/sms", "{\"to\":\"010-1234-5678\",\"text\":\"dashes\"}"},
                new String[] {"/v1/sms", "{\"to\":\"+821012345678\",\"text\":\"plus\"}"},
                new String[] {"/v1/sms", "{\"to\":1012345678,\"text\":\"a number, not a string\"}"},
                new String[] {"/v1/sms", "{\"to\":\"01012345678\",\"text\":\"" + "가".repeat(1_001) + "\"}"},
                new String[] {"/v1/alimtalk", "{\"to\":\"01012345678\",\"text\":\"no template\"}"},
                new String[] {"/v1/alimtalk", "{\"to\":\"0109\",\"templateCode\":\"T\"}"});
        for (String[] call : bad) {
            HttpResponse<String> answer = post(call[0], call[1]);
            assertEquals(400, answer.statusCode(), call[0] + " " + call[1] + ": " + answer.body());
            assertEquals(TextMessageSink.PROBLEM_JSON, answer.headers().firstValue("Content-Type").orElse(null));
            assertEquals(400, json(answer).get("status").asInt());
            assertTrue(json(answer).get("detail").asText().length() > 0);
        }
        assertEquals("[]", sink.messagesFor("01012345678"), "nothing invalid is kept");
        // The longest SMS the provider takes (carriers count 2 bytes a Hangul syllable) is taken.
        assertEquals(202, post("/v1/sms", "{\"to\":\"01012345678\",\"text\":\""
                + "가".repeat(TextMessageSink.SMS_MAX_BYTES / 2) + "\"}").statusCode());
        assertEquals(400, get("/v1/messages").statusCode(), "the number to read for is required");
    }

    @Test
    void deleteForgetsEveryMessageAndWrongMethodsOrPathsAreRefused() throws Exception {
        post("/v1/sms", "{\"to\":\"01012345678\",\"text\":\"a\"}");
        post("/v1/sms", "{\"to\":\"01087654321\",\"text\":\"b\"}");

        HttpResponse<String> deleted = send(HttpRequest.newBuilder(uri("/v1/messages")).DELETE());
        assertEquals(204, deleted.statusCode());
        assertEquals("[]", sink.messagesFor("01012345678"));
        assertEquals("[]", sink.messagesFor("01087654321"));
        post("/v1/sms", "{\"to\":\"01012345678\",\"text\":\"c\"}");
        sink.purge();
        assertEquals("[]", sink.messagesFor("01012345678"));

        assertEquals(405, get("/v1/sms").statusCode());
        assertEquals(405, post("/v1/messages", "{}").statusCode());
        assertEquals(404, get("/v1/other").statusCode());
    }

    @Test
    void concurrentSendsAreAllKept() throws Exception {
        int senders = 4;
        int each = 25;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int s = 0; s < senders; s++) {
                int sender = s;
                Callable<Integer> task = () -> {
                    int accepted = 0;
                    for (int i = 0; i < each; i++) {
                        if (post("/v1/sms", "{\"to\":\"01055556666\",\"text\":\"" + sender + "-" + i + "\"}")
                                .statusCode() == 202) {
                            accepted++;
                        }
                    }
                    return accepted;
                };
                results.add(pool.submit(task));
            }
            int accepted = 0;
            for (Future<Integer> result : results) {
                accepted += result.get();
            }
            assertEquals(senders * each, accepted);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(senders * each, JSON.readTree(sink.messagesFor("01055556666")).size());
    }

    @Test
    void afterCloseNothingListens() throws Exception {
        sink.close();
        assertEquals(-1, Http.status(sink.url() + "/v1/messages?to=01012345678"));
        sink = TextMessageSink.start(sink.port());
        assertEquals("[]", sink.messagesFor("01012345678"), "a new sink starts empty");
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return CLIENT.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(sink.url() + path);
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }
}
