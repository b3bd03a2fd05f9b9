package kr.civilportal.systemtest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket, for what a well-behaved client library will not send: a body that is bigger than
 * it says or never finishes, a header of 64 KB, a request whose connection is cut right after it was sent. The
 * answer is read as far as the server sends one (a server may answer before the body is complete, and close).
 */
final class RawHttp {

    /** What came back: the status line's code (0 when the server closed without answering), headers, body. */
    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        boolean isProblem() {
            String type = header("content-type");
            return type != null && type.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + header("content-type") + " " + (body.length() > 160 ? body.substring(0, 160) + "…" : body);
        }
    }

    private final String host;
    private final int port;

    RawHttp(String baseUrl) {
        URI uri = URI.create(baseUrl);
        this.host = uri.getHost();
        this.port = uri.getPort();
    }

    /**
     * Sends the request head, then {@code body} (which may be shorter than the Content-Length the head gives:
     * the rest is never sent, as from a sender that stalls), and reads the answer, waiting at most
     * {@code answerTimeout} for it.
     */
    Answer send(String head, byte[] body, Duration answerTimeout) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout((int) answerTimeout.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            try {
                out.write(body);
                out.flush();
            } catch (SocketException refusedMidBody) {
                // The server answered (e.g. 413 on the Content-Length alone) and closed while the body was on its
                // way: its answer may still be readable.
            }
            return read(socket.getInputStream());
        }
    }

    /** Sends a complete request and closes the connection at once, before any answer: the answer is lost. */
    void sendAndHangUp(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoLinger(true, 0);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
        }
    }

    /**
     * Sends a complete request and keeps the connection open without reading from it, until the caller closes
     * it: closing resets the connection (SO_LINGER 0), so whatever answer had arrived is thrown away unread. For a
     * test that cuts the connection only once it has seen the server do the work (its effect in the database):
     * the answer is lost after the write was done. (A server may drop a request whose connection closed before it
     * read the body, so {@link #sendAndHangUp} alone need not leave anything done.)
     */
    HeldConnection sendAndHold(String head, byte[] body) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoLinger(true, 0);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            return new HeldConnection(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** A connection whose request was sent and whose answer is never read; {@link #close} resets it. */
    record HeldConnection(Socket socket) implements java.io.Closeable {
        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** A request head ending with the blank line; {@code headers} as "Name: value" lines without CRLF. */
    String head(String method, String path, long contentLength, String... headers) {
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append(':').append(port).append("\r\n")
                .append("Connection: close\r\n");
        if (contentLength >= 0) {
            head.append("Content-Length: ").append(contentLength).append("\r\n");
        }
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        return head.append("\r\n").toString();
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int headEnd = -1;
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                all.write(buffer, 0, n);
                byte[] so = all.toByteArray();
                if (headEnd < 0) {
                    headEnd = indexOf(so, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                if (headEnd >= 0 && complete(so, headEnd)) {
                    break;
                }
            }
        } catch (SocketException reset) {
            // A server that answers and resets the connection: keep what arrived.
        }
        byte[] bytes = all.toByteArray();
        if (headEnd < 0) {
            headEnd = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        if (headEnd < 0) {
            return new Answer(0, Map.of(), new String(bytes, StandardCharsets.UTF_8));
        }
        String[] lines = new String(bytes, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(bytes, headEnd + 4, bytes.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    /** The whole answer has arrived: its Content-Length is in, or its last chunk. */
    private static boolean complete(byte[] so, int headEnd) {
        String head = new String(so, 0, headEnd, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        int bodyBytes = so.length - headEnd - 4;
        for (String line : head.split("\r\n")) {
            if (line.startsWith("content-length:")) {
                return bodyBytes >= Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        if (head.contains("transfer-encoding: chunked")) {
            return new String(so, StandardCharsets.ISO_8859_1).endsWith("0\r\n\r\n");
        }
        return false;
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        byte[] crlf = "\r\n".getBytes(StandardCharsets.US_ASCII);
        while (at < chunked.length) {
            int lineEnd = indexOf(java.util.Arrays.copyOfRange(chunked, at, chunked.length), crlf);
            if (lineEnd < 0) {
                break;
            }
            lineEnd += at;
            String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII);
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
