package kr.civilportal.notification.text;

import java.util.UUID;

/**
 * The SMS and KakaoTalk 알림톡 provider (docs/text-messages.md). {@code reference} is the delivery's id, so the
 * provider can tell a repeated send (the sender is at least once) from a new message. Implementations never throw
 * for an answer or a network failure: they say what happened, and never put the number into a log line.
 */
public interface TextMessageProvider {

    SendResult sms(String to, String text, UUID reference);

    SendResult alimtalk(String to, String templateCode, String text, UUID reference);

    /** What the provider made of a message. */
    sealed interface SendResult {
    }

    /** Taken (202). */
    record Accepted(String messageId) implements SendResult {
    }

    /** 409 {@code not-a-kakao-user}: the number has no KakaoTalk; an SMS goes instead (대체발송). */
    record NotAKakaoUser() implements SendResult {
    }

    /** Any other 4xx: final, trying again changes nothing. {@code why} is the status, never the body. */
    record Rejected(String why) implements SendResult {
    }

    /** 5xx, a time-out or a refused connection: tried again after the backoff. */
    record Failed(String why) implements SendResult {
    }
}
