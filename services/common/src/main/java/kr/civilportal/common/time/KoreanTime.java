package kr.civilportal.common.time;

import java.time.ZoneId;

/**
 * The civil time of the Republic of Korea (KST), in which every date a citizen or official sees is counted:
 * issue dates on documents, the day whose fee table applies, supplement deadlines, pickup days.
 */
public final class KoreanTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Seoul");

    private KoreanTime() {
    }
}
