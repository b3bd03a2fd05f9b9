package kr.civilportal.notification.template;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import kr.civilportal.common.masking.Masking;
import kr.civilportal.notification.event.PetitionEvent;

/**
 * Renders the title and body of a notification from an event and a language. The texts are in one place, the
 * resource bundle {@code kr/civilportal/notification/template/messages} ({@code _ko}, {@code _en}), keyed by the
 * event type: {@code <type>.title} and {@code <type>.body}, with the named placeholders {@code {reference}},
 * {@code {reason}} and {@code {dueOn}} from the event's data, and the newer types' {@code {pickupAt}}, {@code {office}},
 * {@code {parcel}}, {@code {changedOn}}, {@code {cause}}, {@code {unit}}, {@code {outcome}}. Nothing else of the event reaches a message: events
 * carry no resident registration number, name or address, and templates cannot name any. The officer's reason is
 * free text: any resident registration or phone number in it is masked ({@link Masking#inText}).
 *
 * <p>Plain Java (no Quarkus), so it is unit-tested on its own.
 */
public final class NotificationTemplates {

    private static final List<String> DETAILS = List.of("pickupAt", "office", "parcel",
            "changedOn", "cause", "unit", "outcome");
    static final String BUNDLE = "kr.civilportal.notification.template.messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Map<Language, ResourceBundle> bundles = new HashMap<>();

    public NotificationTemplates() {
        for (Language language : Language.values()) {
            bundles.put(language, ResourceBundle.getBundle(BUNDLE, language.locale(), NO_FALLBACK));
        }
    }

    /** Whether there is a template for the event type (in every language). */
    public boolean knows(String type) {
        return bundles.values().stream().allMatch(b -> b.containsKey(type + ".title") && b.containsKey(type + ".body"));
    }

    /** The event's message in the language; empty when no template knows its type. */
    /** Detail fields that carry a code, with words for it in the bundles ({@code cause.SALE=매매}). */
    private static final List<String> WORDED = List.of("cause", "outcome");

    public Optional<RenderedMessage> render(PetitionEvent event, Language language) {
        if (!knows(event.type())) {
            return Optional.empty();
        }
        ResourceBundle bundle = bundles.get(language);
        Map<String, String> values = new HashMap<>();
        values.put("reference", event.reference().orElse(""));
        // an officer's free text: a resident registration or phone number typed into it is masked (common's rule)
        values.put("reason", event.reason().map(Masking::inText).orElse(missing(bundle, "reason")));
        values.put("dueOn", event.dueOn().map(Object::toString).orElse(missing(bundle, "dueOn")));
        // the newer types' texts: free text of a service, so masked like the reason
        for (String name : DETAILS) {
            values.put(name, event.details().containsKey(name) ? Masking.inText(event.details().get(name)) : "-");
        }
        // codes (a land change's cause, a 119 report's outcome) are told in words where the bundle has them
        for (String name : WORDED) {
            values.computeIfPresent(name, (key, code) -> bundle.containsKey(key + "." + code)
                    ? bundle.getString(key + "." + code) : code);
        }
        // a local date-time in Korea (2026-12-08T10:30) reads better with a space
        values.computeIfPresent("pickupAt", (name, value) -> value.replace('T', ' '));
        return Optional.of(new RenderedMessage(
                fill(bundle.getString(event.type() + ".title"), values),
                fill(bundle.getString(event.type() + ".body"), values)));
    }

    private static String missing(ResourceBundle bundle, String what) {
        try {
            return bundle.getString("missing." + what);
        } catch (MissingResourceException e) {
            return "-";
        }
    }

    /** Replaces each {@code {name}} (not MessageFormat: its apostrophe rules trip English texts); other braces stay. */
    static String fill(String template, Map<String, String> values) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int close = c == '{' ? template.indexOf('}', i) : -1;
            if (close > i && values.containsKey(template.substring(i + 1, close))) {
                out.append(values.get(template.substring(i + 1, close)));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

}
