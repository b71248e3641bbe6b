import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';

/** One page of a cursor-paged list as the API answers it (extra fields, e.g. a report's header, stay typed). */
export interface CursorPage<T> {
  items: T[];
  nextCursor?: string | null;
}

type ItemOf<P> = P extends CursorPage<infer T> ? T : never;

/**
 * A cursor-paged list: `fetchPage(after)` reads one page, the next starts at its `nextCursor`; `rows` are the
 * pages read so far, in order (`undefined` until the first answer).
 */
export function useCursorPages<P extends CursorPage<unknown>>(
  queryKey: QueryKey,
  fetchPage: (after: string | undefined) => Promise<P>,
  options: { enabled?: boolean } = {},
) {
  const query = useInfiniteQuery({
    queryKey,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    ...options,
  });
  const rows = query.data?.pages.flatMap((p) => p.items as ItemOf<P>[]);
  return { query, rows };
}
