package kr.civilportal.passport.holder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A passport officer an application may be assigned to (배정 대상): their subject is what an assignment names. */
public record Assignee(@Schema(description = "The officer's account id (the token's sub)",
                               examples = "a1c2e3f4-0000-4000-8000-000000000018") String subject,
                       @Schema(description = "User name, as holders are shown", examples = "passport-officer2")
                       String officer) {
}
