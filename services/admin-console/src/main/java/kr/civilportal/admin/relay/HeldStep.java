package kr.civilportal.admin.relay;

import java.util.Arrays;

/** A supervisor's step on a held report, as the gateway names it; {@link #OTHER} for a new one. */
public enum HeldStep {
    READ_CONTENT, // 내용 열람
    RETRY,        // 다시 전달
    RESOLVE,      // 처리 완료
    OTHER;

    static HeldStep of(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst().orElse(OTHER);
    }
}
