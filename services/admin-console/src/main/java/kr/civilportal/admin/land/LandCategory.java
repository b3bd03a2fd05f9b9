package kr.civilportal.admin.land;

import java.util.Arrays;
import java.util.Optional;

/** The 28 official land categories (지목) by their code, 01 전 .. 28 잡종지 (land-registry's land_category). */
public enum LandCategory {
    C01, C02, C03, C04, C05, C06, C07, C08, C09, C10, C11, C12, C13, C14,
    C15, C16, C17, C18, C19, C20, C21, C22, C23, C24, C25, C26, C27, C28;

    /** The register's code: 01 .. 28. */
    public String code() {
        return name().substring(1);
    }

    public static Optional<LandCategory> ofCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code().equals(code)).findFirst();
    }
}
