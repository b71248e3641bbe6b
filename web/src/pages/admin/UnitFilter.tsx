import { FilterSelect } from '../../components/FilterSelect';
import { unitSelectData, useUnitOptions } from './unit-options';

/** The unit filter of an admin list: "Semua unit", then every unit of the tree indented by depth. */
export function UnitFilter({
  label = 'Unit Kerja',
  value,
  onChange,
  w,
  maw,
}: {
  label?: string;
  value: string;
  onChange: (unitCode: string) => void;
  w?: number;
  maw?: number | string;
}) {
  const units = useUnitOptions();
  return (
    <FilterSelect
      label={label}
      all="Semua unit"
      options={unitSelectData(units.data)}
      value={value}
      onChange={onChange}
      w={w}
      maw={maw}
    />
  );
}
