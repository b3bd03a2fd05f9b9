package kr.civilportal.citizen.passport;

/** 수수료 납부 방법: paid online by card before the office takes the application, or at the office (창구). */
public enum PaymentMethod {
    ONLINE,
    AT_COUNTER
}
