package kr.civilportal.residency.office;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.civilportal.residency.ResidencySettings;

/** The residency offices of this deployment ({@code portal.residency.offices}), and the office of an address. */
@ApplicationScoped
public class ResidencyOffices {

    private final Map<String, String> names;
    private final Jurisdiction jurisdiction;

    ResidencyOffices(ResidencySettings settings) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<String>> regions = new LinkedHashMap<>();
        settings.offices().forEach((id, office) -> {
            names.put(id, office.name());
            regions.put(id, office.regions());
        });
        this.names = Map.copyOf(names);
        this.jurisdiction = new Jurisdiction(regions);
    }

    /** The office of the address; empty when no office of this deployment covers it. */
    public Optional<String> officeOf(String address) {
        return jurisdiction.officeOf(address);
    }

    /** The offices this deployment routes to (a move-in of any other office id is every officer's). */
    public Set<String> configured() {
        return names.keySet();
    }

    /** The office's name, or null for no office (or one no longer configured, which shows by its id). */
    public String name(String officeId) {
        return officeId == null ? null : names.getOrDefault(officeId, officeId);
    }
}
