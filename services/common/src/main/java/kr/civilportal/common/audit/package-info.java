/**
 * Auditing officials' reads of personal data: each service keeps its own append-only read log, written in the
 * transaction of the read; this package gives them one search ({@link kr.civilportal.common.audit.ReadLogSearch})
 * and one answer ({@link kr.civilportal.common.audit.RecordReads}) for the auditor's console.
 */
package kr.civilportal.common.audit;
