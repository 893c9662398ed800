import type { Problem } from '@partnergraph/shared/contracts/common';
import { ApiError, csrfHeaders, type Paths, type QueryParams, withQuery } from './client';

/**
 * Paths whose POST answers JSON with 201 (a file stored) or 200 (a file read into a change, such as a
 * payment status import): the routes that take a file as their body.
 */
type UploadPath = {
  [P in keyof Paths]: Paths[P] extends {
    post: { responses: { 201: { content: { 'application/json': unknown } } } };
  }
    ? P
    : Paths[P] extends { post: { responses: { 200: { content: { 'application/json': unknown } } } } }
      ? P
      : never;
}[keyof Paths];
type Post<P extends UploadPath> = Paths[P] extends { post: infer O } ? O : never;
type Params<P extends UploadPath> = Post<P> extends { parameters: infer X } ? X : never;
type PathParams<P extends UploadPath> = Params<P> extends { path: infer X } ? X : never;
type Query<P extends UploadPath> = Params<P> extends { query?: infer X } ? X : never;
export type Uploaded<P extends UploadPath> =
  Post<P> extends {
    responses: { 201: { content: { 'application/json': infer R } } };
  }
    ? R
    : Post<P> extends { responses: { 200: { content: { 'application/json': infer R } } } }
      ? R
      : never;

export interface UploadOptions<P extends UploadPath> {
  /** `{id}` and the like in the path, filled in as the typed client would. */
  path?: PathParams<P>;
  query?: Query<P>;
  /** The Content-Type sent; the server reads the real type from the content. */
  contentType?: string;
  /** Bytes sent so far, of the whole file. */
  onProgress?: (sent: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * POSTs a file itself as the body: the browser streams it from disk, and XMLHttpRequest (unlike
 * fetch, and so unlike the typed client) reports how much was sent. The path, its parameters, the
 * query and the answer are typed from the schema all the same. The CSRF token is the session's, as
 * the API client sends it.
 */
export function uploadFile<P extends UploadPath>(
  route: P,
  file: Blob,
  { path, query, contentType, onProgress, signal }: UploadOptions<P>,
): Promise<Uploaded<P>> {
  const filled = (route as string).replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(String((path as Record<string, unknown> | undefined)?.[name] ?? '')),
  );
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', withQuery(`/api/v1${filled}`, (query ?? {}) as QueryParams));
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', contentType || file.type || 'application/octet-stream');
    for (const [name, value] of Object.entries(csrfHeaders())) xhr.setRequestHeader(name, value);
    xhr.withCredentials = true;
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) =>
      onProgress?.(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300 && body) return resolve(body as Uploaded<P>);
      // A proxy in front of the server may answer with HTML: keep the status and a plain title then.
      const parsed = body && typeof body === 'object' ? (body as Partial<Problem>) : {};
      const fallback: Problem = {
        type: 'about:blank',
        title: xhr.statusText || `HTTP ${xhr.status}`,
        status: xhr.status,
      };
      const retry = Number(xhr.getResponseHeader('retry-after'));
      reject(
        new ApiError(
          { ...fallback, ...parsed, status: xhr.status },
          Number.isFinite(retry) && retry > 0 ? retry : null,
        ),
      );
    };
    xhr.onerror = () =>
      reject(
        new ApiError({
          type: 'about:blank',
          title: 'The upload did not complete',
          status: 0,
          detail:
            'The connection closed before the whole file was sent. Check your connection and try again; a file over the server’s size limit can be cut off this way too.',
        }),
      );
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    if (signal) {
      if (signal.aborted) return xhr.abort();
      signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }
    xhr.send(file);
  });
}
