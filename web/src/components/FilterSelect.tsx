import { NativeSelect } from '@mantine/core';

type Option<V extends string> = V | { value: V; label: string };

/** A list filter: "all" (the empty value) first, then the options; the value keeps the options' type. */
export function FilterSelect<V extends string>({
  label,
  all,
  options,
  value,
  onChange,
  w,
  maw,
}: {
  label: string;
  /** The wording of "no filter", e.g. "Semua unit". */
  all: string;
  options: readonly Option<V>[];
  value: V | '';
  onChange: (value: V | '') => void;
  w?: number;
  maw?: number | string;
}) {
  return (
    <NativeSelect
      label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value as V | '')}
      data={[{ value: '', label: all }, ...options]}
      w={w}
      maw={maw}
    />
  );
}
