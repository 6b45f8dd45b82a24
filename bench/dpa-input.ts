// The benchmark DPA: the built-in sample grown to 500 subprocessors and 50 activities. Pure, so the
// Node bench and the bench page in Chromium render the very same input.
import { kindSpec } from '../lib/documents/kinds/index';

/** The DPA sample grown to `subprocessors` subprocessors and `activities` activities. */
export function bigDpaInput(subprocessors = 500, activities = 50): Record<string, unknown> {
  const sample = kindSpec('dpa').sample() as { subprocessors: Record<string, unknown>[]; activities: Record<string, unknown>[] } & Record<string, unknown>;
  const countries = ['DE', 'NL', 'IT', 'FR', 'IE', 'BE', 'AT', 'ES'];
  return {
    ...sample,
    subprocessors: Array.from({ length: subprocessors }, (_, i) => ({
      ...sample.subprocessors[i % sample.subprocessors.length],
      id: `sp-${i}`,
      name: `Subverwerker ${i + 1} Ωmega-Müller`,
      legalEntity: `Dienstleister Nr. ${i + 1} GmbH & Co. KG`,
      locations: [countries[i % countries.length]],
      transferMechanism: 'none-needed',
    })),
    activities: Array.from({ length: activities }, (_, i) => ({ ...sample.activities[i % sample.activities.length], name: `Verarbeitung ${i + 1}: Kundendienst für Städte und Gemeinden` })),
  };
}

