import { Stack, Tabs, Title } from '@mantine/core';
import { useState } from 'react';
import { currentYear } from '../../lib/year';
import { IdentitiesTab } from './siasn/IdentitiesTab';
import { KirimTab } from './siasn/KirimTab';
import { PayloadsTab } from './siasn/PayloadsTab';
import { ReconciliationTab } from './siasn/ReconciliationTab';
import { SiasnFilters, type SiasnFilter } from './siasn/SiasnFilters';

/** SIASN: identity gaps and import, the ready payloads (files for manual upload), the reconciliation with SIASN, the push. */
export function SiasnPage() {
  const year = currentYear() - 1;
  const [filter, setFilter] = useState<SiasnFilter>({ kind: 'skp22', year, period: `${year}-Q4`, unitCode: '' });
  const [tab, setTab] = useState<string | null>('identitas');
  return (
    <Stack>
      <Title order={1}>SIASN</Title>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="identitas">Identitas</Tabs.Tab>
          <Tabs.Tab value="data">Data Siap Kirim</Tabs.Tab>
          <Tabs.Tab value="rekonsiliasi">Rekonsiliasi</Tabs.Tab>
          <Tabs.Tab value="kirim">Kirim</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="identitas" pt="md">
          <IdentitiesTab />
        </Tabs.Panel>
        <Tabs.Panel value="data" pt="md">
          <Stack>
            <SiasnFilters value={filter} onChange={setFilter} />
            <PayloadsTab filter={filter} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="rekonsiliasi" pt="md">
          <Stack>
            <SiasnFilters value={filter} onChange={setFilter} />
            <ReconciliationTab filter={filter} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="kirim" pt="md">
          <KirimTab filter={filter} onFilter={setFilter} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
