package kr.civilportal.emergency.attachment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Size and count limits for attachments ({@code portal.emergency.attachments.*} in application.properties). */
@ConfigMapping(prefix = "portal.emergency.attachments")
public interface AttachmentLimits {

    /** Largest photo, in bytes. */
    @WithDefault("10485760")
    long maxPhotoBytes();

    /** Largest video, in bytes: a short clip. */
    @WithDefault("26214400")
    long maxVideoBytes();

    /** All attachments of one report (or one later addition) together, in bytes. */
    @WithDefault("31457280")
    long maxReportBytes();

    /** Files per report (or per later addition). */
    @WithDefault("5")
    int maxCount();
}
