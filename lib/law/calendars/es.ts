// Spain: the national public holidays (Workers' Statute, Art. 37(2); Royal Decree 2001/1983, Art. 45).
// Each autonomous community may swap some of them and adds its own, by a decree published every
// year, and may move a holiday that falls on a Sunday to the Monday. Only the regional holidays a
// community has kept every year are computed here; a year's moved or swapped days are closing days.
// A day counted as a holiday that was not one would make a deadline late, so in doubt a day is left out.
import {
  christmasDay,
  allSaintsDay,
  assumptionDay,
  easterMonday,
  epiphany,
  fixed,
  goodFriday,
  holiday,
  holyThursday,
  immaculateConception,
  labourDay,
  newYearsDay,
  stStephensDay,
} from '../holiday-rules';
import type { CountryCalendar } from './calendar';

export const spain: CountryCalendar = {
  name: 'Spain',
  regions: {
    'ES-AN': 'Andalusia',
    'ES-CT': 'Catalonia',
    'ES-GA': 'Galicia',
    'ES-MD': 'Community of Madrid',
    'ES-NC': 'Navarre',
    'ES-PV': 'Basque Country',
    'ES-VC': 'Valencian Community',
  },
  holidays: [
    newYearsDay('Año Nuevo'),
    epiphany('Epifanía del Señor'),
    holiday('Andalusia Day', 'Día de Andalucía', fixed(2, 28), { regions: ['ES-AN'] }),
    holiday("St Joseph's Day", 'San José', fixed(3, 19), { regions: ['ES-VC'] }),
    holyThursday('Jueves Santo', { regions: ['ES-AN', 'ES-GA', 'ES-MD', 'ES-NC', 'ES-PV'] }),
    goodFriday('Viernes Santo'),
    easterMonday('Lunes de Pascua', { regions: ['ES-CT', 'ES-NC', 'ES-PV', 'ES-VC'] }),
    labourDay('Fiesta del Trabajo'),
    // Madrid swapped its own day for another in 2010.
    holiday('Community of Madrid Day', 'Fiesta de la Comunidad de Madrid', fixed(5, 2), { regions: ['ES-MD'], from: 2011 }),
    holiday('Galician Literature Day', 'Día de las Letras Gallegas', fixed(5, 17), { regions: ['ES-GA'] }),
    holiday("St John's Day", 'Sant Joan', fixed(6, 24), { regions: ['ES-CT'] }),
    holiday("St John's Day", 'Sant Joan', fixed(6, 24), { regions: ['ES-VC'], from: 2019 }),
    holiday('Galician National Day', 'Día Nacional de Galicia', fixed(7, 25), { regions: ['ES-GA'] }),
    assumptionDay('Asunción de la Virgen'),
    holiday('National Day of Catalonia', 'Diada Nacional de Catalunya', fixed(9, 11), { regions: ['ES-CT'] }),
    holiday('Valencian Community Day', 'Día de la Comunidad Valenciana', fixed(10, 9), { regions: ['ES-VC'] }),
    holiday('National Day of Spain', 'Fiesta Nacional de España', fixed(10, 12)),
    allSaintsDay('Todos los Santos'),
    holiday("St Francis Xavier's Day", 'San Francisco Javier', fixed(12, 3), { regions: ['ES-NC'] }),
    holiday('Constitution Day', 'Día de la Constitución Española', fixed(12, 6)),
    immaculateConception('Inmaculada Concepción'),
    christmasDay('Natividad del Señor'),
    stStephensDay('Sant Esteve', { regions: ['ES-CT'] }),
  ],
};
