// Netherlands: the days the Algemene termijnenwet (Art. 3(1)) treats like a Sunday when a statutory
// period ends, which is what Regulation 1182/71 asks for. Good Friday is not among them (many
// employers close, the law does not), and Liberation Day counts every year, not only every fifth.
import {
  ascensionDay,
  christmasDay,
  easterMonday,
  fixed,
  holiday,
  movedFromSunday,
  newYearsDay,
  stStephensDay,
  whitMonday,
} from '../holiday-rules';
import type { CountryCalendar } from './calendar';

export const netherlands: CountryCalendar = {
  name: 'Netherlands',
  regions: {},
  holidays: [
    newYearsDay('Nieuwjaarsdag'),
    easterMonday('Tweede Paasdag'),
    // Celebrated on the Saturday before when the date is a Sunday (Wet vaststelling Koningsdag 2013).
    holiday("King's Day", 'Koningsdag', movedFromSunday(fixed(4, 27), -1), { from: 2014 }),
    holiday("Queen's Day", 'Koninginnedag', movedFromSunday(fixed(4, 30), -1), { from: 1980, until: 2013 }),
    holiday('Liberation Day', 'Bevrijdingsdag', fixed(5, 5)),
    ascensionDay('Hemelvaartsdag'),
    whitMonday('Tweede Pinksterdag'),
    christmasDay('Eerste Kerstdag'),
    stStephensDay('Tweede Kerstdag', { name: 'Second Day of Christmas' }),
  ],
};
