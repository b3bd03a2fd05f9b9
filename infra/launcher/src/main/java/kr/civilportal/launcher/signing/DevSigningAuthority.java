package kr.civilportal.launcher.signing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Date;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * The signing authority the portal runs on this machine (in production: the government's GPKI keys and its time-stamp
 * authority, by configuration): the {@link DevCertificateAuthority}'s keys, an RFC 3161 time-stamp authority at
 * {@code POST /tsa}, and the issuing CA's CRL at {@code GET /pki/issuing-ca.crl} (named in every certificate it
 * issued, so validators can check revocation), the root at {@code GET /pki/root.crt}. Loopback only.
 */
public final class DevSigningAuthority implements AutoCloseable {

    public static final int DEFAULT_PORT = 8190;
    static final String TIMESTAMP_QUERY = "application/timestamp-query";
    static final String TIMESTAMP_REPLY = "application/timestamp-reply";
    /** The time-stamping policy: under the arc ITU-T X.660 keeps for examples (2.999), as this TSA is one. */
    static final ASN1ObjectIdentifier DEV_POLICY = new ASN1ObjectIdentifier("2.999.27.1");
    /** A request larger than this is no time-stamp query. */
    static final int MAX_QUERY_BYTES = 16 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DevCertificateAuthority ca;
    private final HttpServer server;
    private final ExecutorService executor;
    private final TimeStampResponseGenerator responses;

    private DevSigningAuthority(DevCertificateAuthority ca, HttpServer server, ExecutorService executor,
                                TimeStampResponseGenerator responses) {
        this.ca = ca;
        this.server = server;
        this.executor = executor;
        this.responses = responses;
    }

    /** Opens (or makes) the authority kept in {@code dir} and serves it on {@code port} (0: any free port). */
    public static DevSigningAuthority start(Path dir, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            String base = "http://localhost:" + server.getAddress().getPort();
            DevCertificateAuthority ca = DevCertificateAuthority.openOrCreate(dir, base + "/pki/issuing-ca.crl");
            DevCertificateAuthority.Issued tsa = DevCertificateAuthority.read(ca.timeStampingKeystore());
            // The token names the TSA's certificate by its SHA-256 hash (ESS signing-certificate-v2, RFC 5816).
            DigestCalculator sha256 = new JcaDigestCalculatorProviderBuilder().build()
                    .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
            TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(new JcaSimpleSignerInfoGeneratorBuilder()
                    .build(DevCertificateAuthority.SIGNATURE_ALGORITHM, tsa.key(), tsa.certificate()), sha256, DEV_POLICY);
            tokens.addCertificates(new JcaCertStore(tsa.chain()));
            TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
            ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "signing-authority");
                t.setDaemon(true);
                return t;
            });
            DevSigningAuthority authority = new DevSigningAuthority(ca, server, executor, responses);
            server.createContext("/tsa", authority::timeStamp);
            server.createContext("/pki/issuing-ca.crl", authority::crl);
            server.createContext("/pki/root.crt", authority::root);
            server.setExecutor(executor);
            server.start();
            return authority;
        } catch (IOException e) {
            throw new UncheckedIOException("The signing authority could not listen on port " + port, e);
        } catch (GeneralSecurityException | OperatorCreationException | TSPException e) {
            throw new IllegalStateException("The signing authority could not be made", e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String timeStampUrl() {
        return "http://localhost:" + port() + "/tsa";
    }

    public DevCertificateAuthority certificateAuthority() {
        return ca;
    }

    /** A service's document-signing keystore (PKCS#12, {@link DevCertificateAuthority#PASSWORD}). */
    public Path documentSigningKeystore(String service) {
        return ca.documentSigningKeystore(service);
    }

    private void timeStamp(HttpExchange exchange) throws IOException {
        try (exchange) {
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (!"POST".equals(exchange.getRequestMethod()) || type == null || !type.startsWith(TIMESTAMP_QUERY)) {
                exchange.sendResponseHeaders(415, -1);
                return;
            }
            byte[] query;
            try (InputStream in = exchange.getRequestBody()) {
                query = in.readNBytes(MAX_QUERY_BYTES + 1);
            }
            if (query.length > MAX_QUERY_BYTES) {
                exchange.sendResponseHeaders(413, -1);
                return;
            }
            TimeStampResponse response;
            try {
                TimeStampRequest request = new TimeStampRequest(query);
                response = responses.generateGrantedResponse(request, new BigInteger(64, RANDOM), new Date());
            } catch (IOException | TSPException | RuntimeException e) {
                // RFC 3161: a malformed or refused request gets a rejection in the protocol, not an HTTP error.
                response = responses.generateRejectedResponse(e);
            }
            byte[] reply = response.getEncoded();
            exchange.getResponseHeaders().set("Content-Type", TIMESTAMP_REPLY);
            exchange.sendResponseHeaders(200, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        } catch (TSPException e) {
            throw new IOException(e);
        }
    }

    private void crl(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] crl = ca.currentCrl().getEncoded();
            exchange.getResponseHeaders().set("Content-Type", "application/pkix-crl");
            exchange.sendResponseHeaders(200, crl.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(crl);
            }
        } catch (java.security.cert.CRLException e) {
            throw new IOException(e);
        }
    }

    private void root(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] pem = Files.readAllBytes(ca.rootPem());
            exchange.getResponseHeaders().set("Content-Type", "application/x-pem-file");
            exchange.sendResponseHeaders(200, pem.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(pem);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
