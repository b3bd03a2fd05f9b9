package kr.civilportal.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.streams.ReadStream;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import kr.civilportal.common.problem.Problem;
import kr.civilportal.common.problem.ProblemType;

/**
 * Gives an HTTP/2 request body of unknown length a length. HTTP/2 (also h2c, which the JDK's HttpClient asks for
 * by default) may send a body without a Content-Length; the gateway reaches the services over HTTP/1.1, which
 * needs a Content-Length or chunked encoding, and vertx-http-proxy chooses chunked only when the caller's own
 * request was chunked, which an HTTP/2 request never is. So such a body could not be written at all: the request
 * failed with "You must set the Content-Length header" and the caller got no answer. Here the body is read first,
 * up to {@code portal.gateway.unknown-length-max-body}, and sent on with its length; a larger one gets a 413 asking
 * for a Content-Length. The first interceptor, so the retry sees the body's real length (it would otherwise take
 * "no length, not chunked" for "no body").
 */
final class BodyOfUnknownLength implements ProxyInterceptor {

    static final ProblemType CONTENT_TOO_LARGE = new ProblemType("content-too-large", "Content too large", 413);

    private final long maxBytes;

    BodyOfUnknownLength(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        Body body = request.getBody();
        if (body == null || body.length() >= 0 || request.proxiedRequest().version() != HttpVersion.HTTP_2) {
            return context.sendRequest();
        }
        return read(body.stream()).compose(bytes -> {
            request.setBody(bytes.length() == 0 ? null : Body.body(bytes));
            return context.sendRequest();
        }, failure -> failure instanceof TooLarge ? Future.succeededFuture(tooLarge(context))
                : Future.failedFuture(failure));
    }

    private Future<Buffer> read(ReadStream<Buffer> stream) {
        Promise<Buffer> done = Promise.promise();
        Buffer bytes = Buffer.buffer();
        stream.exceptionHandler(done::tryFail);
        stream.handler(chunk -> {
            if (bytes.length() + chunk.length() > maxBytes) {
                stream.handler(null);
                done.tryFail(new TooLarge());
            } else {
                bytes.appendBuffer(chunk);
            }
        });
        stream.endHandler(v -> done.tryComplete(bytes));
        stream.resume();
        return done.future();
    }

    private ProxyResponse tooLarge(ProxyContext context) {
        Problem problem = CONTENT_TOO_LARGE.problem(
                "A request body without a Content-Length may be at most " + maxBytes + " bytes. "
                        + "Send the Content-Length header with a larger body.",
                "길이(Content-Length)가 없는 요청 본문은 " + maxBytes + "바이트까지 받을 수 있습니다. "
                        + "더 큰 본문은 Content-Length 헤더와 함께 보내 주세요.")
                .withInstance(context.request().getURI());
        return context.request().release().response()
                .setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .setBody(Body.body(Buffer.buffer(OutOfServiceAnswer.json(problem))));
    }

    /** The body is larger than the gateway reads without a length. */
    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("body of unknown length too large", null, false, false);
        }
    }
}
