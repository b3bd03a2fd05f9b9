package kr.civilportal.emergency.attachment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import kr.civilportal.emergency.report.ReportWarning;

/**
 * Decides which uploaded files a report keeps. A bad file never costs the report: it is left out with a
 * warning the reporter sees, because a person in an emergency must not be turned away by an attachment.
 * Files are taken in the order sent, so the first ones win when the per-report limits are reached.
 */
public final class Screening {

    private Screening() {
    }

    public record Accepted(IncomingFile file, AttachmentType type) {
    }

    public record Result(List<Accepted> accepted, List<ReportWarning> warnings) {
    }

    /** {@code field} names the form part, e.g. {@code attachments}; warnings say {@code attachments[2]}. */
    public static Result screen(List<IncomingFile> files, AttachmentLimits limits, String field) {
        List<Accepted> accepted = new ArrayList<>();
        List<ReportWarning> warnings = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < files.size(); i++) {
            IncomingFile f = files.get(i);
            String at = field + "[" + i + "]";
            if (f.size() == 0) {
                warnings.add(ReportWarning.attachment(at, "attachment-empty",
                        "This file is empty and was left out.", "빈 파일이어서 제외했습니다."));
                continue;
            }
            Optional<AttachmentType> sniffed = MediaSniffer.sniff(f.head());
            if (sniffed.isEmpty()) {
                warnings.add(ReportWarning.attachment(at, "attachment-type-not-accepted",
                        "This file is not a JPEG, PNG or HEIC photo nor an MP4 or QuickTime video by its content, "
                                + "and was left out.",
                        "사진(JPEG·PNG·HEIC)이나 동영상(MP4·MOV) 파일이 아니어서 제외했습니다."));
                continue;
            }
            AttachmentType type = sniffed.get();
            long max = type.kind() == AttachmentType.Kind.PHOTO ? limits.maxPhotoBytes() : limits.maxVideoBytes();
            if (f.size() > max) {
                warnings.add(ReportWarning.attachment(at, "attachment-too-large",
                        "This " + type.kind().name().toLowerCase(Locale.ROOT) + " is larger than " + mb(max)
                                + " MB and was left out.",
                        (type.kind() == AttachmentType.Kind.PHOTO ? "사진" : "동영상") + "이 " + mb(max)
                                + "MB를 넘어 제외했습니다."));
                continue;
            }
            if (accepted.size() >= limits.maxCount()) {
                warnings.add(ReportWarning.attachment(at, "attachments-too-many",
                        "Only " + limits.maxCount() + " files are taken per report; this one was left out.",
                        "첨부는 " + limits.maxCount() + "개까지 받습니다. 이 파일은 제외했습니다."));
                continue;
            }
            if (total + f.size() > limits.maxReportBytes()) {
                warnings.add(ReportWarning.attachment(at, "attachments-over-report-limit",
                        "The files together exceed " + mb(limits.maxReportBytes()) + " MB; this one was left out.",
                        "첨부 파일의 합계가 " + mb(limits.maxReportBytes()) + "MB를 넘어 이 파일은 제외했습니다."));
                continue;
            }
            if (f.declaredType() != null && !declaredMatches(f.declaredType(), type)) {
                // Kept: the bytes are a good photo or video, and a wrong label is the client's slip, not the
                // reporter's. Stored with the type the bytes show.
                warnings.add(ReportWarning.attachment(at, "attachment-type-mislabelled",
                        "This file was sent as another type; it is kept as " + type.mediaType() + ", what its content is.",
                        "파일 형식 표시가 내용과 달라 실제 형식(" + type.mediaType() + ")으로 저장했습니다."));
            }
            total += f.size();
            accepted.add(new Accepted(f, type));
        }
        return new Result(List.copyOf(accepted), List.copyOf(warnings));
    }

    /** A generic binary type says nothing, so it is no mislabel; image/jpg is a common alias. */
    private static boolean declaredMatches(String declared, AttachmentType type) {
        String d = declared.toLowerCase(Locale.ROOT).split(";")[0].strip();
        return d.isEmpty() || d.equals("application/octet-stream") || d.equals(type.mediaType())
                || (type == AttachmentType.JPEG && d.equals("image/jpg"))
                || (type == AttachmentType.HEIC && d.equals("image/heif"));
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }
}
