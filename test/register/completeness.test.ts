import { describe, expect, it } from 'vitest';
import { checkCompleteness, countComplete } from '../../lib/register/completeness';
import { ActivityFields } from '../../lib/register/schema';
import { fullController, processor } from './fixtures';

const withOrg = { organisationProfile: true };
const items = (a: ActivityFields, ctx = withOrg) => checkCompleteness(ActivityFields.parse(a), ctx).missing.map((m) => m.item);

describe('completeness of an Art. 30 entry', () => {
  it('accepts a fully recorded controller entry and a fully recorded processor entry', () => {
    expect(checkCompleteness(ActivityFields.parse(fullController), withOrg)).toEqual({ complete: true, missing: [] });
    expect(checkCompleteness(ActivityFields.parse(processor), withOrg)).toEqual({ complete: true, missing: [] });
  });

  it('lists every Art. 30(1) item an empty controller entry lacks, in the order of the article', () => {
    const empty = ActivityFields.parse({ name: 'Empty', role: 'controller' });
    expect(checkCompleteness(empty, { organisationProfile: false }).missing.map((m) => `${m.item} ${m.article}`)).toEqual([
      'controller Art. 30(1)(a)',
      'purposes Art. 30(1)(b)',
      'legalBasis Art. 6(1)',
      'dataSubjectCategories Art. 30(1)(c)',
      'personalDataCategories Art. 30(1)(c)',
      'recipients Art. 30(1)(d)',
      'retention Art. 30(1)(f)',
      'securityMeasures Art. 30(1)(g)',
    ]);
    // The organisation profile names the controller when the entry does not.
    expect(items({ name: 'Empty', role: 'controller' } as ActivityFields)).not.toContain('controller');
  });

  it('differs for processors: Art. 30(2) asks for the controllers served and their categories of processing', () => {
    const empty = ActivityFields.parse({ name: 'Empty', role: 'processor' });
    expect(checkCompleteness(empty, { organisationProfile: false }).missing.map((m) => m.item)).toEqual(['organisation', 'processingOnBehalf', 'securityMeasures']);
    const noCategories = { ...processor, processingOnBehalf: [{ controller: 'Client B', categories: [] }] };
    expect(checkCompleteness(ActivityFields.parse(noCategories), withOrg).missing).toEqual([
      { item: 'processingCategories', field: 'processingOnBehalf.0.categories', article: 'Art. 30(2)(b)', about: 'Client B' },
    ]);
  });

  it('needs the legitimate interest when the basis is Art. 6(1)(f)', () => {
    expect(items({ ...fullController, legitimateInterest: '' })).toEqual(['legitimateInterest']);
    expect(items({ ...fullController, legitimateInterest: undefined, legalBasis: 'contract' })).toEqual([]);
  });

  it('needs an Art. 9(2) condition for every special category', () => {
    const missing = checkCompleteness(
      ActivityFields.parse({ ...fullController, personalDataCategories: ['identity', 'special-health', 'special-biometric'] }),
      withOrg,
    ).missing;
    expect(missing).toEqual([{ item: 'specialCategoryCondition', field: 'specialCategories', article: 'Art. 9(2)', about: 'special-biometric' }]);
  });

  it('needs a Chapter V safeguard for a third country, the SCC module, and the documentation of an Art. 49 derogation', () => {
    const transfers = [
      { country: 'US', recipient: 'A', safeguard: 'none-needed', documentation: '' },
      { country: 'NL', recipient: 'B', safeguard: 'none-needed', documentation: '' },
      { country: 'IN', recipient: 'C', safeguard: 'scc', documentation: '' },
      { country: 'BR', recipient: 'D', safeguard: 'derogation-art49', documentation: ' ' },
    ];
    const missing = checkCompleteness(ActivityFields.parse({ ...fullController, transfers }), withOrg).missing;
    expect(missing.map((m) => `${m.item} ${m.field} ${m.about}`)).toEqual([
      'transferSafeguard transfers.0.safeguard A (US)',
      'sccModule transfers.2.sccModule C (IN)',
      'transferDocumentation transfers.3.documentation D (BR)',
    ]);
  });

  it('counts the complete activities of a register', () => {
    const register = [fullController, processor, { ...fullController, retention: '' }].map((a) => ActivityFields.parse(a));
    expect(countComplete(register, withOrg)).toEqual({ complete: 2, total: 3 });
  });
});
