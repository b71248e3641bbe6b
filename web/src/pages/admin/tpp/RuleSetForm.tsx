import {
  Button,
  Checkbox,
  Collapse,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../../api/client';
import { ApiError } from '../../../api/errors';
import { ErrorBanner } from '../../../components/ErrorBanner';
import {
  fieldLabel,
  PREDIKAT_KEYS,
  PREDIKAT_MISSING_OPTIONS,
  PREDIKAT_SOURCE_OPTIONS,
  predikatLabel,
} from './rule-set-words';

type RuleSet = Record<string, unknown> & {
  code: string;
  split: { kin: string | number; dis: string | number };
  predikatFactor?: Record<string, string | number>;
  baseTable: Record<string, number>;
};
interface Values {
  name: string;
  effectiveFrom: string;
  kin: string;
  predikatMissing: string;
  predikatSource: string;
  factors: Record<string, string>;
  apelPct: string;
  tkPct: string;
  deductionCap: string;
  decemberFullPay: boolean;
  legalRefs: string;
  baseTable: Record<string, string>;
}

const toPct = (v: unknown) => (v === undefined || v === null ? '' : String(Number((Number(v) * 100).toFixed(4))));
const toFraction = (p: string) => String(Number((Number(p.replace(',', '.')) / 100).toFixed(6)));
const KELAS = Array.from({ length: 17 }, (_, i) => String(i + 1));
const tomorrow = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(Date.now() + 86_400_000);

function valuesOf(rs: RuleSet): Values {
  return {
    name: typeof rs.name === 'string' ? rs.name : '',
    effectiveFrom: tomorrow(),
    kin: toPct(rs.split.kin),
    predikatMissing: typeof rs.predikatMissing === 'string' ? rs.predikatMissing : 'HOLD',
    predikatSource: String(rs.predikatSource ?? 'QUARTERLY'),
    factors: Object.fromEntries(PREDIKAT_KEYS.map((k) => [k, toPct(rs.predikatFactor?.[k])])),
    apelPct: toPct(rs.apelPct),
    tkPct: toPct(rs.tkPct),
    deductionCap: toPct(rs.deductionCap),
    decemberFullPay: rs.decemberFullPay === true,
    legalRefs: Array.isArray(rs.legalRefs) ? rs.legalRefs.join('\n') : '',
    baseTable: Object.fromEntries(KELAS.map((k) => [k, rs.baseTable[k] === undefined ? '' : String(rs.baseTable[k])])),
  };
}

/** The rule set with the changed fields replaced (unchanged ones keep their stored spelling, so the diff shows only real changes). */
function bodyOf(rs: RuleSet, start: Values, v: Values): Record<string, unknown> {
  const body: Record<string, unknown> = { ...rs, effectiveFrom: v.effectiveFrom };
  delete body.version;
  delete body.effectiveTo;
  if (v.name !== start.name) body.name = v.name.trim() || undefined;
  if (v.kin !== start.kin) body.split = { kin: toFraction(v.kin), dis: toFraction(String(100 - Number(v.kin))) };
  if (v.predikatMissing !== start.predikatMissing) body.predikatMissing = v.predikatMissing;
  if (v.predikatSource !== start.predikatSource) body.predikatSource = v.predikatSource;
  const changed = PREDIKAT_KEYS.filter((k) => v.factors[k] !== start.factors[k]);
  if (changed.length)
    body.predikatFactor = {
      ...(rs.predikatFactor ?? {}),
      ...Object.fromEntries(changed.map((k) => [k, toFraction(v.factors[k])])),
    };
  for (const k of ['apelPct', 'tkPct', 'deductionCap'] as const) if (v[k] !== start[k]) body[k] = toFraction(v[k]);
  if (v.decemberFullPay !== start.decemberFullPay) body.decemberFullPay = v.decemberFullPay;
  if (v.legalRefs !== start.legalRefs)
    body.legalRefs = v.legalRefs
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
  const table = { ...rs.baseTable };
  for (const k of KELAS)
    if (v.baseTable[k] !== start.baseTable[k]) table[k] = Number(v.baseTable[k].replace(/\D/g, '') || NaN);
  body.baseTable = table;
  return body;
}

/** API field → form path (`predikatFactor.BAIK` → `factors.BAIK`, `split` → `kin`). */
const FIELD_PATHS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^predikatFactor\.(\w+)$/, (m) => `factors.${m[1]}`],
  [/^split(\.\w+)?$/, () => 'kin'],
  [/^baseTable\.(\d+)$/, (m) => `baseTable.${m[1]}`],
  [/^(name|effectiveFrom|predikatMissing|predikatSource|apelPct|tkPct|deductionCap|legalRefs)$/, (m) => m[1]],
];
/** The API's English problem in the form's words. */
function problemText(problem: string): string {
  if (/0\.\.1|within 0/.test(problem)) return 'Harus antara 0% dan 100%';
  if (/kin \+ dis/.test(problem)) return 'Bagian kinerja harus antara 0% dan 100%';
  if (/overlaps/.test(problem)) return 'Tumpang tindih dengan masa berlaku versi lain; pilih tanggal lain';
  if (/date/.test(problem)) return 'Isi tanggal yang valid';
  if (/integer|number|decimal/.test(problem)) return 'Isi angka yang valid';
  return `Tidak valid (${problem})`;
}

