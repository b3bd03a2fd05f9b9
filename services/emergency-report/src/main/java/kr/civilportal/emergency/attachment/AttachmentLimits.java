package kr.civilportal.emergency.attachment;

/**
 * Size and count limits for attachments ({@code portal.emergency.attachments.*}, part of
 * {@link kr.civilportal.emergency.EmergencyReportSettings}). A file over its limit is left out with a warning;
 * the report is still taken, because a report must never be lost for its photos.
 */
public interface AttachmentLimits {

    /** Largest photo, in bytes (10 MiB: a full-resolution phone photo). */
    long maxPhotoBytes();

    /** Largest video, in bytes (25 MiB: a short clip, not a recording of the whole scene). */
    long maxVideoBytes();

    /**
     * All attachments of one report (or one later addition) together, in bytes (30 MiB); kept below the HTTP
     * body limit so that an over-limit upload still reaches the screening instead of being cut at 413.
     */
    long maxReportBytes();

    /** Files per report (or per later addition) (5: enough to show a scene, few enough to review quickly). */
    int maxCount();
}
