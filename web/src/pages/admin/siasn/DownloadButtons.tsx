import { Button } from '@mantine/core';
import type { UseMutationResult } from '@tanstack/react-query';

export type FileFormat = 'csv' | 'xlsx';

const LABELS: Record<FileFormat, string> = { csv: 'Unduh CSV', xlsx: 'Unduh Excel' };

/** "Unduh CSV" and "Unduh Excel" of a SIASN list; the one being fetched shows its loader. */
export function DownloadButtons({ file }: { file: UseMutationResult<unknown, Error, FileFormat> }) {
  return (
    <>
      {(['csv', 'xlsx'] as const).map((format) => (
        <Button
          key={format}
          variant="default"
          loading={file.isPending && file.variables === format}
          onClick={() => file.mutate(format)}
        >
          {LABELS[format]}
        </Button>
      ))}
    </>
  );
}
