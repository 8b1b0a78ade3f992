// Multipart uploads to /api. fetch() cannot report upload progress, so this goes through
// XMLHttpRequest (same origin, so the session cookie is sent) and reads the same envelope as apiFetch.
import { ApiClientError, unwrapEnvelope } from "@/lib/client/api-client";

export type UploadProgress = { loaded: number; total: number };

export function uploadForm<T>(
  path: string,
  form: FormData,
  options: { onProgress?: (progress: UploadProgress) => void; signal?: AbortSignal } = {},
): Promise<T> {
  const { onProgress, signal } = options;
  return new Promise<T>((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException("The upload was cancelled.", "AbortError"));
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open("POST", path);
    xhr.withCredentials = true;
    xhr.responseType = "text";
    xhr.setRequestHeader("Accept", "application/json");

    if (onProgress) {
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable) onProgress({ loaded: event.loaded, total: event.total });
      };
    }
    xhr.onload = () => {
      const requestId = xhr.getResponseHeader("x-request-id");
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        reject(
          new ApiClientError({
            code: "CLIENT_BAD_RESPONSE",
            message: `The server sent an unexpected reply (HTTP ${xhr.status}).`,
            status: xhr.status,
            requestId,
          }),
        );
        return;
      }
      try {
        resolve(unwrapEnvelope(body, xhr.status, requestId).data as T);
      } catch (error) {
        reject(error);
      }
    };
    xhr.onerror = () =>
      reject(
        new ApiClientError({
          code: "CLIENT_NETWORK",
          message: "The upload did not reach the server. Check your connection and try again.",
          status: 0,
        }),
      );
    xhr.onabort = () => reject(new DOMException("The upload was cancelled.", "AbortError"));
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}
