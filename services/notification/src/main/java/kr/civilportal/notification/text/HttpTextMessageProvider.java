package kr.civilportal.notification.text;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import kr.civilportal.notification.NotificationSettings;

/**
 * The provider's HTTP API ({@code POST {sms-url}/v1/sms}, {@code POST {alimtalk-url}/v1/alimtalk}) over Quarkus'
 * own Vert.x. Every call is bounded by {@code portal.notification.text.send-timeout}, connecting included: a provider
 * that says nothing must not hold a delivery row for long.
 */
@ApplicationScoped
public class HttpTextMessageProvider implements TextMessageProvider {

    static final String SMS_PATH = "/v1/sms";
    static final String ALIMTALK_PATH = "/v1/alimtalk";
    static final String NOT_A_KAKAO_USER = "not-a-kakao-user";
    private static final int ACCEPTED_FROM = 200;
    private static final int CLIENT_ERRORS_FROM = 400;
    private static final int SERVER_ERRORS_FROM = 500;
    private static final int CONFLICT = 409;

    private final WebClient client;
    private final NotificationSettings.Text settings;

    @Inject
    public HttpTextMessageProvider(Vertx vertx, NotificationSettings settings) {
        this.settings = settings.text();
        int timeout = Math.toIntExact(this.settings.sendTimeout().toMillis());
        this.client = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(timeout)
                .setIdleTimeout(Math.toIntExact(this.settings.sendTimeout().toSeconds()) + 1));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    @Override
    public SendResult sms(String to, String text, UUID reference) {
        return post(settings.smsUrl(), SMS_PATH, new JsonObject().put("to", to).put("text", text)
                .put("reference", reference.toString()));
    }

    @Override
    public SendResult alimtalk(String to, String templateCode, String text, UUID reference) {
        return post(settings.alimtalkUrl(), ALIMTALK_PATH, new JsonObject().put("to", to)
                .put("templateCode", templateCode).put("text", text).put("reference", reference.toString()));
    }

    private SendResult post(Optional<String> base, String path, JsonObject body) {
        if (base.isEmpty() || base.get().isBlank()) {
            return new Failed("provider URL not configured");
        }
        Duration timeout = settings.sendTimeout();
        HttpResponse<Buffer> answer;
        try {
            answer = client.postAbs(stripSlash(base.get()) + path)
                    .timeout(timeout.toMillis())
                    .putHeader("Accept", "application/json, application/problem+json")
                    .sendJsonObject(body)
                    .await().atMost(timeout.plusSeconds(1));
        } catch (RuntimeException e) {
            // the class only: a connection error's message may quote the URL, never the number, but stay terse
            return new Failed(e.getClass().getSimpleName());
        }
        int status = answer.statusCode();
        if (status >= ACCEPTED_FROM && status < CLIENT_ERRORS_FROM) {
            return new Accepted(messageId(answer));
        }
        if (status == CONFLICT && problemType(answer).endsWith(NOT_A_KAKAO_USER)) {
            return new NotAKakaoUser();
        }
        if (status < SERVER_ERRORS_FROM) {
            return new Rejected("HTTP " + status);
        }
        return new Failed("HTTP " + status);
    }

    private static String messageId(HttpResponse<Buffer> answer) {
        try {
            JsonObject json = answer.bodyAsJsonObject();
            return json == null ? null : json.getString("messageId");
        } catch (RuntimeException e) {
            // taken is taken: a provider's odd body does not make the message unsent
            return null;
        }
    }

    private static String problemType(HttpResponse<Buffer> answer) {
        try {
            JsonObject json = answer.bodyAsJsonObject();
            String type = json == null ? null : json.getString("type");
            return type == null ? "" : type;
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static String stripSlash(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
