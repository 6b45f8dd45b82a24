import { z } from 'zod';
import { ContactPerson, CountryCode, Instant, PostalAddress, ShortText, TimeZone, UiLanguage } from './common';

/** The organisation using Privacy Desk: controller, processor or both (Art. 4(7), 4(8) GDPR). */
export const OrganisationProfile = z.object({
  id: z.literal('organisation'),
  legalName: ShortText,
  role: z.enum(['controller', 'processor', 'both']),
  registrationNumber: z.string().trim().max(100).optional(),
  vatNumber: z.string().trim().max(50).optional(),
  address: PostalAddress,
  country: CountryCode,
  /** German Land, Spanish community…: picks the regional holiday calendar (see lib/law). */
  region: z.string().trim().max(20).optional(),
  representative: ContactPerson.optional(),
  dpo: ContactPerson,
  supervisoryAuthority: z.object({ name: ShortText, country: CountryCode, url: z.string().trim().max(300).optional() }),
  defaultLanguage: UiLanguage,
  timeZone: TimeZone,
  /** The organisation's own closing days, on top of the public holidays of its country. */
  closingDays: z.array(z.iso.date()).default([]),
  /** Systems every request checklist starts with (the helpdesk, CRM, mailing tool…). */
  systems: z.array(ShortText).default([]),
  updatedAt: Instant,
});
export type OrganisationProfile = z.infer<typeof OrganisationProfile>;
