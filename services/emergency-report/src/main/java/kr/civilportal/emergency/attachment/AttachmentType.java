package kr.civilportal.emergency.attachment;

/** The attachment types 119 takes (사진·동영상), as the bytes show them. */
public enum AttachmentType {
    JPEG("image/jpeg", Kind.PHOTO),
    PNG("image/png", Kind.PHOTO),
    HEIC("image/heic", Kind.PHOTO),          // iPhone photos
    MP4("video/mp4", Kind.VIDEO),
    QUICKTIME("video/quicktime", Kind.VIDEO); // iPhone videos (.mov)

    public enum Kind { PHOTO, VIDEO }

    private final String mediaType;
    private final Kind kind;

    AttachmentType(String mediaType, Kind kind) {
        this.mediaType = mediaType;
        this.kind = kind;
    }

    public String mediaType() {
        return mediaType;
    }

    public Kind kind() {
        return kind;
    }
}
