package kr.civilportal.notification.delivery;

/**
 * Where a notification goes: the portal's inbox, the citizen's e-mail address, or their mobile number by SMS
 * (문자) or KakaoTalk 알림톡.
 */
public enum Channel {
    INBOX, EMAIL, SMS, KAKAO;

    /** Sent to a mobile number through the text-message provider. */
    public boolean isText() {
        return this == SMS || this == KAKAO;
    }
}
