package kr.civilportal.gateway.relay;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a supervisor reads of a held report: the report itself (the JSON the reporter's app or page sent: category,
 * description, place, phone) and, for a report sent with files, what the files are (name, type, size). The files'
 * bytes are not shown: a supervisor acting on a report by phone needs the text, and the photos reach the
 * dispatchers with the report once it is delivered.
 *
 * @param report the report's JSON as sent, or {@code null} when the body has none (a malformed multipart body)
 */
public record HeldReportContent(String contentType, long bodyBytes, String report, List<Attachment> attachments) {

    /** A file sent with the report. */
    public record Attachment(String name, String filename, String contentType, long bytes) {
    }

    /** The multipart field that holds the report's JSON (emergency-report's {@code POST /reports}). */
    static final String REPORT_PART = "report";
    private static final Pattern BOUNDARY = Pattern.compile("(?i);\\s*boundary=(\"([^\"]+)\"|([^;\\s]+))");
    private static final Pattern NAME = Pattern.compile("(?i);\\s*name=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("(?i);\\s*filename=\"([^\"]*)\"");

    /** Reads a held body as its content type says; anything that is not multipart is taken as the report's text. */
    public static HeldReportContent of(String contentType, byte[] body) {
        String type = contentType == null ? "" : contentType;
        if (!type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return new HeldReportContent(type, body.length, new String(body, StandardCharsets.UTF_8), List.of());
        }
        Matcher b = BOUNDARY.matcher(type);
        if (!b.find()) {
            return new HeldReportContent(type, body.length, null, List.of());
        }
        String boundary = b.group(2) != null ? b.group(2) : b.group(3);
        // ISO-8859-1 keeps one char per byte, so positions in the text are positions in the body.
        String raw = new String(body, StandardCharsets.ISO_8859_1);
        String delimiter = "--" + boundary;
        String report = null;
        List<Attachment> files = new ArrayList<>();
        int at = raw.indexOf(delimiter);
        while (at >= 0) {
            int start = at + delimiter.length();
            if (raw.startsWith("--", start)) {
                break; // the closing delimiter
            }
            int next = raw.indexOf("\r\n" + delimiter, start);
            if (next < 0) {
                break; // a body cut short: what came before is still shown
            }
            int headersEnd = raw.indexOf("\r\n\r\n", start);
            if (headersEnd < 0 || headersEnd > next) {
                at = raw.indexOf(delimiter, next + 2);
                continue;
            }
            // Headers as UTF-8: browsers send file names that way.
            String headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
            int contentStart = headersEnd + 4;
            String disposition = header(headers, "content-disposition");
            String name = group(NAME, disposition);
            String filename = group(FILENAME, disposition);
            // A mobile client's FormData may send the report as a Blob, with a file name ("blob"): still the report.
            if (REPORT_PART.equals(name) && report == null) {
                report = new String(body, contentStart, next - contentStart, StandardCharsets.UTF_8);
            } else {
                files.add(new Attachment(name, filename, header(headers, "content-type"), next - contentStart));
            }
            at = next + 2;
        }
        return new HeldReportContent(type, body.length, report, List.copyOf(files));
    }

    private static String header(String headers, String name) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    private static String group(Pattern pattern, String text) {
        if (text == null) {
            return null;
        }
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1) : null;
    }
}
