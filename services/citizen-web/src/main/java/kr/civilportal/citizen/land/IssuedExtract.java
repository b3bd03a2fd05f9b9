package kr.civilportal.citizen.land;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.OffsetDateTime;

/** An extract the citizen had issued, as land-registry lists it (발급 내역). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IssuedExtract(String issuanceNumber, OffsetDateTime issuedAt, String pnu, String address) {
}
