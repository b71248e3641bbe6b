import { Button, Group, Loader, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorBanner } from './ErrorBanner';

/** One column: its header and what a row shows in it; `nowrap` keeps a spaced NIP on one line. */
export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  nowrap?: boolean;
}

/** What "load more" needs of a cursor-paged list (a useInfiniteQuery result is one). */
export interface Pager {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** The "load more" button's wording and look; `inline` keeps it at its own width instead of the column's. */
export interface MoreButton {
  label: string;
  variant: 'default' | 'light';
  inline: boolean;
}

export const MUAT_LAGI: MoreButton = { label: 'Muat lagi', variant: 'default', inline: true };
export const MUAT_LEBIH_BANYAK: MoreButton = { label: 'Muat lebih banyak', variant: 'light', inline: false };

export interface DataTableProps<T> {
  /** The table's accessible name (screen readers and the browser tests find it by this). */
  label: string;
  columns: readonly Column<T>[];
  /** `undefined` until the first answer arrives. */
  rows: readonly T[] | undefined;
  rowKey: (row: T) => string;
  /** Narrower than this the table scrolls inside its container, so the page itself stays within 360 px. */
  minWidth: number;
  pending: boolean;
  /** The loader's accessible name, e.g. "Memuat …". */
  loadingLabel: string;
  error?: unknown;
  /** Said when the answer has no rows. */
  empty?: string;
  /** Shown once the answer is in, above the empty text or the table. */
  summary?: ReactNode;
  pager?: Pager;
  /** Over "Muat lagi" in the default variant at its own width. */
  more?: Partial<MoreButton>;
}

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/**
 * A list as the console shows it: the error, the loader, then the rows in a striped table (or the empty text),
 * and "load more" while the cursor has pages left. Siblings of the caller's Stack, so its spacing applies.
 */
export function DataTable<T>({
  label,
  columns,
  rows,
  rowKey,
  minWidth,
  pending,
  loadingLabel,
  error,
  empty,
  summary,
  pager,
  more: look,
}: DataTableProps<T>) {
  const more = { ...MUAT_LAGI, ...look };
  const button = pager?.hasNextPage && (
    <Button variant={more.variant} loading={pager.isFetchingNextPage} onClick={() => void pager.fetchNextPage()}>
      {more.label}
    </Button>
  );
  return (
    <>
      <ErrorBanner error={error} />
      {pending && <Loader aria-label={loadingLabel} />}
      {rows && summary}
      {rows && rows.length === 0 && empty && <Text>{empty}</Text>}
      {rows && rows.length > 0 && (
        <Table.ScrollContainer minWidth={minWidth}>
          <Table striped aria-label={label}>
            <Table.Thead>
              <Table.Tr>
                {columns.map((c) => (
                  <Table.Th key={c.header}>{c.header}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={rowKey(r)}>
                  {columns.map((c) => (
                    <Table.Td key={c.header} style={c.nowrap ? NOWRAP : undefined}>
                      {c.cell(r)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {button && (more.inline ? <Group>{button}</Group> : button)}
    </>
  );
}
