// Pieces shared by the register, events and consent views: styles, error text, list and vocabulary
// pickers, and local-date helpers.
import { useState } from 'preact/hooks';
import { entriesOf, labelOf, type CustomVocabularyEntry, type VocabularyKind } from '../../../lib/register/vocabulary';
import { t, uiLanguage } from '../../shared/i18n';

/** Styles of the register views (the side panel is also opened in a full tab: the forms use the width). */
export function RegisterStyles() {
  return <style>{CSS}</style>;
}

const CSS = `
.reg-view { flex: 1; overflow-y: auto; padding: 8px 12px 32px; }
.reg-bar { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 4px 0 8px; }
.reg-bar h2 { margin: 0 auto 0 0; font-size: 15px; }
.reg-summary { color: var(--muted); margin: 0 0 8px; }
.reg-list { list-style: none; margin: 0; padding: 0; border-top: 1px solid var(--line); }
.reg-list > li { border-bottom: 1px solid var(--line); }
.reg-item { all: unset; box-sizing: border-box; width: 100%; padding: 6px 4px; display: grid; grid-template-columns: 1fr auto; gap: 2px 8px; cursor: pointer; }
.reg-item:hover { background: var(--soft); }
.reg-item:focus-visible { outline: 2px solid #1f6feb; outline-offset: -2px; }
.reg-item .name { font-weight: 600; overflow-wrap: anywhere; }
.reg-item .meta { color: var(--muted); font-size: 12px; grid-column: 1; }
.reg-item .state { grid-row: 1 / span 2; grid-column: 2; align-self: center; font-size: 12px; text-align: right; }
.reg-form { display: grid; gap: 10px; max-width: 980px; }
.reg-form fieldset { min-width: 0; border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px 10px; margin: 0; display: grid; gap: 8px; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); }
.reg-form legend { font-weight: 600; padding: 0 4px; }
.reg-form legend .art { color: var(--muted); font-weight: 400; font-size: 12px; margin-left: 4px; }
.reg-form .wide { grid-column: 1 / -1; }
.reg-field { display: grid; grid-template-columns: minmax(0, 1fr); gap: 2px; align-content: start; font-size: 12px; min-width: 0; }
.reg-field > span:first-child { color: var(--muted); }
.reg-field input, .reg-field select, .reg-field textarea { font-size: 13px; width: 100%; }
.reg-field textarea { resize: vertical; min-height: 3.2em; }
.reg-check { display: inline-flex; gap: 6px; align-items: center; align-self: end; padding-bottom: 4px; }
.reg-check input { width: auto; margin: 0; }
.reg-missing { border: 1px solid var(--warn); border-left-width: 3px; border-radius: 4px; padding: 6px 10px; }
.reg-missing ul { margin: 4px 0 0; padding-left: 18px; }
.reg-complete { border: 1px solid var(--ok); border-left-width: 3px; border-radius: 4px; padding: 6px 10px; color: var(--ok); }
.reg-chips { display: flex; flex-wrap: wrap; gap: 4px; margin: 0; padding: 0; list-style: none; }
.reg-chips li { display: inline-flex; align-items: center; gap: 2px; border: 1px solid var(--line); border-radius: 12px; padding: 1px 2px 1px 8px; background: var(--soft); max-width: 100%; overflow-wrap: anywhere; }
.reg-chips li button { border: 0; background: none; padding: 0 6px; color: var(--muted); }
.reg-add { display: flex; gap: 4px; flex-wrap: wrap; }
.reg-add select, .reg-add input { flex: 1 1 160px; width: auto; min-width: 0; }
.reg-rows { display: grid; gap: 6px; }
.reg-row { display: grid; gap: 6px; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); align-items: end; border: 1px dashed var(--line); border-radius: 4px; padding: 6px; }
.reg-row > button.link { justify-self: start; }
.reg-form .wide select { max-width: 480px; }
.reg-actions { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; position: sticky; bottom: 0; background: var(--bg); padding: 8px 0; border-top: 1px solid var(--line); }
.reg-problems { white-space: pre-line; }
.reg-table { width: 100%; border-collapse: collapse; font-size: 12px; }
.reg-table th, .reg-table td { text-align: left; vertical-align: top; padding: 4px 6px; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
.reg-table th { color: var(--muted); font-weight: 600; }
.reg-quote { font-style: italic; }
.reg-hash { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 11px; overflow-wrap: anywhere; }
.reg-answer { border-radius: 4px; padding: 8px 10px; margin: 6px 0; border-left: 3px solid var(--line); background: var(--soft); }
.reg-answer.yes { border-left-color: var(--ok); }
.reg-answer.no { border-left-color: var(--warn); }
.reg-answer dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 6px 0 0; }
.reg-answer dt { color: var(--muted); }
.reg-answer dd { margin: 0; }
.reg-section { margin: 16px 0 8px; font-size: 14px; }
`;

