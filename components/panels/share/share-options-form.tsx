'use client';

import type { ReactNode } from 'react';
import { EMBED_RANGES, EMBED_THEMES, type EmbedPanel } from '@/lib/embeds/embed-params';
import { takesLegend, takesRange, type ShareChoice, type ShareOptions } from './share-snippets';
import styles from './share.module.css';

export type SetShareOption = <K extends keyof ShareOptions>(key: K, value: ShareOptions[K]) => void;

/** The share dialog's controls: which panel, then the embed options that panel takes. */
export function ShareOptionsForm({
  choices,
  index,
  onIndex,
  panel,
  options,
  set,
}: {
  choices: readonly ShareChoice[];
  index: number;
  onIndex: (index: number) => void;
  /** The chosen choice's panel: which options apply. */
  panel: EmbedPanel;
  options: ShareOptions;
  set: SetShareOption;
}) {
  return (
    <div className={styles.options}>
      {choices.length > 1 ? <PanelSelect choices={choices} index={index} onIndex={onIndex} /> : null}
      <SelectField
        label="Theme"
        value={options.theme}
        values={EMBED_THEMES}
        onChange={(v) => set('theme', v)}
      />
      {takesRange(panel) ? (
        <SelectField
          label="Range"
          value={options.range}
          values={EMBED_RANGES}
          onChange={(v) => set('range', v)}
        />
      ) : null}
      <label>
        Height
        <input
          type="number"
          min={80}
          max={2000}
          step={10}
          value={options.height}
          onChange={(e) => set('height', Math.max(80, Number(e.target.value) || 0))}
        />
      </label>
      <Check checked={!options.title} onChange={(hide) => set('title', !hide)}>
        Hide title
      </Check>
      {takesLegend(panel) ? (
        <Check checked={!options.legend} onChange={(hide) => set('legend', !hide)}>
          Hide legend
        </Check>
      ) : null}
      <Check checked={options.transparent} onChange={(on) => set('transparent', on)}>
        Transparent background
      </Check>
    </div>
  );
}

function PanelSelect({
  choices,
  index,
  onIndex,
}: {
  choices: readonly ShareChoice[];
  index: number;
  onIndex: (index: number) => void;
}) {
  return (
    <label>
      Panel
      <select value={index} onChange={(e) => onIndex(Number(e.target.value))} data-testid="share-panel">
        {choices.map((c, i) => (
          <option key={`${c.panel}-${c.label}`} value={i}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}

function SelectField<T extends string>({
  label,
  value,
  values,
  onChange,
}: {
  label: string;
  value: T;
  values: readonly T[];
  onChange: (value: T) => void;
}) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value as T)}>
        {values.map((v) => (
          <option key={v}>{v}</option>
        ))}
      </select>
    </label>
  );
}

function Check({
  checked,
  onChange,
  children,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  children: ReactNode;
}) {
  return (
    <label className={styles.check}>
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {children}
    </label>
  );
}
