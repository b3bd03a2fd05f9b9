package kr.civilportal.notification.delivery;

import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one query every sender takes its next row with: the earliest due PENDING delivery of its channels,
 * {@code FOR UPDATE SKIP LOCKED}, so replicas share the work and a row is sent by one of them at a time. Called in
 * the sender's transaction of that one row.
 */
public final class DueDeliveries {

    private DueDeliveries() {
    }

    public static Optional<Delivery> next(EntityManager em, Instant now, Channel... channels) {
        // the channel names are the enum's constants, never input: safe to write into the statement
        String in = Arrays.stream(channels).map(c -> "'" + c.name() + "'").collect(Collectors.joining(", "));
        @SuppressWarnings("unchecked")
        List<Delivery> due = em.createNativeQuery("""
                        select * from delivery
                        where state = 'PENDING' and channel in (%s) and next_attempt_at <= ?1
                        order by next_attempt_at
                        limit 1
                        for update skip locked""".formatted(in), Delivery.class)
                .setParameter(1, Timestamp.from(now))
                .getResultList();
        return due.stream().findFirst();
    }
}
