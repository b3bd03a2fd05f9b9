package kr.civilportal.notification.template;

import java.util.Locale;

/** The languages a citizen can read notifications in; Korean is the default and what officials use. */
public enum Language {
    KO("ko"), EN("en");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** The code in the API and the database: {@code ko}, {@code en}. */
    public String code() {
        return code;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    /** The language of a code; null for anything else (the caller decides whether that is an error). */
    public static Language ofCode(String code) {
        for (Language language : values()) {
            if (language.code.equals(code)) {
                return language;
            }
        }
        return null;
    }
}
