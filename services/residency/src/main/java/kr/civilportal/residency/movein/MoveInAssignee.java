package kr.civilportal.residency.movein;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A residency officer a move-in report may be assigned to (배정 대상): their subject is what an assignment names. */
public record MoveInAssignee(
        @Schema(description = "The officer's account id (the token's sub)",
                examples = "a1c2e3f4-0000-4000-8000-000000000021") String subject,
        @Schema(description = "User name, as holders are shown", examples = "residency-officer3") String officer) {
}
