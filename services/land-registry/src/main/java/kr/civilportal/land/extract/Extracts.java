package kr.civilportal.land.extract;

import kr.civilportal.documents.VerificationLink;
import kr.civilportal.common.time.KoreanTime;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import kr.civilportal.documents.ContentHash;
import kr.civilportal.documents.IssuanceNumber;
import kr.civilportal.documents.DocumentSigner;
import kr.civilportal.documents.DocumentSigningException;
import kr.civilportal.documents.PdfRenderer;
import kr.civilportal.documents.ShownContent;
import kr.civilportal.common.masking.Masking;
import kr.civilportal.land.owner.OwnerNameRead;
import kr.civilportal.land.owner.OwnerNameReads;
import kr.civilportal.common.problem.ProblemType;
import kr.civilportal.common.idempotency.IdempotentResponse;
import kr.civilportal.common.idempotency.IdempotentWrites;
import kr.civilportal.common.idempotency.InProgressPolicy;
import kr.civilportal.common.idempotency.KeyedRequest;
import kr.civilportal.common.problem.ProblemException;
import kr.civilportal.land.parcel.ParcelLoader;
import kr.civilportal.land.parcel.ParcelView;
import kr.civilportal.land.pnu.Pnu;
import kr.civilportal.land.LandRegistrySettings;
import org.jboss.logging.Logger;

/**
 * Issues extracts of the land register (토지대장 등본) and verifies them. An extract attests the parcel as the
 * database has it at issue (read directly, not from the cache, so it can never certify a stale copy); its
 * data, hash and signature are stored before the PDF is handed out, and the PDF is rendered and signed (PAdES B-T)
 * inside the transaction, so a failed rendering or an unreachable time-stamp authority leaves no extract on record.
 */
@ApplicationScoped
public class Extracts {

    private static final Logger LOG = Logger.getLogger(Extracts.class);

    private static final int CREATED = 201;

    private final ParcelLoader parcels;
    private final ObjectMapper json;
    private final IdempotentWrites writes;
    private final String issuer;
    private final VerificationLink verificationLink;
    private final DocumentSigner signer;
    private final int listed;
    private final OwnerNameReads ownerReads;

    Extracts(ParcelLoader parcels, ObjectMapper json, IdempotentWrites writes, DocumentSigner signer,
             LandRegistrySettings settings, OwnerNameReads ownerReads) {
        this.parcels = parcels;
        this.ownerReads = ownerReads;
        this.json = json;
        this.writes = writes;
        this.issuer = settings.extract().issuer();
        this.verificationLink = new VerificationLink(settings.extract().verificationUrl());
        this.signer = signer;
        this.listed = settings.extract().listed();
    }

    /** An issued extract: its record and the PDF; {@code replayed} when it answers an earlier request. */
    public record Issued(ExtractVerification record, byte[] pdf, boolean replayed) {
    }

    /**
     * Issues once per Idempotency-Key (when the caller sends one). The key's stored answer is the extract's record,
     * not the PDF: a retry gets that extract again, its PDF rendered anew from the stored data (byte for byte the
     * first one), and no second issuance number.
     */
    @Transactional
    public Issued issue(Pnu pnu, String requester, boolean landOfficer, KeyedRequest keyed) {
        AtomicReference<Issued> issued = new AtomicReference<>();
        IdempotentResponse answer = writes.execute(keyed, InProgressPolicy.REJECT, () -> {
            issued.set(issue(pnu, requester, landOfficer));
            ExtractVerification e = issued.get().record();
            return writes.json(CREATED, URI.create(ExtractResource.PATH + "/" + e.issuanceNumber() + "/pdf"), e);
        });
        if (!answer.replayed()) {
            return issued.get();
        }
        ExtractVerification first = writes.read(answer.response(), ExtractVerification.class);
        return new Issued(first, pdf(first.issuanceNumber(), requester, landOfficer), true);
    }

    @Transactional
    Issued issue(Pnu pnu, String requester, boolean landOfficer) {
        ParcelView full = parcels.load(pnu);
        ParcelView shown = landOfficer ? full : full.masked();
        IssuanceNumber number = IssuanceNumber.generate();
        OffsetDateTime issuedAt = OffsetDateTime.now(KoreanTime.ZONE).truncatedTo(ChronoUnit.SECONDS);
        ExtractData data = attest(shown, number, issuedAt, !landOfficer);
        String canonical = ContentHash.canonicalJson(data);
        LandExtract e = new LandExtract();
        e.issuanceNumber = number.formatted();
        e.pnu = pnu.value();
        e.issuedAt = issuedAt;
        e.issuedTo = requester;
        e.attestedData = canonical;
        e.contentHash = ContentHash.sha256Hex(canonical);
        DocumentSigner.Signed signed = sign(e, render(e, data));
        e.signature = signed.signature();
        e.persist();
        if (landOfficer) {
            // The officer's copy shows the owners in full: logged in the extract's own transaction.
            ownerReads.record(e.pnu, OwnerNameRead.Action.ISSUE_EXTRACT, reason(e));
        }
        LOG.infof("Extract %s issued for parcel %s", e.issuanceNumber, pnu);
        return new Issued(ExtractVerification.of(e, data.address()), signed.pdf(), false);
    }

