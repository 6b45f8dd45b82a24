// Cues that read the same in every language: the regulation's names and its article numbers.
import type { PhraseTable } from '../rules';

export const common: PhraseTable = {
  stop: '',
  negators: '',
  macros: {
    // "Art. 15", "Artikel 15", "article 15", "artículo 15", "§ 15"
    art: '(art(icle|ikel|icolo|iculo)?s?\\.?\\W{0,2}|§\\W?)',
    // The regulation's names, right after an article number: "Art. 17 DSGVO", "artikel 15 AVG".
    reg: '\\W{1,3}(gdpr|dsgvo|ds-gvo|rgpd|avg|uk gdpr)\\b',
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
    // The article cited with the regulation's name ("gemäß Art. 17 DSGVO") names the right outright:
    // as strong as a phrase asking for it, so it decides the type over a broad "all my data".
    'a3 {art}15{reg}',
    'r3 {art}16{reg}',
    'e3 {art}17{reg}',
    's3 {art}18{reg}',
    'p3 {art}20{reg}',
    'o3 {art}21{reg}',
    'w2 {art}7\\W{0,3}(\\(3\\)|(abs|par|para|paragraph|paragraphe|apartado|comma|lid|absatz)*\\.?\\W{0,2}3)',
    'a3 dsar|subject access request',
    'p1 csv|json|xml',
    // A business customer's vendor questions, in the acronyms every language uses.
    'n3 dpa|iso ?27001|soc ?2|sccs?',
  ],
};
