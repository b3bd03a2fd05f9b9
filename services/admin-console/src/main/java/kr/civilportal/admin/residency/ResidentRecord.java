package kr.civilportal.admin.residency;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A resident's record as residency shows it to an official who gave the reason (number masked). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResidentRecord(Record record) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Record(String name, String residentRegistrationNumber, String address) {
    }
}
