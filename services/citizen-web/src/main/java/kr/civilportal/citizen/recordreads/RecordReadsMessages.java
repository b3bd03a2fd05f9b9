package kr.civilportal.citizen.recordreads;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of 내 정보 열람 기록 ({@code {reads:...}} in templates): Korean by default
 * ({@code messages/reads_ko.properties}), English complete ({@code messages/reads_en.properties}, checked by a
 * test). A bundle of its own: the page's texts stay with its feature. (Adding them to the citizen bundle instead
 * made the class Quarkus 3.33 generates for that bundle fail JVM verification at start; not isolated further.)
 */
@MessageBundle(value = "reads", locale = "ko")
public interface RecordReadsMessages {

    @Message String action(ReadAction value);
    @Message String lead();
    @Message String link();
    @Message String none();
    @Message String passport_photo();
    @Message String reason();
    @Message String title();
    @Message String what();
    @Message String when();
    @Message String who();
}
