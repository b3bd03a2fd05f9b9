package kr.civilportal.notification.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import kr.civilportal.notification.template.NotificationTemplates;

/** The plain classes of the intake as beans. */
@ApplicationScoped
public class EventTemplatesProducer {

    @Produces
    @ApplicationScoped
    NotificationTemplates templates() {
        return new NotificationTemplates();
    }

    @Produces
    @ApplicationScoped
    EventParser parser(ObjectMapper json) {
        return new EventParser(json);
    }
}
