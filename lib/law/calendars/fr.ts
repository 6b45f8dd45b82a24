// France: the public holidays of the Labour Code, Art. L3133-1 (Whit Monday stays a public holiday
// even where it is worked as the solidarity day). Alsace and Moselle keep Good Friday and St Stephen's
// Day under their local law (Art. L3134-13); the overseas departments mark the abolition of slavery
// (Law 83-550 and Decree 83-1003).
import {
  allSaintsDay,
  ascensionDay,
  assumptionDay,
  christmasDay,
  easterMonday,
  fixed,
  goodFriday,
  holiday,
  labourDay,
  newYearsDay,
  stStephensDay,
  whitMonday,
} from '../holiday-rules';
import type { CountryCalendar } from './calendar';

const ALSACE_MOSELLE = ['FR-57', 'FR-67', 'FR-68', 'FR-6AE'];
const ABOLITION = 'Abolition of Slavery';
const ABOLITION_LOCAL = "Abolition de l'esclavage";

export const france: CountryCalendar = {
  name: 'France',
  regions: {
    'FR-57': 'Moselle',
    'FR-67': 'Bas-Rhin',
    'FR-68': 'Haut-Rhin',
    'FR-6AE': "Alsace, Collectivité européenne d'Alsace",
    'FR-971': 'Guadeloupe',
    'FR-972': 'Martinique',
    'FR-973': 'French Guiana',
    'FR-974': 'La Réunion',
    'FR-976': 'Mayotte',
  },
  holidays: [
    newYearsDay("Jour de l'an"),
    goodFriday('Vendredi saint', { regions: ALSACE_MOSELLE }),
    easterMonday('Lundi de Pâques'),
    labourDay('Fête du Travail'),
    holiday('Victory in Europe Day', 'Victoire 1945', fixed(5, 8), { from: 1982 }),
    ascensionDay('Ascension'),
    whitMonday('Lundi de Pentecôte'),
    holiday('Bastille Day', 'Fête nationale', fixed(7, 14)),
    assumptionDay('Assomption'),
    allSaintsDay('Toussaint'),
    holiday('Armistice Day', 'Armistice 1918', fixed(11, 11)),
    christmasDay('Noël'),
    stStephensDay('Saint Étienne', { regions: ALSACE_MOSELLE }),
    holiday(ABOLITION, ABOLITION_LOCAL, fixed(4, 27), { regions: ['FR-976'], from: 1984 }),
    holiday(ABOLITION, ABOLITION_LOCAL, fixed(5, 22), { regions: ['FR-972'], from: 1984 }),
    holiday(ABOLITION, ABOLITION_LOCAL, fixed(5, 27), { regions: ['FR-971'], from: 1984 }),
    holiday(ABOLITION, ABOLITION_LOCAL, fixed(6, 10), { regions: ['FR-973'], from: 1984 }),
    holiday(ABOLITION, ABOLITION_LOCAL, fixed(12, 20), { regions: ['FR-974'], from: 1983 }),
  ],
};
