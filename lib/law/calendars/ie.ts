// Ireland: the public holidays of the Organisation of Working Time Act 1997, Schedule 2, as amended
// (St Brigid's Day from 2023). Good Friday is no public holiday. A holiday on a weekend gives
// employees another day off, not a substitute public holiday, so none is added.
import {
  christmasDay,
  easterMonday,
  fixed,
  FRIDAY,
  holiday,
  lastWeekday,
  MONDAY,
  newYearsDay,
  nthWeekday,
  onlyIn,
  stStephensDay,
  type DateRule,
} from '../holiday-rules';
import type { CountryCalendar } from './calendar';

/** The first Monday in February, or 1 February itself when that is a Friday. */
const stBrigidsDate: DateRule = (year) => {
  const first = fixed(2, 1)(year);
  return first?.weekday === FRIDAY ? first : nthWeekday(1, MONDAY, 2)(year);
};

export const ireland: CountryCalendar = {
  name: 'Ireland',
  regions: {},
  holidays: [
    newYearsDay("Lá Caille"),
    holiday("St Brigid's Day", 'Lá Fhéile Bríde', stBrigidsDate, { from: 2023 }),
    holiday("St Patrick's Day", 'Lá Fhéile Pádraig', fixed(3, 17)),
    easterMonday('Luan Cásca'),
    holiday('May Bank Holiday', 'Lá Bealtaine', nthWeekday(1, MONDAY, 5), { from: 1994 }),
    holiday('June Bank Holiday', 'Lá Saoire i mí an Mheithimh', nthWeekday(1, MONDAY, 6)),
    holiday('August Bank Holiday', 'Lá Saoire i mí Lúnasa', nthWeekday(1, MONDAY, 8)),
    holiday('October Bank Holiday', 'Lá Saoire i mí Dheireadh Fómhair', lastWeekday(MONDAY, 10), { from: 1977 }),
    christmasDay('Lá Nollag'),
    stStephensDay('Lá Fhéile Stiofáin'),
    // S.I. 49/2022: a one-off public holiday in recognition of the response to COVID-19.
    holiday('Day of Remembrance and Recognition', 'Lá Cuimhneacháin agus Aitheantais', onlyIn([2022], 3, 18)),
  ],
};
