package kr.civilportal.notification.template;

/** A notification as the citizen reads it: a title (the e-mail's subject) and a body. */
public record RenderedMessage(String title, String body) {
}
