package kr.civilportal.emergency.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kr.civilportal.emergency.report.ReportCategory;
import org.junit.jupiter.api.Test;

class TriageTest {

    @Test
    void withoutAlarmingWordsTheCategoryDecides() {
        assertEquals(1, Triage.assess(ReportCategory.FIRE, "연기가 납니다").priority());
        assertEquals(2, Triage.assess(ReportCategory.DISASTER, "도로가 침수되었습니다").priority());
        assertEquals(3, Triage.assess(ReportCategory.OTHER, "가로수가 쓰러졌습니다").priority());
        assertTrue(Triage.assess(ReportCategory.OTHER, null).keywords().isEmpty());
    }

    @Test
    void wordsThatMeanALifeIsAtStakeRaiseItOneLevel() {
        Triage.Result trapped = Triage.assess(ReportCategory.DISASTER, "산사태로 차 안에 사람이 갇혀 있어요");
        assertEquals(1, trapped.priority());
        assertEquals(java.util.List.of("갇혀"), trapped.keywords());
        assertEquals(2, Triage.assess(ReportCategory.OTHER, "길에 쓰러진 분이 의식이 없어요").priority());
        assertEquals(2, Triage.assess(ReportCategory.OTHER, "A man is UNCONSCIOUS on the platform").priority());
        assertEquals(1, Triage.assess(ReportCategory.FIRE, "폭발음이 들렸습니다").priority(), "never above 1");
    }
}
