import { toApiError } from '../../api/errors';
import { session } from '../../auth/session-store';

/**
 * POSTs one file as multipart/form-data (field `file`) and reports the percentage sent; fetch cannot
 * report upload progress, XMLHttpRequest can. Errors arrive as the API's ApiError, as from the client.
 */
export function uploadFile(path: string, file: File, onProgress: (percent: number) => void): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    const token = session.token();
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      let body: unknown = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON: the status speaks */
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else {
        if (xhr.status === 401 && token) session.expire();
        reject(toApiError(xhr.status, body, xhr.getResponseHeader('x-correlation-id')));
      }
    };
    xhr.onerror = () => reject(new Error('network'));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
