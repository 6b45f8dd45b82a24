// Cues that read the same in every language: the regulation's names and its article numbers.
import type { PhraseTable } from '../rules';

export const common: PhraseTable = {
  stop: '',
  negators: '',
  macros: {
    // "Art. 15", "Artikel 15", "article 15", "artículo 15", "§ 15"
    art: '(art(icle|ikel|icolo|iculo)?s?\\.?\\W{0,2}|§\\W?)',
  },
  cues: [
    'l1 gdpr|dsgvo|ds-gvo|rgpd|uk gdpr|2016/679|general data protection regulation',
    // An article number alone is a weak hint ("article 17 of your terms"); with the regulation's
    // name beside it (l1) it is enough.
    'a2 {art}15',
    'r2 {art}16',
    'e2 {art}17',
    's2 {art}18',
    'p2 {art}20',
    'o2 {art}21',
    'w2 {art}7\\W{0,3}(\\(3\\)|(abs|par|para|paragraph|paragraphe|apartado|comma|lid|absatz)*\\.?\\W{0,2}3)',
    'a3 dsar|subject access request',
    'p1 csv|json|xml',
    // A business customer's vendor questions, in the acronyms every language uses.
    'n3 dpa|iso ?27001|soc ?2|sccs?',
  ],
};