/** A new version of a rule set from a form of its main fields; the API validates, its field errors land on the fields. */
export function RuleSetForm({ ruleSet, onSaved }: { ruleSet: RuleSet; onSaved: (version: number) => void }) {
  const qc = useQueryClient();
  const [start] = useState(() => valuesOf(ruleSet));
  const [showTable, setShowTable] = useState(false);
  const form = useForm<Values>({ initialValues: start });
  const save = useMutation({
    mutationFn: async (v: Values) => {
      const res = await api.PUT('/api/v1/allowance/rule-sets/{code}', {
        params: { path: { code: ruleSet.code } },
        body: bodyOf(ruleSet, start, v) as never,
      });
      return res.data as unknown as { version: number };
    },
    onSuccess: async (r) => {
      await qc.invalidateQueries({ queryKey: ['admin-rule-set', ruleSet.code] });
      await qc.invalidateQueries({ queryKey: ['admin-rule-sets'] });
      onSaved(r.version);
    },
    onError: (e) => {
      if (!(e instanceof ApiError)) return;
      const errors: Record<string, string> = {};
      for (const d of e.details) {
        const hit = FIELD_PATHS.map(([re, to]) => {
          const m = re.exec(d.field);
          return m ? to(m) : null;
        }).find(Boolean);
        if (hit) errors[hit] = problemText(d.problem);
        if (hit?.startsWith('baseTable.')) setShowTable(true);
      }
      form.setErrors(errors);
    },
  });
  const unmapped =
    save.error instanceof ApiError && !save.error.details.every((d) => FIELD_PATHS.some(([re]) => re.test(d.field)));
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate aria-label={`Ubah aturan ${ruleSet.code}`}>
      <Stack>
        <Title order={3}>Buat versi baru {ruleSet.code}</Title>
        <Text size="sm">
          Versi baru berlaku mulai tanggal yang dipilih; versi sebelumnya berakhir pada tanggal itu. Bulan yang sudah
          ditutup tidak berubah.
        </Text>
        {save.isError && (unmapped || !(save.error instanceof ApiError)) && <ErrorBanner error={save.error} />}
        {save.isError && !unmapped && (
          <Text c="red.9" size="sm" role="alert">
            Periksa isian yang ditandai.
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={fieldLabel('name')} {...form.getInputProps('name')} />
          <TextInput
            type="date"
            label={fieldLabel('effectiveFrom')}
            required
            {...form.getInputProps('effectiveFrom')}
          />
          <TextInput label="Bagian kinerja (%)" inputMode="decimal" {...form.getInputProps('kin')} />
          <NativeSelect
            label={fieldLabel('predikatSource')}
            data={PREDIKAT_SOURCE_OPTIONS}
            {...form.getInputProps('predikatSource')}
          />
          <NativeSelect
            label={fieldLabel('predikatMissing')}
            data={PREDIKAT_MISSING_OPTIONS}
            {...form.getInputProps('predikatMissing')}
          />
          <TextInput label={`${fieldLabel('deductionCap')} (%)`} {...form.getInputProps('deductionCap')} />
          <TextInput label={`${fieldLabel('apelPct')} (%)`} {...form.getInputProps('apelPct')} />
          <TextInput label={`${fieldLabel('tkPct')} (%)`} {...form.getInputProps('tkPct')} />
        </SimpleGrid>
        <Text fw={600} size="sm">
          Faktor predikat kinerja (% bagian kinerja yang dibayar)
        </Text>
        <SimpleGrid cols={{ base: 2, sm: 3 }}>
          {PREDIKAT_KEYS.map((k) => (
            <TextInput
              key={k}
              label={`${predikatLabel(k)[0].toUpperCase()}${predikatLabel(k).slice(1)} (%)`}
              inputMode="decimal"
              {...form.getInputProps(`factors.${k}`)}
            />
          ))}
        </SimpleGrid>
        <Checkbox
          label={fieldLabel('decemberFullPay')}
          {...form.getInputProps('decemberFullPay', { type: 'checkbox' })}
        />
        <Textarea
          label={`${fieldLabel('legalRefs')} (satu peraturan per baris)`}
          autosize
          minRows={3}
          {...form.getInputProps('legalRefs')}
        />
        <Group>
          <Button variant="subtle" onClick={() => setShowTable((s) => !s)} aria-expanded={showTable}>
            {showTable ? 'Sembunyikan' : 'Tampilkan'} besaran TPP per kelas jabatan
          </Button>
        </Group>
        <Collapse expanded={showTable}>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {KELAS.map((k) => (
              <TextInput
                key={k}
                label={`Kelas ${k} (Rp)`}
                inputMode="numeric"
                {...form.getInputProps(`baseTable.${k}`)}
              />
            ))}
          </SimpleGrid>
        </Collapse>
        <Group>
          <Button type="submit" loading={save.isPending}>
            Simpan versi baru
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
