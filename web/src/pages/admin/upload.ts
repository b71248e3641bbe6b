import { toApiError } from '../../api/errors';
import { session } from '../../auth/session-store';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Sends a CSV or .xlsx file as the request body (the API reads both); errors come back as ApiError with the row
 * list. XMLHttpRequest rather than fetch: only it reports upload progress (`onProgress(0..1)`).
 */
export function uploadFile<T>(path: string, file: File, onProgress?: (sent: number) => void): Promise<T> {
  const type = file.name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv';
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1${path}`);
    xhr.setRequestHeader('authorization', `Bearer ${session.token() ?? ''}`);
    xhr.setRequestHeader('content-type', type);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress?.(e.loaded / e.total);
    xhr.onload = () => {
      let body: unknown = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = {};
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(toApiError(xhr.status, body, xhr.getResponseHeader('x-correlation-id')));
    };
    xhr.onerror = () => reject(new TypeError('network error'));
    xhr.send(file);
  });
}