    /** The extracts issued to this account, newest first, at most {@code portal.land.extract.listed}. */
    @Transactional
    public List<ExtractView> issuedTo(String requester) {
        // Issue times are whole seconds (as printed); the number breaks ties so that a page is always the same.
        return LandExtract.<LandExtract>find("issuedTo = ?1 order by issuedAt desc, issuanceNumber desc", requester)
                .page(0, listed).list().stream()
                .map(e -> ExtractView.of(e, read(e).address()))
                .toList();
    }

    /** The PDF of an extract again, from its stored data: for the requester and land officers only. */
    @Transactional
    public byte[] pdf(String issuanceNumber, String caller, boolean landOfficer) {
        LandExtract e = IssuanceNumber.parse(issuanceNumber)
                .map(n -> LandExtract.<LandExtract>findById(n.formatted()))
                .filter(found -> landOfficer || found.issuedTo.equals(caller))
                .orElseThrow(() -> ProblemException.notFound("You have no extract with this number.",
                        "해당 번호로 발급받은 토지대장 등본이 없습니다."));
        ExtractData data = read(e);
        if (!data.ownerNamesMasked()) {
            ownerReads.record(e.pnu, OwnerNameRead.Action.DOWNLOAD_EXTRACT, "토지대장 등본 재발급 (문서확인번호 "
                    + e.issuanceNumber + ")");
        }
        byte[] pdf = render(e, data);
        if (e.signature == null) {
            // Issued before documents were signed: signed now (its time stamp says so).
            return sign(e, pdf).pdf();
        }
        try {
            return signer.assemble(pdf, e.issuedAt.toInstant(), reason(e), e.signature);
        } catch (DocumentSigningException ex) {
            throw notSigned(ex);
        }
    }

    private DocumentSigner.Signed sign(LandExtract e, byte[] pdf) {
        try {
            return signer.sign(pdf, e.issuedAt.toInstant(), reason(e));
        } catch (DocumentSigningException ex) {
            throw notSigned(ex);
        }
    }

    /** What the extract shows, for its public verification: owner names masked whoever it was issued to. */
    private ShownContent content(LandExtract e, ExtractData data) {
        ExtractData shown = data.ownerNamesMasked() ? data : new ExtractData(data.issuanceNumber(), data.issuedAt(),
                data.pnu(), data.legalDongName(), data.lotNumber(), data.address(), data.landCategoryCode(),
                data.landCategory(), data.areaSquareMeters(), data.officialLandPrices(), data.ownerHistory().stream()
                .map(o -> new ExtractData.Owner(o.sequence(), o.changedOn(), o.causeKo(), Masking.name(o.ownerName()),
                        o.share())).toList(), true);
        return ShownContent.of(ExtractDocument.of(shown, e.issuedAt.atZoneSameInstant(KoreanTime.ZONE).toOffsetDateTime(),
                e.contentHash, issuer, verificationLink.of(e.issuanceNumber)));
    }

    /** What the signature says it is for, as readers show it. */
    private static String reason(LandExtract e) {
        return "토지대장 등본 발급 (문서확인번호 " + e.issuanceNumber + ")";
    }

    private static ProblemException notSigned(DocumentSigningException ex) {
        LOG.errorf("An extract could not be signed: %s", ex.getMessage());
        return new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                "Extracts cannot be issued right now (the document signature could not be made). Please try again in a few minutes.",
                "지금은 토지대장 등본을 발급할 수 없습니다(전자서명을 만들지 못했습니다). 잠시 후 다시 시도해 주세요.");
    }

    /** 진위확인: what anyone may learn about an issuance number; empty when none was issued. */
    @Transactional
    public Optional<ExtractVerification> verify(IssuanceNumber number) {
        return Optional.ofNullable(LandExtract.<LandExtract>findById(number.formatted()))
                .map(e -> {
                    ExtractData data = read(e);
                    return ExtractVerification.of(e, data.address(), content(e, data));
                });
    }

    private byte[] render(LandExtract e, ExtractData data) {
        // The time from the record, in Korean time: JSON read back may have been shifted to UTC.
        return PdfRenderer.render(ExtractDocument.of(data, e.issuedAt.atZoneSameInstant(KoreanTime.ZONE).toOffsetDateTime(),
                e.contentHash, issuer,
                verificationLink.of(e.issuanceNumber)));
    }

    private ExtractData read(LandExtract e) {
        try {
            return json.readValue(e.attestedData, ExtractData.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Stored extract data cannot be read", ex);
        }
    }

    private static ExtractData attest(ParcelView p, IssuanceNumber number, OffsetDateTime issuedAt, boolean masked) {
        Pnu pnu = Pnu.parse(p.pnu());
        String dongName = p.address().substring(0, p.address().length() - pnu.lotNumber().length()).strip();
        return new ExtractData(number.formatted(), issuedAt, p.pnu(), dongName, pnu.lotNumber(), p.address(),
                p.landCategory().code(), p.landCategory().name(), p.areaSquareMeters().toPlainString(),
                p.officialLandPrices().stream()
                        .map(x -> new ExtractData.Price(x.year(), x.pricePerSquareMeter())).toList(),
                p.ownerHistory().stream()
                        .map(o -> new ExtractData.Owner(o.sequence(), o.changedOn(), o.causeKo(), o.ownerName(), o.share()))
                        .toList(),
                masked);
    }
}
