package kr.civilportal.residency.verification;

import kr.civilportal.residency.certificate.Certificates;
import kr.civilportal.common.time.KoreanTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import kr.civilportal.documents.IssuanceNumber;
import kr.civilportal.residency.certificate.Certificate;

/** Looks an issuance number up among the issued certificates. */
@ApplicationScoped
public class Verifications {

    private final Certificates certificates;

    Verifications(Certificates certificates) {
        this.certificates = certificates;
    }


    @Transactional
    public Optional<Verification> find(IssuanceNumber number) {
        return Optional.ofNullable(Certificate.<Certificate>findById(number.formatted()))
                .map(c -> new Verification(c.issuanceNumber, true, c.kind, c.kind.titleKo(),
                        c.issuedAt.atZoneSameInstant(KoreanTime.ZONE).toOffsetDateTime(), c.contentHash,
                        certificates.content(c)));
    }
}
