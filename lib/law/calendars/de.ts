// Germany: German Unity Day is federal law (Unification Treaty, Art. 2(2)); every other public
// holiday is set by the Land's own Feiertagsgesetz, so the nationwide list is the set every Land has,
// and each Land adds its own. Where a holiday depends on the municipality (Assumption Day in Bavarian
// municipalities with a mostly Catholic population; Corpus Christi in some Saxon and Thuringian
// municipalities) the Land-wide calendar leaves it out, because counting a day that is not a holiday
// would make a deadline late; Bavaria's Catholic municipalities and Augsburg are regions of their own.
import {
  allSaintsDay,
  ascensionDay,
  assumptionDay,
  christmasDay,
  corpusChristi,
  easterMonday,
  easterSundayHoliday,
  epiphany,
  fixed,
  goodFriday,
  holiday,
  labourDay,
  newYearsDay,
  onlyIn,
  stStephensDay,
  WEDNESDAY,
  weekdayOnOrBefore,
  whitMonday,
  whitSunday,
} from '../holiday-rules';
import type { CountryCalendar } from './calendar';

const BAVARIA_CATHOLIC = 'DE-BY-CATHOLIC';
const AUGSBURG = 'DE-BY-AUGSBURG';

export const germany: CountryCalendar = {
  name: 'Germany',
  regions: {
    'DE-BW': 'Baden-Württemberg',
    'DE-BY': 'Bavaria',
    [BAVARIA_CATHOLIC]: 'Bavaria, municipality with a mostly Catholic population: adds Assumption Day',
    [AUGSBURG]: 'Bavaria, city of Augsburg: adds Assumption Day and the Peace Festival',
    'DE-BE': 'Berlin',
    'DE-BB': 'Brandenburg',
    'DE-HB': 'Bremen',
    'DE-HH': 'Hamburg',
    'DE-HE': 'Hesse',
    'DE-MV': 'Mecklenburg-Western Pomerania',
    'DE-NI': 'Lower Saxony',
    'DE-NW': 'North Rhine-Westphalia',
    'DE-RP': 'Rhineland-Palatinate',
    'DE-SL': 'Saarland',
    'DE-SN': 'Saxony',
    'DE-ST': 'Saxony-Anhalt',
    'DE-SH': 'Schleswig-Holstein',
    'DE-TH': 'Thuringia',
  },
  holidays: [
    newYearsDay('Neujahr'),
    epiphany('Heilige Drei Könige', { regions: ['DE-BW', 'DE-BY', 'DE-ST'] }),
    holiday("International Women's Day", 'Internationaler Frauentag', fixed(3, 8), { regions: ['DE-BE'], from: 2019 }),
    holiday("International Women's Day", 'Internationaler Frauentag', fixed(3, 8), { regions: ['DE-MV'], from: 2023 }),
    goodFriday('Karfreitag'),
    // Brandenburg's law names Easter and Whit Sunday as holidays; they are Sundays in any case.
    easterSundayHoliday('Ostersonntag', { regions: ['DE-BB'] }),
    easterMonday('Ostermontag'),
    labourDay('Tag der Arbeit'),
    // Berlin: one-off holidays for anniversaries of 8 May 1945 and of the uprising of 17 June 1953.
    holiday('Anniversary of the Liberation', 'Jahrestag der Befreiung', onlyIn([2020, 2025], 5, 8), { regions: ['DE-BE'] }),
    holiday('Anniversary of the Uprising of 17 June 1953', 'Jahrestag des Aufstandes vom 17. Juni 1953', onlyIn([2028], 6, 17), {
      regions: ['DE-BE'],
    }),
    ascensionDay('Christi Himmelfahrt'),
    whitSunday('Pfingstsonntag', { regions: ['DE-BB'] }),
    whitMonday('Pfingstmontag'),
    corpusChristi('Fronleichnam', { regions: ['DE-BW', 'DE-BY', 'DE-HE', 'DE-NW', 'DE-RP', 'DE-SL'] }),
    holiday('Augsburg Peace Festival', 'Augsburger Hohes Friedensfest', fixed(8, 8), { regions: [AUGSBURG] }),
    assumptionDay('Mariä Himmelfahrt', { regions: ['DE-SL', BAVARIA_CATHOLIC, AUGSBURG] }),
    holiday("World Children's Day", 'Weltkindertag', fixed(9, 20), { regions: ['DE-TH'], from: 2019 }),
    holiday('German Unity Day', 'Tag der Deutschen Einheit', fixed(10, 3), { from: 1990 }),
    holiday('Reformation Day', 'Reformationstag', fixed(10, 31), { regions: ['DE-BB', 'DE-MV', 'DE-SN', 'DE-ST', 'DE-TH'] }),
    holiday('Reformation Day', 'Reformationstag', fixed(10, 31), { regions: ['DE-HB', 'DE-HH', 'DE-NI', 'DE-SH'], from: 2018 }),
    // 500 years of the Reformation: a holiday in every Land in 2017 only.
    holiday('Reformation Day', 'Reformationstag', onlyIn([2017], 10, 31)),
    allSaintsDay('Allerheiligen', { regions: ['DE-BW', 'DE-BY', 'DE-NW', 'DE-RP', 'DE-SL'] }),
    // The Wednesday before 23 November; a holiday in Saxony only since 1995.
    holiday('Repentance and Prayer Day', 'Buß- und Bettag', weekdayOnOrBefore(WEDNESDAY, 11, 22), { regions: ['DE-SN'], from: 1995 }),
    christmasDay('Erster Weihnachtstag'),
    stStephensDay('Zweiter Weihnachtstag', { name: 'Second Day of Christmas' }),
  ],
};
