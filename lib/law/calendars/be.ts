// Belgium: the ten legal public holidays (Law of 4 January 1974 on public holidays, Royal Decree of
// 18 April 1974). The community holidays (11 July, 27 September, 15 November) close only the
// communities' own services, so they are left to an organisation's closing days.
import {
  allSaintsDay,
  ascensionDay,
  assumptionDay,
  christmasDay,
  easterMonday,
  fixed,
  holiday,
  labourDay,
  newYearsDay,
  whitMonday,
} from '../holiday-rules';
import type { CountryCalendar } from './calendar';

export const belgium: CountryCalendar = {
  name: 'Belgium',
  regions: {},
  holidays: [
    newYearsDay('Nieuwjaar'),
    easterMonday('Paasmaandag'),
    labourDay('Dag van de Arbeid'),
    ascensionDay('Onze-Lieve-Heer-Hemelvaart'),
    whitMonday('Pinkstermaandag'),
    holiday('National Day', 'Nationale feestdag', fixed(7, 21)),
    assumptionDay('Onze-Lieve-Vrouw-Hemelvaart'),
    allSaintsDay('Allerheiligen'),
    holiday('Armistice Day', 'Wapenstilstand', fixed(11, 11)),
    christmasDay('Kerstmis'),
  ],
};
