import { Alert, Text } from '@mantine/core';
import { ApiError, humanMessage } from '../api/errors';
import { formPath } from '../lib/form-errors';

/** Errors that belong to no field: the API's message and the correlation id to quote to the helpdesk. */
/** `onField(field)` tells which details the form already shows on its fields (those are not repeated here). */
export function ErrorBanner({
  error,
  title = 'Permintaan gagal',
  onField,
}: {
  error: unknown;
  title?: string;
  onField?: (field: string) => boolean;
}) {
  if (!error) return null;
  const api = error instanceof ApiError ? error : null;
  const rest = api ? api.details.filter((d) => !onField?.(formPath(d.field))) : [];
  return (
    <Alert color="red" title={title} role="alert" mb="md">
      <Text size="sm">
        {api ? humanMessage(api.message) : 'Tidak dapat menghubungi server. Periksa koneksi lalu coba lagi.'}
      </Text>
      {rest.length > 0 && (
        <ul>
          {rest.map((d, i) => (
            <li key={i}>
              <Text size="sm" component="span">
                {d.field}: {humanMessage(d.problem)}
              </Text>
            </li>
          ))}
        </ul>
      )}
      {api && (
        <Text size="xs" mt={4}>
          ID korelasi: <code data-testid="correlation-id">{api.correlationId}</code>
        </Text>
      )}
    </Alert>
  );
}
