package kr.civilportal.admin.relay;

import java.util.Arrays;

/** A held report's state in the gateway's journal; {@link #OTHER} for one this console does not know yet. */
public enum HeldState {
    HELD,      // 보관 중: waiting for the service
    DELIVERED, // 전달됨
    FAILED,    // 전달 실패: the service refused it for good
    RESOLVED,  // 처리 완료: settled by a supervisor
    OTHER;

    static HeldState of(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst().orElse(OTHER);
    }
}
