package kr.civilportal.residency.certificate;

import kr.civilportal.documents.VerificationLink;
import kr.civilportal.common.time.KoreanTime;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import kr.civilportal.documents.ContentHash;
import kr.civilportal.documents.IssuanceNumber;
import kr.civilportal.documents.DocumentSigner;
import kr.civilportal.documents.DocumentSigningException;
import kr.civilportal.documents.PdfRenderer;
import kr.civilportal.documents.ShownContent;
import kr.civilportal.common.problem.ProblemType;
import org.jboss.logging.Logger;
import kr.civilportal.common.idempotency.IdempotentResponse;
import kr.civilportal.common.idempotency.IdempotentWrites;
import kr.civilportal.common.idempotency.InProgressPolicy;
import kr.civilportal.common.idempotency.KeyedRequest;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.residency.resident.AddressHistory;
import kr.civilportal.residency.resident.Household;
import kr.civilportal.residency.resident.Resident;
import kr.civilportal.residency.rrn.RrnCipher;
import kr.civilportal.residency.ResidencySettings;

/**
 * Issues certificates: gathers what the certificate attests, stores it with its hash under a fresh issuance
 * number, renders the PDF and signs it (PAdES B-T: the office's signature and a time stamp). The record, with the
 * signature, is written before the PDF is handed out, and rendering and signing happen inside the transaction, so
 * a failed rendering or an unreachable time-stamp authority leaves no certificate behind (503: try again).
 */
@ApplicationScoped
public class Certificates {

    private static final int CREATED = 201;
    private static final Logger LOG = Logger.getLogger(Certificates.class);

    private final RrnCipher cipher;
    private final ObjectMapper json;
    private final IdempotentWrites writes;
    private final String issuer;
    private final VerificationLink verificationLink;
    private final DocumentSigner signer;
    private final CertificateEvents events;

    Certificates(RrnCipher cipher, ObjectMapper json, IdempotentWrites writes, DocumentSigner signer,
                 ResidencySettings settings, CertificateEvents events) {
        this.events = events;
        this.cipher = cipher;
        this.json = json;
        this.writes = writes;
        this.issuer = settings.certificate().issuer();
        this.verificationLink = new VerificationLink(settings.certificate().verificationUrl());
        this.signer = signer;
    }

    /** A rendered certificate and its record; {@code replayed} when it is the answer to an earlier request. */
    public record Issued(CertificateView certificate, byte[] pdf, boolean replayed) {
    }

    /**
     * Issues once per Idempotency-Key (when the caller sends one). What is stored as the key's answer is the
     * certificate's record, not the PDF: a retry gets that certificate again, its PDF rendered anew from the
     * stored data (byte for byte the first one), and no second issuance number.
     */
    @Transactional
    public Issued issue(UUID residentId, CertificateRequest request, KeyedRequest keyed) {
        AtomicReference<Issued> issued = new AtomicReference<>();
        IdempotentResponse answer = writes.execute(keyed, InProgressPolicy.REJECT, () -> {
            issued.set(issue(residentId, request));
            CertificateView c = issued.get().certificate();
            return writes.json(CREATED, URI.create(c.pdf()), c);
        });
        if (!answer.replayed()) {
            return issued.get();
        }
        CertificateView first = writes.read(answer.response(), CertificateView.class);
        return new Issued(first, pdf(residentId, first.issuanceNumber()), true);
    }

    @Transactional
    Issued issue(UUID residentId, CertificateRequest request) {
        Resident holder = Resident.findById(residentId);
        if (holder == null) {
            throw ProblemException.notFound("No resident record is linked to your account.",
                    "계정에 연결된 주민등록 정보가 없습니다.");
        }
        IssuanceNumber number = IssuanceNumber.generate();
        OffsetDateTime issuedAt = OffsetDateTime.now(KoreanTime.ZONE).truncatedTo(ChronoUnit.SECONDS);
        AttestedData data = attest(holder, request, number, issuedAt);
        String canonical = ContentHash.canonicalJson(data);
        Certificate c = new Certificate();
        c.issuanceNumber = number.formatted();
        c.kind = request.kind();
        c.residentId = holder.id;
        c.issuedAt = issuedAt;
        c.includeFormerAddresses = request.formerAddresses();
        c.showBackDigits = request.backDigits();
        c.attestedData = canonical;
        c.contentHash = ContentHash.sha256Hex(canonical);
        DocumentSigner.Signed signed = sign(c, render(c, data, holder));
        c.signature = signed.signature();
        c.persist();
        events.issued(c);
        return new Issued(CertificateView.of(c), signed.pdf(), false);
    }

