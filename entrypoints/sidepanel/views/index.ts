// The side panel's views, in tab order. A feature adds its view here.
import type { ComponentType } from 'preact';
import type { MessageKey } from '../../shared/message-keys';
import { QueueView } from './queue';
import { RegisterView } from './register';
import { EventsView } from './events';
import { ConsentView } from './consent';
import { BreachesView } from './breaches';
import { DeletedView } from './deleted';

export interface PanelView {
  id: string;
  /** i18n key of the tab label */
  label: MessageKey;
  component: ComponentType;
}

export const VIEWS: PanelView[] = [
  { id: 'queue', label: 'navQueue', component: QueueView },
  { id: 'breaches', label: 'navBreaches', component: BreachesView },
  { id: 'register', label: 'navRegister', component: RegisterView },
  { id: 'events', label: 'navEvents', component: EventsView },
  { id: 'consent', label: 'navConsent', component: ConsentView },
  { id: 'deleted', label: 'navDeleted', component: DeletedView },
];
