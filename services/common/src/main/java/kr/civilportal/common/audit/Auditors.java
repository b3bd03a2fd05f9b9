package kr.civilportal.common.audit;

/**
 * The realm role of the officials who audit reads of personal data (개인정보 열람 감사 담당). An auditor reads the
 * read logs of every service, and nothing else: no record, no case, no queue.
 */
public final class Auditors {

    public static final String ROLE = "auditor";

    private Auditors() {
    }
}
