package kr.civilportal.citizen.passport;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The fee quote (수수료): issuance fee plus the international exchange contribution. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Fee(long totalKrw, long issuanceFeeKrw, long contributionKrw) {
}
