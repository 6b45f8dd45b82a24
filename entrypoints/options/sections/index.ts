// Further sections of the options page, in order. A feature adds its section here.
import type { ComponentType } from 'preact';
import { OriginsSection } from './origins';
import { CustomHelpdesksSection } from './custom-helpdesks';
import { SecuritySection } from './security';
import { BackupSection } from './backup';
import { StorageSection } from './storage';
import { DocumentsLink } from './documents';
import { TeamSection } from './team';
import type { MessageKey } from '../../shared/message-keys';

export interface OptionsSection {
  id: string;
  /** i18n key of the section heading */
  title: MessageKey;
  component: ComponentType;
}

export const SECTIONS: OptionsSection[] = [
  { id: 'documents', title: 'doc_pageTitle', component: DocumentsLink },
  { id: 'origins', title: 'originsTitle', component: OriginsSection },
  { id: 'team', title: 'teamTitle', component: TeamSection },
  { id: 'custom-helpdesks', title: 'customTitle', component: CustomHelpdesksSection },
  { id: 'security', title: 'lockTitle', component: SecuritySection },
  { id: 'backup', title: 'backupTitle', component: BackupSection },
  { id: 'storage', title: 'storageTitle', component: StorageSection },
];
