import { toApiError } from '../../api/errors';
import { session } from '../../auth/session-store';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a CSV or .xlsx file as the request body (the API reads both); errors come back as ApiError with the row list. */
export async function uploadFile<T>(path: string, file: File): Promise<T> {
  const type = file.name.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv';
  const res = await fetch(`/api/v1${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${session.token() ?? ''}`, 'content-type': type },
    body: file,
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw toApiError(res.status, body, res.headers.get('x-correlation-id'));
  return body as T;
}
