import { Stack, Title } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { useState } from 'react';
import { AttendanceUpload } from './tpp/AttendanceUpload';
import { MonthPanel } from './tpp/MonthPanel';
import { RuleSetsCard } from './tpp/RuleSetsCard';

/** The month the office usually works on: the one that just ended (Asia/Jakarta). */
function previousMonth(): string {
  const [y, m] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' })
    .format(new Date())
    .split('-')
    .map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** Pembayaran TPP: rule sets and their versions, the month (picked, not typed) with attendance, run, warnings, close and payroll files. */
export function PembayaranTppPage() {
  const [month, setMonth] = useState(previousMonth);
  return (
    <Stack>
      <Title order={1}>Pembayaran TPP</Title>
      <RuleSetsCard />
      <MonthPickerInput
        label="Bulan"
        value={`${month}-01`}
        onChange={(v) => v && setMonth(String(v).slice(0, 7))}
        valueFormat="MMMM YYYY"
        maw={240}
        popoverProps={{ withinPortal: true }}
      />
      <AttendanceUpload key={`att-${month}`} month={month} />
      <MonthPanel key={month} month={month} />
    </Stack>
  );
}
