// Which mandatory items of the record of processing activities an entry still lacks. Pure.
//
// A controller's entry (Art. 30(1)) needs: (a) the controller's name and contact details, (b) the
// purposes, (c) the categories of data subjects and of personal data, (d) the categories of recipients,
// (e) third-country transfers with their safeguard — and, for a transfer on the second subparagraph of
// Art. 49(1), the documentation of suitable safeguards —, (f) the time limits for erasure and (g) a
// general description of the security measures. We also require what the register is for in practice:
// the Art. 6(1) legal basis, the legitimate interest pursued where the basis is Art. 6(1)(f), and an
// Art. 9(2) condition for every special category of Art. 9(1).
//
// A processor's entry (Art. 30(2)) needs: (a) the processor's and each controller's name and contact
// details, (b) the categories of processing carried out on behalf of each controller, (c) transfers
// with their safeguard, (d) the security measures.
//
// Art. 30(1)(f) and (g) say "where possible": a DPO who cannot name a time limit still writes how it is
// determined, so both stay required here.
import type { ProcessingActivity } from '../model/activity';
import { EEA_COUNTRIES } from '../model/eea';
import { isSpecialCategory, type CustomVocabularyEntry } from './vocabulary';

export { EEA_COUNTRIES };

export type MissingItem =
  | 'controller'
  | 'organisation'
  | 'purposes'
  | 'legalBasis'
  | 'legitimateInterest'
  | 'dataSubjectCategories'
  | 'personalDataCategories'
  | 'specialCategoryCondition'
  | 'recipients'
  | 'transferSafeguard'
  | 'sccModule'
  | 'transferDocumentation'
  | 'retention'
  | 'securityMeasures'
  | 'processingOnBehalf'
  | 'processingCategories';

export interface Missing {
  item: MissingItem;
  /** The activity field to fix, as a path (`transfers.1.safeguard`): the editor focuses it. */
  field: string;
  /** The article that asks for it. */
  article: string;
  /** What the item is about when there are several (a country, a category, a controller). */
  about?: string;
}

export interface CompletenessContext {
  /** Whether the organisation profile is filled in: it names the controller (or processor) by default. */
  organisationProfile: boolean;
  custom?: readonly CustomVocabularyEntry[];
}

export interface Completeness {
  complete: boolean;
  missing: Missing[];
}

type ActivityLike = Omit<ProcessingActivity, 'id' | 'createdAt' | 'updatedAt' | 'deletedAt'>;

const blank = (s: string | undefined) => !s || s.trim().length === 0;

function transferGaps(activity: ActivityLike, paragraph: '1' | '2'): Missing[] {
  const letter = paragraph === '1' ? 'e' : 'c';
  const out: Missing[] = [];
  activity.transfers.forEach((t, i) => {
    const about = `${t.recipient} (${t.country})`;
    // 'none-needed' only fits a recipient inside the EEA; a third country needs a Chapter V ground.
    if (t.safeguard === 'none-needed' && !EEA_COUNTRIES.has(t.country))
      out.push({ item: 'transferSafeguard', field: `transfers.${i}.safeguard`, article: `Art. 30(${paragraph})(${letter}), Arts. 44–49`, about });
    if (t.safeguard === 'scc' && t.sccModule === undefined)
      out.push({ item: 'sccModule', field: `transfers.${i}.sccModule`, article: 'Art. 46(2)(c)', about });
    if (t.safeguard === 'derogation-art49' && blank(t.documentation))
      out.push({ item: 'transferDocumentation', field: `transfers.${i}.documentation`, article: `Art. 30(${paragraph})(${letter}), Art. 49(1)`, about });
  });
  return out;
}

/** The mandatory Art. 30 items this activity lacks, in the order the article lists them. */
export function checkCompleteness(activity: ActivityLike, context: CompletenessContext): Completeness {
  const missing: Missing[] = [];
  const need = (ok: boolean, item: MissingItem, field: string, article: string, about?: string) => {
    if (!ok) missing.push({ item, field, article, ...(about ? { about } : {}) });
  };

  if (activity.role === 'controller') {
    need(!!activity.controller || context.organisationProfile, 'controller', 'controller', 'Art. 30(1)(a)');
    need(activity.purposes.length > 0, 'purposes', 'purposes', 'Art. 30(1)(b)');
    need(activity.legalBasis !== undefined, 'legalBasis', 'legalBasis', 'Art. 6(1)');
    if (activity.legalBasis === 'legitimate-interests') need(!blank(activity.legitimateInterest), 'legitimateInterest', 'legitimateInterest', 'Art. 6(1)(f)');
    need(activity.dataSubjectCategories.length > 0, 'dataSubjectCategories', 'dataSubjectCategories', 'Art. 30(1)(c)');
    need(activity.personalDataCategories.length > 0, 'personalDataCategories', 'personalDataCategories', 'Art. 30(1)(c)');
    const conditioned = new Set(activity.specialCategories.map((s) => s.category));
    for (const category of activity.personalDataCategories)
      if (isSpecialCategory(category, context.custom) && !conditioned.has(category))
        need(false, 'specialCategoryCondition', 'specialCategories', 'Art. 9(2)', category);
    need(activity.recipients.length > 0, 'recipients', 'recipients', 'Art. 30(1)(d)');
    missing.push(...transferGaps(activity, '1'));
    need(!blank(activity.retention), 'retention', 'retention', 'Art. 30(1)(f)');
    need(!blank(activity.securityMeasures), 'securityMeasures', 'securityMeasures', 'Art. 30(1)(g)');
  } else {
    need(context.organisationProfile, 'organisation', 'organisation', 'Art. 30(2)(a)');
    need(activity.processingOnBehalf.length > 0, 'processingOnBehalf', 'processingOnBehalf', 'Art. 30(2)(a)');
    activity.processingOnBehalf.forEach((p, i) =>
      need(p.categories.length > 0, 'processingCategories', `processingOnBehalf.${i}.categories`, 'Art. 30(2)(b)', p.controller),
    );
    missing.push(...transferGaps(activity, '2'));
    need(!blank(activity.securityMeasures), 'securityMeasures', 'securityMeasures', 'Art. 30(2)(d)');
  }
  return { complete: missing.length === 0, missing };
}

/** How many of the activities are complete: the register view's headline. */
export function countComplete(activities: readonly ActivityLike[], context: CompletenessContext): { complete: number; total: number } {
  return { complete: activities.filter((a) => checkCompleteness(a, context).complete).length, total: activities.length };
}