/** A list of free-text entries: chips with a remove button, and a field to add one. */
export function ListEditor({ id, label, values, onChange, placeholder }: { id: string; label: string; values: string[]; onChange(next: string[]): void; placeholder?: string }) {
  const [text, setText] = useState('');
  const add = () => {
    const v = text.trim();
    if (v && !values.includes(v)) onChange([...values, v]);
    setText('');
  };
  return (
    <div class="reg-field">
      <span id={`${id}-label`}>{label}</span>
      {values.length ? (
        <ul class="reg-chips" aria-labelledby={`${id}-label`}>
          {values.map((v) => (
            <li key={v}>
              {v}
              <button type="button" aria-label={t('regRemove', v)} onClick={() => onChange(values.filter((x) => x !== v))}>×</button>
            </li>
          ))}
        </ul>
      ) : null}
      <div class="reg-add">
        <input
          id={id}
          type="text"
          aria-labelledby={`${id}-label`}
          value={text}
          placeholder={placeholder ?? t('regAddEntry')}
          onInput={(e) => setText((e.target as HTMLInputElement).value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" onClick={add} disabled={!text.trim()}>{t('regAdd')}</button>
      </div>
    </div>
  );
}

/**
 * Entries from a controlled vocabulary (shown in the UI language), plus the DPO's own: "add your own"
 * stores a custom entry through the background and selects it.
 */
export function VocabularyPicker({
  id,
  label,
  kind,
  values,
  custom,
  onChange,
  onAddCustom,
}: {
  id: string;
  label: string;
  kind: VocabularyKind;
  values: string[];
  custom: readonly CustomVocabularyEntry[];
  onChange(next: string[]): void;
  onAddCustom(label: string): Promise<string | undefined>;
}) {
  const [own, setOwn] = useState('');
  const lang = uiLanguage();
  const entries = entriesOf(kind, custom).filter((e) => !values.includes(e.key));
  const regular = entries.filter((e) => !e.special);
  const special = entries.filter((e) => e.special);
  const addOwn = async () => {
    const key = await onAddCustom(own.trim());
    if (key && !values.includes(key)) onChange([...values, key]);
    setOwn('');
  };
  return (
    <div class="reg-field">
      <span id={`${id}-label`}>{label}</span>
      {values.length ? (
        <ul class="reg-chips" aria-labelledby={`${id}-label`} data-testid={`${id}-chosen`}>
          {values.map((v) => (
            <li key={v}>
              {labelOf(kind, v, lang, custom)}
              <button type="button" aria-label={t('regRemove', labelOf(kind, v, lang, custom))} onClick={() => onChange(values.filter((x) => x !== v))}>×</button>
            </li>
          ))}
        </ul>
      ) : null}
      <div class="reg-add">
        <select
          id={id}
          aria-labelledby={`${id}-label`}
          value=""
          onChange={(e) => {
            const key = (e.target as HTMLSelectElement).value;
            if (key) onChange([...values, key]);
          }}
        >
          <option value="">{t('regChoose')}</option>
          {special.length ? (
            <>
              <optgroup label={t('regCommonEntries')}>
                {regular.map((e) => (
                  <option key={e.key} value={e.key}>{e.labels[lang]}</option>
                ))}
              </optgroup>
              <optgroup label={t('regSpecialEntries')}>
                {special.map((e) => (
                  <option key={e.key} value={e.key}>{e.labels[lang]}</option>
                ))}
              </optgroup>
            </>
          ) : (
            regular.map((e) => (
              <option key={e.key} value={e.key}>{e.labels[lang]}</option>
            ))
          )}
        </select>
        <input
          type="text"
          aria-label={t('regAddOwn', label)}
          placeholder={t('regOwnPlaceholder')}
          value={own}
          onInput={(e) => setOwn((e.target as HTMLInputElement).value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              if (own.trim()) void addOwn();
            }
          }}
        />
        <button type="button" disabled={!own.trim()} onClick={() => void addOwn()}>{t('regAdd')}</button>
      </div>
    </div>
  );
}

/** `2026-03-02` (a day in the user's time zone) → the instant it starts, or ends. */
export function dayStart(day: string): string {
  return new Date(`${day}T00:00:00`).toISOString();
}
export function dayEnd(day: string): string {
  return new Date(`${day}T23:59:59.999`).toISOString();
}

/** A `datetime-local` value for an instant, in the user's time zone, and back. */
export function toLocalInput(instant: string): string {
  const d = new Date(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** Only http(s) links from stored records become links (a stored URL is still data). */
export function safeHref(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}
