package kr.civilportal.common.roster;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import javax.sql.DataSource;

/** The roster on the service's own database, in every service that sets {@code portal.roster.enabled=true}. */
@ApplicationScoped
@IfBuildProperty(name = "portal.roster.enabled", stringValue = "true")
public class RosterWiring {

    @Produces
    @Singleton
    OfficialRoster roster(DataSource dataSource, RosterSettings settings) {
        return new OfficialRoster(dataSource, Clock.systemUTC(), settings.activeWithin(), settings.refreshAfter());
    }
}
