// Activities for the register tests: every field filled, with the characters that break naive CSV.
import type { ActivityFields } from '../../lib/register/schema';

export const fullController: ActivityFields = {
  id: 'act-support',
  name: 'Kundensupport für Privatkunden — «Größe», "quoted", a,b',
  role: 'controller',
  controller: { entity: 'Acme Società S.r.l.', name: 'Zoë Müller', email: 'zoe@acme.example', phone: '+39 06 1234' },
  jointControllers: ['Acme Holding; Nederland B.V.', 'Ünïcode GmbH | Köln'],
  representative: 'EU Rep Ltd, Dublin',
  dpo: 'Jörg Ødegård <dpo@acme.example>',
  purposes: ['customer-service', 'Eigene Zweckbestimmung, mit Komma', '=HYPERLINK("http://evil")'],
  legalBasis: 'legitimate-interests',
  legitimateInterest: 'Answering questions quickly;\nkeeping "history" of tickets',
  dataSubjectCategories: ['customers', 'prospects'],
  personalDataCategories: ['identity', 'contact-details', 'special-health'],
  specialCategories: [{ category: 'special-health', condition: 'h' }],
  recipients: ['Helpdesk SaaS (US)', 'Back\\slash provider'],
  transfers: [
    { country: 'US', recipient: 'Helpdesk Inc.', safeguard: 'scc', sccModule: 2, documentation: 'TIA 2026-01; see DPA | annex II' },
    { country: 'CH', recipient: 'Backup AG', safeguard: 'adequacy', documentation: '' },
  ],
  retention: '24 months after the last ticket,\nthen erased',
  securityMeasures: '- Encryption at rest\n- SSO with MFA\n- "Least privilege"',
  processingOnBehalf: [],
  systems: ['Zendesk', 'CRM'],
  subprocessorIds: ['sp-1'],
  dpiaRequired: true,
  retentionDays: 730,
} as ActivityFields;

export const processor: ActivityFields = {
  id: 'act-hosting',
  name: 'Hosting for clients',
  role: 'processor',
  jointControllers: [],
  purposes: [],
  dataSubjectCategories: [],
  personalDataCategories: [],
  specialCategories: [],
  recipients: [],
  transfers: [],
  retention: '',
  securityMeasures: 'ISO 27001 certified data centre',
  processingOnBehalf: [{ controller: 'Client A B.V.', categories: ['hosting', 'backups'] }],
  systems: [],
  subprocessorIds: [],
  dpiaRequired: false,
} as ActivityFields;
