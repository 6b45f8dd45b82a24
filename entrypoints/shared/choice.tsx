// A <select> over a list of choices, shared by the side panel and the overlay: one place for the
// value/onChange plumbing and the option list. The caller keeps its own <label> and styling.
import type { EventType } from '../../lib/model/event';
import { EVENT_TYPES } from '../../lib/model/enums';
import { t } from './i18n';

export interface ChoiceOption<V extends string> {
  value: V;
  label: string;
}

export function Choice<V extends string>(props: {
  value: V;
  options: readonly ChoiceOption<V>[];
  onChange(value: V): void;
  /** A first option with an empty value, e.g. "—" or "All". */
  empty?: string;
  required?: boolean;
  disabled?: boolean;
  testId?: string;
}) {
  return (
    <select
      value={props.value}
      required={props.required}
      disabled={props.disabled}
      data-testid={props.testId}
      onChange={(e) => props.onChange((e.target as HTMLSelectElement).value as V)}
    >
      {props.empty !== undefined ? <option value="">{props.empty}</option> : null}
      {props.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** Register activities as choices. */
export const activityChoices = (activities: readonly { id: string; name: string }[]) => activities.map((a) => ({ value: a.id, label: a.name }));

/** Processing-event types as choices, labelled in the UI language. */
export const eventTypeChoices = (): ChoiceOption<EventType>[] => EVENT_TYPES.map((ty) => ({ value: ty, label: t(`event_${ty}`) }));
