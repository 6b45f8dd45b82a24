// The live 72-hour countdown of the Breaches tab and the conversions between stored instants and the
// datetime-local inputs (which hold the user's local wall time).
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';

/** The current time, ticking every second while the view is shown. */
export function useNow(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** "71 h 59 min 58 s left" or "overdue by 2 h 5 min", from milliseconds on the time line (never wall-clock hours). */
export function countdown(dueAt: string, now: number): { text: string; overdue: boolean; hoursLeft: number } {
  const ms = Date.parse(dueAt) - now;
  const abs = Math.abs(ms);
  const h = Math.floor(abs / 3_600_000);
  const m = Math.floor((abs % 3_600_000) / 60_000);
  const s = Math.floor((abs % 60_000) / 1000);
  const span = `${h} h ${String(m).padStart(2, '0')} min ${String(s).padStart(2, '0')} s`;
  return { text: ms >= 0 ? t('breachLeft', span) : t('breachOverdueBy', span), overdue: ms < 0, hoursLeft: ms / 3_600_000 };
}

/** The browser's time zone: the one the user sees deadlines in. */
export const userTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';


/** A stored UTC instant as the value of a datetime-local input (local wall time, minutes). */
export function toLocalInput(instant: string): string {
  const d = new Date(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value (local wall time) as a UTC instant. */
export function fromLocalInput(value: string): string {
  return new Date(value).toISOString();
}
