package kr.civilportal.residency.certificate;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import kr.civilportal.common.outbox.DomainEvent;
import kr.civilportal.common.outbox.Outbox;

/**
 * A certificate issued, told to its holder through the outbox (docs/events.md) in the issuing transaction: they get
 * their number to re-download it, and learn of an issuance they did not make (an account used by someone else).
 */
@ApplicationScoped
public class CertificateEvents {

    /** 발급: {@code reference} is the issuance number, {@code kind} the certificate's kind. */
    public static final String ISSUED = "residency.certificate.issued";

    private final Outbox outbox;
    private final Clock clock = Clock.systemUTC();

    CertificateEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void issued(Certificate c) {
        outbox.record(DomainEvent.now(clock, "residency", ISSUED, c.issuanceNumber, List.of(c.residentId),
                Map.of("reference", c.issuanceNumber, "kind", c.kind.name())));
    }
}
