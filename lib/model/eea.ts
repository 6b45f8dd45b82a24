// The European Economic Area: the EU member states plus Iceland, Liechtenstein and Norway. A
// transfer to one of them is no transfer to a third country (Chapter V GDPR). Plain constants,
// shared by the register's completeness check and the documents' inputs.

/** ISO 3166-1 alpha-2 codes of the EEA states. */
export const EEA_COUNTRIES: ReadonlySet<string> = new Set(
  'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO'.split(' '),
);
