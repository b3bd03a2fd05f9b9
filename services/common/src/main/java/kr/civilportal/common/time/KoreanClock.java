package kr.civilportal.common.time;

import jakarta.inject.Singleton;
import jakarta.validation.ClockProvider;
import java.time.Clock;

/**
 * The clock Bean Validation judges {@code @PastOrPresent} and {@code @Future} by. The specification's default is
 * the JVM's zone, which on a server is usually UTC: from midnight to 09:00 KST a citizen's "today" (a move-in
 * date, an owner-change date) would be "the future" and refused. Quarkus hands a {@link ClockProvider} bean to
 * its validator factory, so every service that has this library judges dates in Korean time.
 */
@Singleton
public class KoreanClock implements ClockProvider {

    private final Clock clock = Clock.system(KoreanTime.ZONE);

    @Override
    public Clock getClock() {
        return clock;
    }
}
