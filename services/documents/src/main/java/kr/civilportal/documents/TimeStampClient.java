package kr.civilportal.documents;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Asks an RFC 3161 time-stamp authority (over HTTP, RFC 3161 section 3.4) for a token over a SHA-256 digest: the
 * portal's own in development, the government's (GTSA) or another qualified one in production, by configuration.
 */
public final class TimeStampClient {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BITS = 64;

    private final URI url;
    private final Duration timeout;
    private final HttpClient http;

    public TimeStampClient(URI url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** A time-stamp token over {@code sha256}, checked against the request (digest, nonce) before it is returned. */
    public TimeStampToken stamp(byte[] sha256) throws DocumentSigningException {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        // The TSA's certificate comes with the token, so the signature validates without asking anyone.
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(NISTObjectIdentifiers.id_sha256, sha256,
                new BigInteger(NONCE_BITS, RANDOM));
        try {
            HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw new DocumentSigningException("The time-stamp authority answered HTTP " + answer.statusCode());
            }
            TimeStampResponse response = new TimeStampResponse(answer.body());
            response.validate(request);
            if (response.getTimeStampToken() == null) {
                throw new DocumentSigningException("The time-stamp authority refused: " + response.getStatusString());
            }
            return response.getTimeStampToken();
        } catch (IOException | TSPException e) {
            throw new DocumentSigningException("No time stamp from " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DocumentSigningException("Interrupted while waiting for the time-stamp authority", e);
        }
    }
}
