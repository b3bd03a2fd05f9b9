package kr.civilportal.notification.preference;

/**
 * How an e-mail address may appear in a log line: {@code h***@e***.com}. (common's Masking knows resident numbers,
 * names and phone numbers; addresses are this service's alone so far.)
 */
public final class EmailMasking {

    private EmailMasking() {
    }

    public static String mask(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        String domain = email.substring(at + 1);
        int dot = domain.lastIndexOf('.');
        String tld = dot >= 0 ? domain.substring(dot) : "";
        return email.charAt(0) + "***@" + (domain.isEmpty() ? "" : domain.charAt(0) + "***") + tld;
    }
}
