import { SelectField, TextField, type Option } from '../../ui/fields';
import type { SortKey } from './queueModel';
import type { QueueFilters as Filters } from '../../stores/queueStore';

export interface QueueFiltersText {
  search: string;
  searchPlaceholder: string;
  stage: string;
  ground: string;
  school: string;
  officer: string;
  sort: string;
  clear: string;
}

interface QueueFiltersProps {
  text: QueueFiltersText;
  filters: Filters;
  stages: readonly Option[];
  grounds: readonly Option[];
  schools: readonly Option[];
  officers: readonly Option[];
  sorts: ReadonlyArray<{ value: SortKey; label: string }>;
  sort: SortKey;
  onChange: (patch: Partial<Filters>) => void;
  onSort: (sort: SortKey) => void;
  /** Until every case is read (the queue drawn from its heads): nothing to search or filter yet. */
  disabled: boolean;
}

export function QueueFilters(p: QueueFiltersProps) {
  const active =
    p.filters.search || p.filters.stage || p.filters.ground || p.filters.school || p.filters.officer;
  return (
    <div className="queue-filters" role="search">
      <TextField
        type="search"
        label={p.text.search}
        placeholder={p.text.searchPlaceholder}
        value={p.filters.search}
        onChange={(search) => p.onChange({ search })}
        disabled={p.disabled}
      />
      <SelectField
        label={p.text.stage}
        value={p.filters.stage}
        options={p.stages}
        onChange={(v) => p.onChange({ stage: v as Filters['stage'] })}
        disabled={p.disabled}
      />
      <SelectField
        label={p.text.ground}
        value={p.filters.ground}
        options={p.grounds}
        onChange={(v) => p.onChange({ ground: v as Filters['ground'] })}
        disabled={p.disabled}
      />
      <SelectField
        label={p.text.school}
        value={p.filters.school}
        options={p.schools}
        onChange={(school) => p.onChange({ school })}
        disabled={p.disabled}
      />
      <SelectField
        label={p.text.officer}
        value={p.filters.officer}
        options={p.officers}
        onChange={(officer) => p.onChange({ officer })}
        disabled={p.disabled}
      />
      <SelectField
        label={p.text.sort}
        value={p.sort}
        options={p.sorts}
        onChange={(v) => p.onSort(v as SortKey)}
        disabled={p.disabled}
      />
      {active ? (
        <button
          type="button"
          className="link-button"
          onClick={() => p.onChange({ search: '', stage: '', ground: '', school: '', officer: '' })}
        >
          {p.text.clear}
        </button>
      ) : null}
    </div>
  );
}
