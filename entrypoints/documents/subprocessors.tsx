// The subprocessor list (Art. 28(2), (4)) that DPAs, lists and change notices are filled from. A
// subprocessor that stops working for the organisation gets a removal date rather than being deleted,
// so the next change notice can announce it; delete is for entries made by mistake.
import { useState } from 'preact/hooks';
import { send } from '../../lib/messaging/client';
import { TransferSafeguard } from '../../lib/model/activity';
import type { Subprocessor } from '../../lib/model/subprocessor';
import { t } from '../shared/i18n';
import { today } from './form-spec';
import { errorText } from '../shared/error-text';

type Form = Record<'name' | 'legalEntity' | 'purpose' | 'dataCategories' | 'locations' | 'transferMechanism' | 'addedOn' | 'removedOn', string>;

const empty = (): Form => ({ name: '', legalEntity: '', purpose: '', dataCategories: '', locations: '', transferMechanism: 'none-needed', addedOn: today(), removedOn: '' });
const toForm = (s: Subprocessor): Form => ({
  name: s.name,
  legalEntity: s.legalEntity,
  purpose: s.purpose,
  dataCategories: s.dataCategories.join(', '),
  locations: s.locations.join(', '),
  transferMechanism: s.transferMechanism,
  addedOn: s.addedOn,
  removedOn: s.removedOn ?? '',
});
const list = (text: string) => text.split(/[,\n]/).map((v) => v.trim()).filter(Boolean);

export function Subprocessors({ subprocessors, onChanged }: { subprocessors: readonly Subprocessor[]; onChanged(): void }) {
  const [editing, setEditing] = useState<string | undefined>();
  const [form, setForm] = useState<Form>(empty());
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>();
  const set = (key: keyof Form) => (e: Event) => setForm({ ...form, [key]: (e.target as HTMLInputElement).value });

  async function save(e: Event) {
    e.preventDefault();
    setMessage(undefined);
    try {
      const subprocessor = {
        name: form.name,
        legalEntity: form.legalEntity,
        purpose: form.purpose,
        dataCategories: list(form.dataCategories),
        locations: list(form.locations).map((c) => c.toUpperCase()),
        transferMechanism: form.transferMechanism,
        addedOn: form.addedOn,
        ...(form.removedOn ? { removedOn: form.removedOn } : {}),
      };
      const saved = await send('subprocessors.save', { ...(editing ? { id: editing } : {}), subprocessor });
      setMessage({ ok: true, text: t('doc_subprocessorSaved', saved.name) });
      setEditing(undefined);
      setForm(empty());
      onChanged();
    } catch (err) {
      setMessage({ ok: false, text: errorText(err) });
    }
  }

  async function remove(s: Subprocessor) {
    if (!confirm(t('doc_confirmDeleteSubprocessor', s.name))) return;
    try {
      await send('subprocessors.delete', { id: s.id });
      onChanged();
    } catch (err) {
      setMessage({ ok: false, text: errorText(err) });
    }
  }

  return (
    <>
      {subprocessors.length ? (
        <table class="history" data-testid="subprocessors">
          <thead>
            <tr>
              <th>{t('doc_spName')}</th>
              <th>{t('doc_spEntity')}</th>
              <th>{t('doc_spPurpose')}</th>
              <th>{t('doc_spLocations')}</th>
              <th>{t('doc_spTransfer')}</th>
              <th>{t('doc_spAdded')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {subprocessors.map((s) => (
              <tr key={s.id} data-testid="subprocessor-row">
                <td>{s.name}</td>
                <td>{s.legalEntity}</td>
                <td>{s.purpose}</td>
                <td>{s.locations.join(', ')}</td>
                <td>{t(`safeguard_${s.transferMechanism}`)}</td>
                <td>
                  {s.addedOn}
                  {s.removedOn ? <div class="muted">{t('doc_removedOn')} {s.removedOn}</div> : null}
                </td>
                <td>
                  <button type="button" onClick={() => { setEditing(s.id); setForm(toForm(s)); }}>
                    {t('doc_edit')}
                  </button>{' '}
                  <button type="button" onClick={() => void remove(s)}>
                    {t('doc_delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted">{t('doc_noSubprocessors')}</p>
      )}
      <form onSubmit={save} data-testid="subprocessor-form" aria-label={t(editing ? 'doc_editSubprocessor' : 'doc_addSubprocessor')}>
        <label>
          {t('doc_spName')} *
          <input name="sp.name" value={form.name} onInput={set('name')} required />
        </label>
        <label>
          {t('doc_spEntity')} *
          <input name="sp.legalEntity" value={form.legalEntity} onInput={set('legalEntity')} required />
        </label>
        <label class="wide">
          {t('doc_spPurpose')} *
          <input name="sp.purpose" value={form.purpose} onInput={set('purpose')} required />
        </label>
        <label class="wide">
          {t('doc_spCategories')}
          <input name="sp.dataCategories" value={form.dataCategories} onInput={set('dataCategories')} />
          <small class="muted">{t('doc_hint_commas')}</small>
        </label>
        <label>
          {t('doc_spLocations')} *
          <input name="sp.locations" value={form.locations} onInput={set('locations')} placeholder="DE, NL" required />
        </label>
        <label>
          {t('doc_spTransfer')}
          <select name="sp.transferMechanism" value={form.transferMechanism} onChange={set('transferMechanism')}>
            {TransferSafeguard.options.map((v) => (
              <option key={v} value={v}>
                {t(`safeguard_${v}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('doc_spAdded')} *
          <input name="sp.addedOn" type="date" value={form.addedOn} onInput={set('addedOn')} required />
        </label>
        <label>
          {t('doc_removedOn')}
          <input name="sp.removedOn" type="date" value={form.removedOn} onInput={set('removedOn')} />
        </label>
        <div class="actions">
          <button class="primary" type="submit">
            {t(editing ? 'doc_saveSubprocessor' : 'doc_addSubprocessor')}
          </button>
          {editing ? (
            <button type="button" onClick={() => { setEditing(undefined); setForm(empty()); }}>
              {t('doc_cancel')}
            </button>
          ) : null}
          {message ? (
            <span class={message.ok ? 'ok' : 'warn'} role="status" data-testid="subprocessor-message">
              {message.text}
            </span>
          ) : null}
        </div>
      </form>
    </>
  );
}
