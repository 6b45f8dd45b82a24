// The side panel's views, in tab order. A feature adds its view here.
import type { ComponentType } from 'preact';
import { QueueView } from './queue';

export interface PanelView {
  id: string;
  /** i18n key of the tab label */
  label: string;
  component: ComponentType;
}

export const VIEWS: PanelView[] = [{ id: 'queue', label: 'navQueue', component: QueueView }];
