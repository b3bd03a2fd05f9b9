/**
 * The {@code Idempotency-Key} mechanism (IETF httpapi draft "The Idempotency-Key HTTP Header Field") for writes
 * a phone may retry: a repeat returns the first status and body and creates nothing new; the same key with a
 * different payload gets 422; a repeat while the first is still running gets 409 ({@link
 * kr.civilportal.common.idempotency.InProgressPolicy#REJECT}) or waits for the first and replays it ({@link
 * kr.civilportal.common.idempotency.InProgressPolicy#WAIT}, for 119 reports); keys are scoped to the caller and
 * kept at least 24 hours.
 *
 * <h2>How it holds</h2>
 * {@link kr.civilportal.common.idempotency.IdempotencyStore#execute} runs inside the caller's transaction, on
 * the same JTA-enlisted connection as the business write:
 * <ol>
 *   <li>a transaction-scoped PostgreSQL advisory lock on (scope, key): this lock <em>is</em> the in-progress
 *       state. A concurrent repeat either fails to take it (409) or waits for it;</li>
 *   <li>the stored row, if any and not expired: a different fingerprint is a 422, the same one a replay;</li>
 *   <li>otherwise the business action runs, and its response is inserted as the completed row.</li>
 * </ol>
 * The business rows and the stored response commit together, so a crash (kill -9) leaves either both or
 * neither, and never a stale "in progress" row that would block the client's retry until it expires: a crash
 * releases the lock with the transaction.
 *
 * <h2>Request fingerprint and scope</h2>
 * {@link kr.civilportal.common.idempotency.RequestFingerprint}: SHA-256 over the method, the path and the
 * SHA-256 of the body bytes. {@link kr.civilportal.common.idempotency.IdempotencyScope}: {@code sub:<token
 * subject>} for a logged-in caller; anonymous callers share the scope {@code anonymous:<endpoint>} and must
 * send an unguessable key (a random UUID); a guessed key alone replays nothing, since the payload must match too.
 *
 * <h2>The table (each service puts it in its own Flyway migration; services never share a database)</h2>
 * The DDL is {@code kr/civilportal/common/idempotency/idempotency_key.sql} in this jar; copy it verbatim into a
 * migration of the service (a migration file must never change once applied, so it is copied, not referenced):
 * <pre>
 * CREATE TABLE idempotency_key (
 *     scope               varchar(200)  NOT NULL,
 *     idempotency_key     varchar(255)  NOT NULL,
 *     request_fingerprint char(64)      NOT NULL,
 *     response_status     integer       NOT NULL CHECK (response_status BETWEEN 100 AND 599),
 *     response_type       varchar(100),
 *     response_location   varchar(500),
 *     response_body       bytea         NOT NULL,
 *     created_at          timestamptz   NOT NULL,
 *     expires_at          timestamptz   NOT NULL,
 *     PRIMARY KEY (scope, idempotency_key),
 *     CHECK (expires_at &gt;= created_at + interval '24 hours')
 * );
 * CREATE INDEX idempotency_key_expires_idx ON idempotency_key (expires_at);
 * </pre>
 * A service that sets {@code portal.idempotency.enabled=true} gets the store, its writes and the batched purge of
 * expired rows ({@link kr.civilportal.common.idempotency.IdempotencyWiring}, {@link
 * kr.civilportal.common.idempotency.IdempotencyPurge}), configured by {@code portal.idempotency.*}
 * ({@link kr.civilportal.common.idempotency.IdempotencySettings}).
 */
package kr.civilportal.common.idempotency;
