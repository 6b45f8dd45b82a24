// Italy: the national public holidays (Law 260/1949 as amended by Law 54/1977 and Decree 792/1985;
// St Francis of Assisi restored by Law 151/2025 from 2026). South Tyrol adds Whit Monday (Provincial
// Law 36/1992). Every municipality also keeps its patron saint's day; the largest cities are offered
// as regions under their province code, other municipalities add theirs as a closing day.
import {
  allSaintsDay,
  assumptionDay,
  christmasDay,
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

/** A municipality's patron saint's day, offered for the provincial capital. */
function patron(region: string, name: string, localName: string, month: number, day: number) {
  return holiday(name, localName, fixed(month, day), { regions: [region] });
}

export const italy: CountryCalendar = {
  name: 'Italy',
  regions: {
    'IT-BZ': 'South Tyrol, Autonomous Province of Bolzano',
    'IT-BA': 'Bari, municipality',
    'IT-BO': 'Bologna, municipality',
    'IT-FI': 'Florence, municipality',
    'IT-GE': 'Genoa, municipality',
    'IT-MI': 'Milan, municipality',
    'IT-NA': 'Naples, municipality',
    'IT-PA': 'Palermo, municipality',
    'IT-RM': 'Rome, municipality',
    'IT-TO': 'Turin, municipality',
    'IT-VE': 'Venice, municipality',
  },
  holidays: [
    newYearsDay('Capodanno'),
    epiphany('Epifania'),
    easterMonday("Lunedì dell'Angelo"),
    holiday('Liberation Day', 'Festa della Liberazione', fixed(4, 25)),
    labourDay('Festa del Lavoro'),
    // On 2 June again since 2001 (Law 336/2000); from 1977 to 2000 it was the first Sunday of June.
    holiday('Republic Day', 'Festa della Repubblica', fixed(6, 2), { from: 2001 }),
    whitMonday('Lunedì di Pentecoste', { regions: ['IT-BZ'], from: 1993 }),
    assumptionDay('Ferragosto'),
    holiday("St Francis of Assisi's Day", "San Francesco d'Assisi", fixed(10, 4), { from: 2026 }),
    allSaintsDay('Ognissanti'),
    immaculateConception('Immacolata Concezione'),
    christmasDay('Natale'),
    stStephensDay('Santo Stefano'),
    patron('IT-BA', "St Nicholas's Day", 'San Nicola', 12, 6),
    patron('IT-BO', "St Petronius's Day", 'San Petronio', 10, 4),
    patron('IT-FI', "St John the Baptist's Day", 'San Giovanni Battista', 6, 24),
    patron('IT-GE', "St John the Baptist's Day", 'San Giovanni Battista', 6, 24),
    patron('IT-MI', "St Ambrose's Day", "Sant'Ambrogio", 12, 7),
    patron('IT-NA', "St Januarius's Day", 'San Gennaro', 9, 19),
    patron('IT-PA', "St Rosalia's Day", 'Santa Rosalia', 7, 15),
    patron('IT-RM', 'Saints Peter and Paul', 'Santi Pietro e Paolo', 6, 29),
    patron('IT-TO', "St John the Baptist's Day", 'San Giovanni Battista', 6, 24),
    patron('IT-VE', "St Mark's Day", 'San Marco', 4, 25),
    patron('IT-VE', 'Feast of Our Lady of Health', 'Madonna della Salute', 11, 21),
  ],
};
