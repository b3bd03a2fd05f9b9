package kr.civilportal.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpClosedException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void idempotentMethodsAlwaysKeyedPostsOnlyWhereTheServiceHonoursTheKeyOtherPostsNever() {
        for (String m : new String[] {"GET", "HEAD", "PUT", "DELETE", "OPTIONS", "get"}) {
            assertTrue(RetryPolicy.mayRetry(m, null, false), m);
        }
        assertTrue(RetryPolicy.mayRetry("POST", "4b8e0c1a-key", true));
        assertFalse(RetryPolicy.mayRetry("POST", "4b8e0c1a-key", false), "the service does not declare it honours keys");
        assertFalse(RetryPolicy.mayRetry("POST", null, true));
        assertFalse(RetryPolicy.mayRetry("POST", " ", true));
        assertFalse(RetryPolicy.mayRetry("PATCH", "key", true));
    }

    @Test
    void onlyFailuresWithoutAnyAnswerAreRetriedNeverATimeOut() {
        assertTrue(RetryPolicy.retryableFailure(new ConnectException("refused")));
        assertTrue(RetryPolicy.retryableFailure(new RuntimeException(new ConnectException("refused"))));
        assertTrue(RetryPolicy.retryableFailure(HttpClosedException.class.cast(new HttpClosedException("closed"))));
        assertTrue(RetryPolicy.retryableFailure(new java.net.SocketException("Connection reset")));
        assertTrue(RetryPolicy.retryableFailure(new java.io.IOException("recvAddress(..) failed: Connection reset by peer")));
        assertFalse(RetryPolicy.retryableFailure(new TimeoutException("no answer in 2 s")));
        assertFalse(RetryPolicy.retryableFailure(new java.io.IOException("Broken body")));
        assertTrue(RetryPolicy.retryableStatus(503));
        assertFalse(RetryPolicy.retryableStatus(500));
        assertFalse(RetryPolicy.retryableStatus(504));
    }

    @Test
    void onlyAConnectionThatCannotBeMadeTakesAReplicaOutOfRotation() {
        assertTrue(RetryPolicy.connectFailure(new ConnectException("refused")));
        assertTrue(RetryPolicy.connectFailure(new RuntimeException(
                new io.netty.channel.ConnectTimeoutException("connection timed out"))));
        // A kept-alive connection closing or reset under a request says nothing about the replica.
        assertFalse(RetryPolicy.connectFailure(new HttpClosedException("closed")));
        assertFalse(RetryPolicy.connectFailure(new java.net.SocketException("Connection reset")));
        assertFalse(RetryPolicy.connectFailure(new TimeoutException("no answer in 2 s")));
    }
}
