// Luxembourg: the legal public holidays (Labour Code, Art. L. 232-2; Europe Day added by the law of
// 25 April 2019). A holiday falling on a Sunday gives employees a compensatory day, not a public holiday.
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
  stStephensDay,
  whitMonday,
} from '../holiday-rules';
import type { CountryCalendar } from './calendar';

export const luxembourg: CountryCalendar = {
  name: 'Luxembourg',
  regions: {},
  holidays: [
    newYearsDay('Neijoerschdag'),
    easterMonday('Ouschterméindeg'),
    labourDay('Dag vun der Aarbecht'),
    holiday('Europe Day', 'Europadag', fixed(5, 9), { from: 2019 }),
    ascensionDay('Christi Himmelfaart'),
    whitMonday('Péngschtméindeg'),
    holiday('National Day', 'Nationalfeierdag', fixed(6, 23)),
    assumptionDay('Léiffrawëschdag'),
    allSaintsDay('Allerhellgen'),
    christmasDay('Chrëschtdag'),
    stStephensDay('Stiefesdag'),
  ],
};
