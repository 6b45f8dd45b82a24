// Further sections of the options page, in order. A feature adds its section here.
import type { ComponentType } from 'preact';

export interface OptionsSection {
  id: string;
  /** i18n key of the section heading */
  title: string;
  component: ComponentType;
}

export const SECTIONS: OptionsSection[] = [];
