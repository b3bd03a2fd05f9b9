package kr.civilportal.land.ownerchange;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 처리 현황: the office's owner-change requests at a glance, over the officer's offices. */
public record FilingCounts(
        @Schema(description = "접수 대기: waiting, nobody holds them") long received,
        @Schema(description = "처리 중: waiting, held by an officer") long inProgress,
        @Schema(description = "처리기한 경과: waiting past their deadline") long overdue,
        @Schema(description = "오늘 처리: decided since midnight, Korean time") long decidedToday) {
}