    @Transactional
    public List<CertificateView> of(UUID residentId) {
        return Certificate.<Certificate>list("residentId = ?1 order by issuedAt desc", residentId).stream()
                .map(CertificateView::of).toList();
    }

    /** Renders one of the caller's certificates again, identical in content to the first time. */
    @Transactional
    public byte[] pdf(UUID residentId, String issuanceNumber) {
        Certificate c = IssuanceNumber.parse(issuanceNumber)
                .map(n -> Certificate.<Certificate>findById(n.formatted()))
                .filter(found -> found.residentId.equals(residentId))
                .orElseThrow(() -> ProblemException.notFound("You have no certificate with this number.",
                        "해당 번호로 발급된 본인의 증명서가 없습니다."));
        try {
            AttestedData data = json.readValue(c.attestedData, AttestedData.class);
            byte[] pdf = render(c, data, Resident.findById(residentId));
            if (c.signature == null) {
                // Issued before documents were signed: signed now (its time stamp says so).
                return sign(c, pdf).pdf();
            }
            return signer.assemble(pdf, c.issuedAt.toInstant(), reason(c), c.signature);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored certificate data cannot be read", e);
        } catch (DocumentSigningException e) {
            throw notSigned(e);
        }
    }

    private DocumentSigner.Signed sign(Certificate c, byte[] pdf) {
        try {
            return signer.sign(pdf, c.issuedAt.toInstant(), reason(c));
        } catch (DocumentSigningException e) {
            throw notSigned(e);
        }
    }

    /**
     * What the certificate shows, for the public verification of its number: the same tables as the PDF, with the
     * holder's number masked whatever the holder asked for on their copy.
     */
    public ShownContent content(Certificate c) {
        try {
            AttestedData data = json.readValue(c.attestedData, AttestedData.class);
            return ShownContent.of(CertificateDocument.of(data, c.contentHash, null, issuer,
                    verificationLink.of(c.issuanceNumber)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored certificate data cannot be read", e);
        }
    }

    /** What the signature says it is for, as readers show it. */
    private static String reason(Certificate c) {
        return c.kind.titleKo() + " 발급 (문서확인번호 " + c.issuanceNumber + ")";
    }

    private static ProblemException notSigned(DocumentSigningException e) {
        LOG.errorf("A certificate could not be signed: %s", e.getMessage());
        return new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                "Certificates cannot be issued right now (the document signature could not be made). Please try again in a few minutes.",
                "지금은 증명서를 발급할 수 없습니다(전자서명을 만들지 못했습니다). 잠시 후 다시 시도해 주세요.");
    }

    private byte[] render(Certificate c, AttestedData data, Resident holder) {
        String holderNumber = c.showBackDigits ? holder.rrn(cipher).unmaskedForHolderCertificate() : null;
        return PdfRenderer.render(CertificateDocument.of(data, c.contentHash, holderNumber, issuer,
                verificationLink.of(c.issuanceNumber)));
    }

    private AttestedData attest(Resident holder, CertificateRequest request, IssuanceNumber number,
                                OffsetDateTime issuedAt) {
        List<AddressHistory> history = AddressHistory.of(holder.id);
        AttestedData.Person holderPerson = person(holder, history);
        AttestedData.Household household = null;
        if (request.kind() == CertificateKind.HOUSEHOLD) {
            Household h = holder.household;
            List<AttestedData.Person> members = new ArrayList<>();
            String headName = null;
            for (Resident m : h.members()) {
                members.add(m.id.equals(holder.id) ? holderPerson : person(m, AddressHistory.of(m.id)));
                if (m.relationToHead == kr.civilportal.residency.resident.RelationToHead.HEAD) {
                    headName = m.name;
                }
            }
            household = new AttestedData.Household(h.address, headName == null ? "" : headName, members);
        }
        List<AddressHistory> shown = request.formerAddresses() || history.isEmpty()
                ? history : List.of(history.get(history.size() - 1));
        List<AttestedData.Address> addresses = shown.stream()
                .sorted(Comparator.comparing((AddressHistory a) -> a.movedInOn).thenComparing(a -> a.id))
                .map(a -> new AttestedData.Address(a.movedInOn, a.address, a.reason)).toList();
        return new AttestedData(number.formatted(), request.kind(), issuedAt, holderPerson, request.backDigits(),
                request.formerAddresses(), household, addresses);
    }

    private AttestedData.Person person(Resident r, List<AddressHistory> history) {
        var movedIn = history.isEmpty() ? null : history.get(history.size() - 1).movedInOn;
        return new AttestedData.Person(r.name, r.rrn(cipher).masked(), r.relationToHead, movedIn);
    }
}
