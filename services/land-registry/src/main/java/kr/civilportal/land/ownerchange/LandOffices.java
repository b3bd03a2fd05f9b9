package kr.civilportal.land.ownerchange;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.civilportal.land.LandRegistrySettings;
import kr.civilportal.land.pnu.Pnu;

/**
 * 관할: the office (a 시·군·구청's 지적 부서) each parcel's requests go to, by the parcel's 시·군·구 code (the first
 * five digits of its PNU), as this deployment lists them ({@code portal.land.offices.*}).
 */
@ApplicationScoped
public class LandOffices {

    /** A PNU starts with its legal-dong code, whose first five digits are the 시·군·구 code. */
    static final int DISTRICT_CODE_LENGTH = 5;

    private final Map<String, String> names;
    private final Map<String, String> officeByDistrict;

    LandOffices(LandRegistrySettings settings) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, String> byDistrict = new LinkedHashMap<>();
        settings.offices().forEach((id, office) -> {
            names.put(id, office.name());
            office.regions().forEach(code -> {
                String previous = byDistrict.put(code.strip(), id);
                if (previous != null && !previous.equals(id)) {
                    throw new IllegalStateException("시·군·구 " + code + " is listed for two offices: " + previous
                            + " and " + id + " (portal.land.offices.*.regions)");
                }
            });
        });
        this.names = Map.copyOf(names);
        this.officeByDistrict = Map.copyOf(byDistrict);
    }

    /** The office of the parcel; empty when no office of this deployment covers its 시·군·구. */
    public Optional<String> officeOf(Pnu pnu) {
        return Optional.ofNullable(officeByDistrict.get(pnu.value().substring(0, DISTRICT_CODE_LENGTH)));
    }

    /** The offices this deployment routes to (a request of any other office id is every land officer's). */
    public Set<String> configured() {
        return names.keySet();
    }

    /** The office's name, or null for no office (one no longer configured shows by its id). */
    public String name(String officeId) {
        return officeId == null ? null : names.getOrDefault(officeId, officeId);
    }
}
