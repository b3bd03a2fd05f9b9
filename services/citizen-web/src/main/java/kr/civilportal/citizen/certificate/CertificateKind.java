package kr.civilportal.citizen.certificate;

/** 주민등록표 등본 (the whole household) or 초본 (one's own address history). */
public enum CertificateKind {
    HOUSEHOLD,
    PERSONAL_HISTORY
}
