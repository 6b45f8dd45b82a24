// The phrase table of every classifier language, plus the language-neutral one.
import type { DetectLanguage } from '../../model/common';
import type { PhraseTable } from '../rules';
import { common } from './common';
import { de } from './de';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { it } from './it';
import { nl } from './nl';

export const TABLES: Readonly<Record<DetectLanguage, PhraseTable>> = { en, nl, de, it, fr, es };
export const COMMON_TABLE: PhraseTable = common;
