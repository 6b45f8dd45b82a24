// Austria: the statutory public holidays (Feiertagsruhegesetz 1957, § 1). Good Friday stopped being
// a holiday for members of the Protestant and Old Catholic churches in 2019 (BGBl. I Nr. 22/2019);
// the Länder patron saints' days are customary days off, not public holidays.
import {
  allSaintsDay,
  ascensionDay,
  assumptionDay,
  christmasDay,
  corpusChristi,
  easterMonday,
  epiphany,
  fixed,
  holiday,
  immaculateConception,
  labourDay,
  newYearsDay,
  stStephensDay,
  whitMonday,
} from '../holiday-rules';
import type { CountryCalendar } from './calendar';

export const austria: CountryCalendar = {
  name: 'Austria',
  regions: {},
  holidays: [
    newYearsDay('Neujahr'),
    epiphany('Heilige Drei Könige'),
    easterMonday('Ostermontag'),
    labourDay('Staatsfeiertag', { name: 'State Holiday' }),
    ascensionDay('Christi Himmelfahrt'),
    whitMonday('Pfingstmontag'),
    corpusChristi('Fronleichnam'),
    assumptionDay('Mariä Himmelfahrt'),
    holiday('National Day', 'Nationalfeiertag', fixed(10, 26), { from: 1967 }),
    allSaintsDay('Allerheiligen'),
    immaculateConception('Mariä Empfängnis'),
    christmasDay('Christtag'),
    stStephensDay('Stefanitag'),
  ],
};
