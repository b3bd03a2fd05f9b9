package kr.civilportal.notification;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Event envelopes as the services publish them (version 1, docs/events.md). */
public final class Events {

    private Events() {
    }

    public static String envelope(UUID eventId, String type, UUID petition, List<String> recipients, String data) {
        return envelope(eventId, type, "residency", petition.toString(), recipients, data);
    }

    public static String envelope(UUID eventId, String type, String source, String subject, List<String> recipients,
                                  String data) {
        return """
                {"eventId":"%s","type":"%s","version":1,"source":"%s","occurredAt":"2026-12-07T01:02:03.123Z",
                 "subject":"%s","recipients":[%s],"data":%s}
                """.formatted(eventId, type, source, subject,
                recipients.stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(",")), data);
    }

    public static String received(UUID eventId, UUID petition, String... recipients) {
        return envelope(eventId, "residency.move-in.received", petition, List.of(recipients),
                "{\"reference\":\"" + petition.toString().substring(0, 8) + "\",\"dueOn\":\"2026-12-10\"}");
    }

    public static String supplementRequested(UUID eventId, UUID petition, String... recipients) {
        return envelope(eventId, "residency.move-in.supplement-requested", petition, List.of(recipients),
                "{\"reference\":\"" + petition.toString().substring(0, 8)
                        + "\",\"reason\":\"임대차계약서 사본\",\"dueOn\":\"2026-12-14\"}");
    }
}
