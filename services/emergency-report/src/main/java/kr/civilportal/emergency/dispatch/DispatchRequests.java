package kr.civilportal.emergency.dispatch;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Bodies of the dispatcher's steps. Component names are the JSON names, so field errors match. Text with a NUL is
 * refused while the JSON is read (portal-common's {@code StorableStrings}).
 */
public final class DispatchRequests {

    private DispatchRequests() {
    }

    /** 출동 지령: which unit goes, e.g. "종로소방서 펌프1". */
    public record Assignment(@NotBlank @Size(max = 100) String unit) {
    }

    /** 메모. */
    public record Note(@NotBlank @Size(max = 2000) String text) {
    }

    /** 종결: how it ended, with an optional remark. */
    public record Closure(@NotNull Outcome outcome,
                          @Size(max = 2000) String note) {
    }
}
