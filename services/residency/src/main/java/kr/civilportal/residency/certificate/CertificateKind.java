package kr.civilportal.residency.certificate;

/** The two certificates of the resident register. */
public enum CertificateKind {
    /** 주민등록표 등본: the household, its members and their relation to the head. */
    HOUSEHOLD("주민등록표 등본"),
    /** 주민등록표 초본: one person's particulars and address history. */
    PERSONAL_HISTORY("주민등록표 초본");

    private final String titleKo;

    CertificateKind(String titleKo) {
        this.titleKo = titleKo;
    }

    public String titleKo() {
        return titleKo;
    }
}
