/**
 * Paging of list endpoints: {@link kr.civilportal.common.paging.PageParams} (the query parameters, a
 * {@code @BeanParam}) and {@link kr.civilportal.common.paging.PageRequest} (page, size and their rules).
 */
package kr.civilportal.common.paging;
