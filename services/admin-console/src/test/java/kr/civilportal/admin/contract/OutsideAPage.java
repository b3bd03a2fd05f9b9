package kr.civilportal.admin.contract;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs a contract test's client calls on a thread of their own. web-common's ApiRequestHeaders passes on the
 * page's token, address and waiting-room pass whenever a request context is active, and reads them from the
 * page's HTTP request; a test method has a request context but no HTTP request, so the calls would fail there.
 * Without a request context the filter leaves the call alone, as for any call made outside a page, and
 * {@link SignedIn} carries the token.
 */
final class OutsideAPage {

    private OutsideAPage() {
    }

    static <T> T call(Callable<T> calls) throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            return thread.submit(calls).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error; // an assertion's failure, as the test's own
            }
            throw (Exception) e.getCause();
        } finally {
            thread.shutdown();
        }
    }
}
