// English cues. Syntax: lib/detect/rules.ts. A type cue of weight 3 ties a verb to the writer's own
// data ("delete … my personal data"); a bare verb ("delete") weighs 1, because tickets delete,
// export and correct many things that are not personal data.
import type { PhraseTable } from '../rules';

export const en: PhraseTable = {
  stop: 'the and is are you your my i to of please with have this that for would we what me it not be can do all from about was will an on at if any our hi hello thanks thank regards dear could how where when why who which there they them their has had been were am but or so just get got did does should want need know us he she its into by as up out than then also ve ll re',
  negators: 'not don dont never doesn didn won without',
  macros: {
    my: '((all|any) (of )?)?(my|mine)',
    // "my browsing data", "my health information": any one word may qualify data or information.
    data: '((personal|private|customer|user|contact|stored|own|call) ){0,3}(details|records?|recordings?)|(\\w+ ){0,2}(data|information|info)',
    acct: '((user|customer|client|online) )?(account|profile)',
    field: '{data}|(first |last |family |sur|user)?name|surname|(home |postal |e-?mail )?address(?! ?book)|e-?mail|date of birth|birth ?date|birthday|((phone|mobile|telephone) )?number',
    me: '(about|on|of|regarding|concerning) me|(that |which )?relat(e|es|ing) to me|of mine',
    del: '(delet|eras|remov|wip|purg|destroy|scrub)*|get rid of',
  },
  combine: {
    self: "(my|mine)( \\w+){0,2} (data|information|info|details|records?|files?|profile|account|history|habits|address|e-?mail|(first |last |sur)?name|surname|birthday|date of birth|number|photos?|pictures?|location|contact details)|(about|on|of|regarding|concerning) me|everything you (have|hold|keep|know)",
    block: "attachments?|tickets?|duplicates?|invoices?|receipts?|reports?|orders?|bookings?|drafts?|uploads?|comments?|pdfs?|spreadsheets?|(last|previous|earlier) (message|e-?mail)|passwords?|subscriptions?|plans?|billing|payments?|cards?|cart|basket|dashboards?",
    verbs: {
      erasure: "(delet|eras|remov|wip|purg|destroy|shred|discard|scrub|forget|forgotten)*|get rid of|no (trace|record)|(none|nothing) ~6 (kept|stored|retained|held|left)|no longer ~2 (kept|stored|held|retained)",
      access: "cop(y|ies)|overview|summary|(what|which|whatever|everything|all) ~ (have|hold|keep|store|stored|collect|collected|process|processed|know)|(want|like|wish|need) to (know|see|find out)|(tell|show|send|give) me|access to|curious",
      rectification: "(old|previous|former|new|current|maiden) (\\w+ )?(address|e-?mail|name|surname|number|phone number)|no longer (correct|accurate|valid|up to date)|(correct|rectif|updat|amend|fix|edit|replac|chang)*|(wrong|incorrect|inaccurate|misspel|mistake|typo|outdated)*|out of date|not (correct|right|accurate)",
      restriction: "(restrict|limit|freez|suspend|block|paus)*|only (keep|store|hold)|(other than|except|beyond) (keep|stor|hold)*|(nothing|anything) (else )?with",
      portability: "(export|download|transfer|migrat|port)*|move ~2 to|(another|new|different) (provider|company|service|bank|supplier|platform|insurer)|machine ~ readable|csv|json|(file|format) ~ (import|read)*",
      objection: "(object|unsubscrib|refus)*|opt(ed|ing)? out|stop|quit|cease|no longer|(don'?t|do not|never) (want|wish|agree|asked)",
      "withdraw-consent": "(withdraw|revok|retract)*|consent*|permission|changed my mind|take back",
    },
  },
  cues: [
    // Art. 17. "Close my account" alone is a contract matter; deleting it is erasure.
    'e1 delet*|eras*|remov*|wipe*|purg*|destroy*',
    'e3 {del} ~ {my} ({data}|{acct}|{field})',
    'e3 {del} ~ ({data}|everything|anything) ~ {me}',
    'e3 {my} ({data}|{acct}) ~ (deleted|erased|removed|wiped|purged|destroyed|gone)',
    'e3 (deletion|erasure|removal) ~ {my}|(data|account|gdpr) (deletion|erasure) request',
    'e2 {del} (everything|it all)(?=\\s*([,.;!?]|$))',
    'e3 right (to|of) ~2 (erasure|be forgotten|deletion)|forget (about )?me',
    'e3 (remove me|(be|get|am|being) (removed|deleted|erased)) (from|off) ~ (database|system|records|servers|crm|files)*',
    // Art. 15. "Access my account" is a log-in problem, so access cues name the data.
    'a1 access*|cop(y|ies)|overview',
    'a3 (right|request) (of|to|for) access|subject access',
    'a3 (copy|copies|overview|summary|list|printout) ~ ({my} {data}|{data} ~ {me})',
    'a3 (what|which|whatever|all) ~ {data} ~ (hold|have|store|keep|process|collect|save)* ~ {me}',
    'a2 access (to )?{my} {data}|(are|do|does) (you|your company) ~ (process|hold|stor|keep|collect|us)* ~ {my} {data}',
    'a2 (know|see|find out|tell me|confirm) ~ (whether|if|what|which) ~ {data}|(send|give|provide|email) me ~ {my} {data}|request ~2 {my} {data}',
    'a3 (obtain|get|receive|request|see|access|have|send me|give me|provide)* ~ {data} ~ {me}|(all|any|every|whatever) ~2 {data} ~6 {me}',
    'a3 (what|everything) (do )?you know about me|(tell|show|send|give) me ~ (everything|all|what) ~ (hold|have|store|keep|process)* ~ {me}',
    // Art. 16
    'r1 correct*|rectif*|updat*|amend*|wrong|incorrect|inaccurate|misspel*|outdated|typo',
    'r3 rectif(y|ication) ~ {my}|right to rectification',
    'r3 (correct|rectify|update|fix|change|amend|edit)* ~ {my} ({field})',
    'r2 (correct|rectify|update|fix|amend)* ~2 {data}|(correct|rectify|update|fix|change|amend)* (the|this|that) ({field})',
    'r2 {my} (old|previous|former|maiden|new) ({field})',
    'r3 (spelt|spelled|spelling|written|typed|got) {my} ({field}) ~2 (as|wrong|incorrect*)',
    'r2 ({field}) ~2 (you have|you hold|on file|on record|stored|registered|in your) ~ (wrong|incorrect|inaccurate|misspel*|outdated|out of date)',
    'r3 {my} ({field}) ~ (wrong|incorrect|inaccurate|misspel*|outdated|out of date|not correct|not up to date|spel* wrong|incomplete)',
    'n2 (delivery|shipping) address|address (for|of|on) (my |the |this )?(order|parcel|package|shipment|delivery|invoice|booking)',
    // Art. 18
    's1 restrict*|limit*|suspend*|freez*|block*',
    's3 restrict* ~ (process*|use|usage|using|handling)|restriction of ~2 process*|right to restrict*',
    's3 (restrict|limit|suspend|freez|block|pause|halt)* ~ ((process*|use|usage|using) ~ )?{my} {data}',
    "s2 (do not|don'?t|not) (delete|erase|remove) ~ (but|instead|rather)|(until|while|pending) ~ (resolved|verified|checked|clarified|investigat*|disput*|complaint|decided|settled)",
    's3 (until|while|pending) ~12 (do not|don\'?t|not|stop|cease|no longer) ~2 (use|using|process*|shar*|pass*)',
    's3 (restrict|limit|suspend|freez|block|pause|halt)* (all )?(use|processing|usage) of ~ {data}',
    's2 (until|while|pending) ~ (look* into|review*|examin*)',
    's2 legal claims?|court case|lawsuit|legal proceedings|litigation',
    // Stopping only for a while is restriction (Art. 18(1)(a), (d)), not an objection.
    's3 (stop|suspend|pause|halt|cease) ~ (process*|using|use) ~ (until|while|pending)',
    // Art. 20. Exporting one's own data counts as portability; a copy or overview as access.
    'p1 export*|download*',
    'p3 (data )?portability|machine\\W?readable|(structured|commonly used|portable|interoperable) ~ format',
    'p3 (transfer|transmit|move|port|send|migrat)* ~ {data} ~ to ~ (another|a new|a different|other|new) ~2 (provider|service|company|supplier|controller|bank|insurer|platform|app|vendor)',
    'p2 {my} {data} ~ (format*|csv|json|xml|spreadsheet|excel)|data (that )?i(\'ve| have)? (provided|given|supplied|submitted|uploaded|entered)',
    'p2 (move|take|transfer|port|switch)* ~ (it|them|this|everything) ~2 (to|into) (another|a new|a different|a competing|a competitor)',
    'p3 (export|download)* ~ ({my} {data}|{data} ~ {me})',
    'n2 (export|download)* ~2 (reports?|invoices?|statistics|stats|dashboards?|analytics|orders|transactions|tickets|contacts|leads|charts?|receipts?|timesheets?|logs?)',
    // Art. 21; an "unsubscribe from marketing" is an objection to direct marketing (Art. 21(2)).
    'o1 object*|unsubscrib*|marketing|newsletters?|mailings?',
    'o2 (opt|opted|opting) out|unsubscribed',
    'o3 object* to ~ (process*|use|using|usage|profiling|direct marketing|marketing|tracking)|right to object|objection to ~2 (process|use)*',
    'o3 (stop|cease|quit) ~ (process*|using|use) ~ {my} {data}',
    "o3 (stop|cease|quit|no longer) ~ (send|email|call|contact|text|spam|ring)* ~ (marketing|promotion*|advert*|newsletters?|offers|sales|commercial|spam)",
    'o3 unsubscrib* ~ (newsletters?|mailings?|marketing|promotional|(e-?)?mails|lists?|offers|messages|sms)|unsubscribe me|(stop|quit) (calling|contacting|emailing|e-mailing|texting|messaging|spamming) me',
    'o3 (opt|opting|opted) out ~ (marketing|newsletter|profiling|tracking|advert*|promotional|e-?mails|sale|sharing|personali[sz]ed|communications)',
    'o3 (remove|take) (me|my \\w+( address)?) ~ (from|off) ~ (mailing|marketing|e-?mail|newsletter|distribution|call|contact|sms) list',
    "o3 (don'?t|do not|no longer) (want|wish) ~ (receive|get) ~ (marketing|newsletters?|promotion*|advert*|offers|commercial|e-?mails|calls|texts)",
    "o3 (don'?t|do not|no longer) (want|wish|agree|accept)* ~ {my} {data} ~ (used|processed|shared|sold)",
    "o3 (stop|quit|cease|don'?t|do not|no longer|never) ~4 (shar|sell|pass|disclos|giv|transfer)* ~4 {data}|(don'?t|do not|no longer) ~3 {data} ~3 (shared|sold|passed|disclosed|given)",
    "o3 (don'?t|do not|no longer) (want|wish) to be (contacted|called|phoned|e-?mailed|texted|approached)|(keep|keeps) (calling|phoning|e-?mailing|texting|contacting) me",
    'o2 (please )?stop (it|this|that|them|these)(?=\\s*([,.;:!?]|$))',
    'o2 profiling|direct marketing|targeted advert*|personali[sz]ed (ads|advert*)',
    // Art. 7(3). "Withdraw from the contract" is consumer law, hence "consent" in every strong cue.
    'w1 consent*|withdraw*|revok*|take back',
    'w2 (withdraw|revok|retract|rescind|take back)* ~ (permission|authori[sz]ation)',
    'w3 (withdraw|revok|retract|cancel|rescind|take back|pull)* ~ consent|consent ~ (withdrawn|revoked|retracted|cancel*)',
    "w3 (no longer|do not|don'?t) (give |want to give )?(my )?consent|withdraw* ~ (permission|authori[sz]ation) ~ (process|use|contact|marketing|data)",
    // Context
    'l1 data protection|privacy (law|regulation|rights)|ccpa|ico|data controller|data subject',
    'd1 {my} {data}|personal (data|information)|{me}',
    'q1 i (hereby |formally |would like to |want to |wish to )?(request|demand|ask you to|want you to|require|instruct|insist)',
    'q1 exercis* ~ rights?|(invok|assert)* ~ rights?|under (the )?(gdpr|law|data protection)|in accordance with|pursuant to|within (one|1|a|30|thirty) (calendar )?(month|days)|without undue delay|confirm* ~ in writing',
    // Questions about GDPR from a business customer, not a request by the data subject.
    'n3 (are|is) (you|your \\w+|the \\w+|\\w+) ~2 compliant|gdpr compliance|compliance (team|officer|documentation|requirements)',
    'n3 data processing (agreement|addendum)|dpa|sub\\W?processors?|standard contractual clauses|security questionnaire|vendor (assessment|questionnaire|review)|due diligence|dpia',
    'n2 (where|which country|what country|which region) ~ (hosted|host|stored|located|servers?|data ?cent*)|data residency|hosted (in|within)',
    'n3 (our|their) (own )?(customers|clients|users|end\\W?users|employees|members|subscribers|patients|contacts|visitors|tenants)|(customer|client|user)s? of ours|(from|by|of) (a|an|one of our|our) (former )?(data subject|customer|client|user|end\\W?user|employee|member|patient|applicant|candidate)s?|on behalf of ~2 (customer|client|user|company)|(a|one of our|an) (customer|client|user|end\\W?user)s? (has |have )?(asked|requested|wants|sent|submitted)',
    // A business that received a request from someone else asks how to handle it.
    'n3 (we|i) (have |just )?(received|got) (a|an) ~3 request',
    // Account administration and business data: log-in and payment details, a company's own records.
    "n2 password|log ?in|sign ?in|locked out|verification code|payment (card|method|details)|credit card|(our|the) company'?s? (account|phone|address|details|number|records)",
    // Housekeeping on things that are not the writer's personal data.
    'n2 (duplicate|double|second|same) (ticket|request|case|message|e-?mail|order|booking|charge|payment|entry|conversation)',
    'n2 (delet|remov|cancel|clos|merg|discard|eras)* ~2 (ticket|case|duplicate|attachment|file|upload|draft|comment|post|review|message|order|item|product|cart|basket|booking|reservation|appointment|invoice|report|dashboard|project|folder|document|event|task|listing|entry|row)s?',
    // Privacy notices quoted in signatures tell the reader about rights; they do not exercise them.
    'n3 you (have|may|can) (the right|exercise)|your rights|if you (wish|want|would like) to (exercise|unsubscribe|object)',
    'n3 (our|the) (auditors?|legal team|compliance team|security team|procurement( team)?|it department)',
    'o2 i (hereby )?object\\b',
    'n2 (this|the) (e-?mail|message) ~ confidential|intended (only )?for the (named )?(recipient|addressee)',
    // Someone else's data: a business customer relaying a request is not the data subject.
    'n2 (his|her|their) (personal )?(data|information|details|account)',
    // A shop or business owner asking about their own customers' data (they are the controller).
    'n3 (my|our) (own )?(shop\'?s |store\'?s |webshop\'?s )?(customers|clients|subscribers|end\\W?customers|members)|(a|one of my|one of our) (customer|client|subscriber)s? (of|from) (my|our) (shop|store|webshop|business)|i\'?m a reseller|(we are|as) (the )?(data )?controllers?',
    // Moving a phone number to another operator, and a stored payment card: not personal-data rights.
    'n3 port(ing)? (my|the) (phone |mobile )?number|number port*|(saved|stored) (credit |debit |payment )?card',
    // Consumer-law and billing look-alikes: withdrawing from a purchase, disputing a card payment,
    // cancelling a service, asking for an invoice copy.
    'n2 (right|statutory right) of withdrawal|withdraw(ing|al)? from (the|my|this) (contract|purchase|order)|cooling\\W?off period',
    'n2 chargeback|dispute ~2 (charge|payment|transaction|debit)|(charged|debited) twice|unauthori[sz]ed (charge|payment|transaction)',
    'n2 cancel ~2 (subscription|membership|contract|plan|service|renewal|licen[cs]e)|terminate ~2 (contract|subscription)',
    'n2 (copy|copies|duplicate) of ~2 (invoice|receipt|bill|statement)s?',
    // Objecting to a fee or a fine, and reporting a broken "download my data" button: not the rights.
    'n3 object to (the|this|your) (new )?(fee|fees|price|charge|increase|fine|invoice|penalty|decision)|(button|link|page) ~3 (error|broken|bug|does ?n.?t work|not working|crash\\w*)|report(ing)? ~2 (a |the )?bug',
    // Short and plain ways to ask (no legal words): being forgotten, where my data came from, a file to
    // take elsewhere, a detail on file to update.
    'e3 (want|wish|like|ask) to be forgotten|remove me from (everything|your (database|systems?|records|lists))|(wipe|wiped) ~3 (completely|everything|all of it)',
    'a3 data access (report|request)|where (did|do) you (get|got|obtain) ~2 (my|me)',
    'p3 (import|load|move|take) ~4 (into|to|over to) ~2 (another|a new|the new|my new) ~2 (app|service|provider|platform|bank|tool)',
    'r3 (on file|in your (records|system|database)) ~8 (update|correct|change|fix)|(update|correct|change|fix) ~8 (on file|in your (records|system|database))',
    's2 (storage|storing) only|only (store|keep) (it|them|my data)|(just|only) (stored|kept)',
    // On someone's behalf (a parent, an heir, a lawyer) and about concrete records: the same rights.
    'e3 {del} ~ (his|her|their) ~2 ({data}|{acct})',
    'e2 {del} ~ (cv|resume|application|photos?|pictures?|recordings?|footage|(referenc\\w*|claim) (file|check)|passport)',
    'a3 (copy|copies|send me|receive|get|obtain|see|view|have) ~ (cctv|footage|camera (images|recordings|footage)|(call |phone )?recordings?|chat (logs?|history|transcripts?)|transcripts?|(claim|case|personnel|medical) file|notes)',
    // Keeping an account because it is still in use: no request to erase or restrict it.
    'n2 i (still|continue to) use (it|this|them|my account|the account|the app|the service)|(i\'?m|i am) still using (it|this|them|my account|the account|the app|the service)',
  ],
};
