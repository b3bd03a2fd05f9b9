package kr.civilportal.emergency.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kr.civilportal.emergency.report.ReportCategory;

/**
 * The initial priority of a report (초기 분류): its category's priority, raised one level when the text names
 * a danger to life that the category alone does not show (a "disaster" with someone trapped, "other" with
 * someone unconscious). Only a starting point for the board's order; a dispatcher re-triages.
 */
public final class Triage {

    /**
     * Words that mean a life may be at stake right now. Word stems, matched as substrings: Korean inflects
     * them (갇혀/갇힌), and a reporter in panic writes neither full sentences nor correct spelling.
     */
    static final List<String> LIFE_AT_STAKE = List.of(
            "의식이 없", "의식 없", "숨을 안", "숨을 쉬지", "호흡이 없", "호흡 없", "심정지", "갇혀", "갇힌", "고립",
            "출혈", "피를 많이", "폭발", "붕괴", "무너", "사람이 안에", "떠내려",
            "unconscious", "not breathing", "trapped", "bleeding", "explosion", "collapse");

    private Triage() {
    }

    /** The priority and the keywords that raised it, if any. */
    public static Result assess(ReportCategory category, String description) {
        int priority = category.initialPriority();
        List<String> matched = new ArrayList<>();
        String text = description == null ? "" : description.toLowerCase(Locale.ROOT);
        for (String keyword : LIFE_AT_STAKE) {
            if (text.contains(keyword)) {
                matched.add(keyword);
            }
        }
        if (!matched.isEmpty()) {
            priority = Math.max(ReportCategory.HIGHEST_PRIORITY, priority - 1);
        }
        return new Result(priority, List.copyOf(matched));
    }

    public record Result(int priority, List<String> keywords) {
    }
}
