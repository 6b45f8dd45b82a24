// French cues (RGPD; "droit à l'effacement", "droit d'opposition"). Syntax: lib/detect/rules.ts.
import type { PhraseTable } from '../rules';

export const fr: PhraseTable = {
  stop: 'le la les de des du et est je mes mon ma pas vous votre vos pour que qui une un avec merci sur dans ne nous ce au aux suis j qu d n c cordialement bonjour madame monsieur tres plus ai etre comment quand pourquoi pouvez peux puis avez sont sommes mais si leur leurs nos notre cette cet ces son sa ses il elle y en depuis aussi tout tous toutes fait faire avoir',
  negators: 'ne n pas jamais',
  macros: {
    my: '(toutes |tous )?(les )?(mes|mon|ma)',
    data: '(donnees|informations|infos|coordonnees|renseignements)( personnel*| a caractere personnel)?',
    acct: 'compte( client| utilisateur)?|profil|espace client',
    field: '{data}|nom( de famille)?|prenom|adresse( e-?mail| mail| postale| electronique)?|e-?mail|date de naissance|numero de telephone|telephone',
    me: 'me concernant|sur moi|a mon sujet|a mon egard',
  },
  combine: {
    self: "(mon|ma|mes)( \\w+){0,2} (donnees|informations|infos|coordonnees|renseignements|compte|profil|nom|prenom|adresse|e-?mail|numero|telephone|photos?|historique|dossier|habitudes|date de naissance|fiche)|a mon sujet|me concernant|sur moi|a mon egard",
    block: "\\w*(ticket|factur|rapport|reservation|abonnement|panier|brouillon|doublon)\\w*|commandes?|pieces? jointes?|mot de passe|(dernier|precedent) (message|mail|courriel)",
    verbs: {
      erasure: "(suppr|effac|detrui|oubli)*|ne ~2 plus ~2 (conserv|garder|stock)*",
      access: "copie|acces|liste|releve|(savoir|connaitre) ~2 (ce que|quelles|quels|si)|ce que vous ~2 (conservez|detenez|avez|savez|traitez|stockez)",
      rectification: "(ancien\\w*|nouve(au|l|lle)|actuel\\w*)|n ~2 plus (correct|exact|a jour|valable)*|(corrig|rectifi|modifi|actualis|remplac)*|(mettre|mettez|mis) ~2 a jour|mal (ecrit|orthographi)*|(erron|incorrect|inexact|obsolete)*|faux|fausse",
      restriction: "(limit|bloqu|gel|suspend)*|(seulement|uniquement) ~2 (conserv|garder)*|(jusqu'?a|en attendant|tant que) ~ (verifi|clarifi|resol|decision|enquete|litige|reclamation)*",
      portability: "(export|telecharg|transfer|transmet|transmettre|migr)*|(autre|nouveau|nouvel|nouvelle) ~2 (banque|fournisseur|operateur|prestataire|assureur|service)|format ~3 (import|lisible|structur)*",
      objection: "(oppos|desinscri|desabonn|refus|arret|cess)*|ne ~2 plus",
      "withdraw-consent": "(retir|revoqu|revoc)*|consent*|autoris*|accord|accepte|revien* sur",
    },
  },
  cues: [
    // Art. 17 ("droit à l'effacement", "droit à l'oubli")
    'e1 suppr*|effac*',
    'e3 (suppr|effac|detrui|retir)* ~ ({my} ({data}|{acct}|{field})|{data} ~ {me})',
    'e3 {my} ({data}|{acct}) ~ (supprime|efface|detruit)*|(suppression|effacement|destruction) ~ ({my}|{data}|{acct})',
    'e2 (suppr|effac)* (tout|absolument tout)(?=\\s*([,.;!?]|$))',
    "e3 droit ~2 (effacement|oubli)|(m'?effacer|me supprimer|me retirer) ~ (base|fichier|systeme|registre)*",
    // Art. 15
    'a1 acces|copie',
    'a3 acceder ~2 {my} {data}',
    "a3 droit ~2 acces|demande d'?acces|acces ~2 {data}|(copie|liste|releve|recapitulatif|communication|extrait)* ~ {data}",
    "a3 (quelles|quels|quelle) ~ {data} ~ {me}|(toutes|tous|l'?ensemble) ~2 {data} ~6 {me}",
    'a2 (savoir|connaitre|obtenir|recevoir|consulter) ~ {my} {data}|si vous ~2 (traitez|detenez|conservez|possedez) ~ {data}',
    // Art. 16
    'r1 rectif*|corrig*|erron*|incorrect*|inexact*',
    'r3 droit de rectification|rectif* ~ ({my}|{data})',
    'r3 (corrig|modifi|rectifi|actualis|mettre a jour|mettez a jour|changer|changez)* ~ {my} ({field})',
    'r3 {my} ({field}) ~ (erron|incorrect|inexact|faux|fausse|mal orthographi|mal ecrit|pas a jour|obsolete|perime|incomplet)*',
    'r2 (corrig|rectifi)* ~2 {data}|(ma|mon) (nouvelle|nouveau|nouvel|ancienne|ancien|precedente) ({field})',
    'r2 ({field}) ~2 (enregistre*|dans votre|chez vous|que vous avez) ~ (erron|incorrect|inexact|faux|fausse|mal orthographi)*',
    'n2 adresse de (livraison|facturation)|adresse ~2 (commande|colis|facture|livraison)',
    // Art. 18
    's1 limit*|bloqu*|gel*|suspend*',
    's3 limitation ~2 traitement|droit a la limitation|limit* ~ (traitement|utilisation) ~ {data}',
    's3 (geler|bloquer|suspendre|gelez|bloquez|suspendez|limiter|limitez) ~ ({my} {data}|traitement)',
    "s2 ne ~2 pas ~2 (supprim|effac)* ~ (mais|seulement|uniquement)|(jusqu'?a|en attendant|le temps) ~ (verifi|clarifi|resolu|reglement|decision|enquete|litige)*",
    "s3 (en attendant|jusqu'?a|tant que) ~12 (ne|n) ~2 (utilis|trait|transmet|partag)*",
    's2 action en justice|contentieux|procedure judiciaire|droits en justice',
    // Art. 20
    'p1 export*|telecharg*',
    'p3 portabilite|format structure|lisible par (machine|ordinateur)|couramment utilise',
    'p3 (transfer|transmet|transmettre|envoy|porter|migrer)* ~ {data} ~ (autre|nouveau|nouvel|nouvelle) ~2 (fournisseur|prestataire|operateur|responsable|banque|assureur|service|plateforme)',
    'p2 {my} {data} ~ (format|csv|json|xml|excel)',
    'p3 (export|telecharg)* ~ {my} {data}|{my} {data} ~ (export|telecharg)*',
    'n2 (export|telecharg)* ~2 (rapport|factur|statistiqu|command|transaction|tableau)*',
    // Art. 21 and the marketing opt-out (Art. 21(2))
    'o1 oppos*|desinscri*|desabonn*|newsletter|publicit*|prospection|marketing',
    "o3 (je m'?oppose|m'?opposer|opposition) ~ (traitement|utilisation|prospection|profilage|marketing|publicit*|envoi)|droit d'?opposition",
    "o3 (desinscri|desabonn|radi|retir|supprim)* ~ (newsletter|lettre d'?information|liste|mailing|communications|offres|e-?mails|mails|prospection)|me (desinscrire|desabonner)|(desinscrivez|desabonnez)-moi",
    "o3 ne ~2 plus ~ recevoir ~2 (publicit|prospection|newsletter|offre|sms|mail|e-?mail|courriel|communication|promotion|lettre)*|ne ~2 plus ~ etre (contacte|appele|sollicite|demarche)*",
    'o3 (plus de|arretez|arreter|cessez|cesser) ~ (publicit|prospection|newsletter|sms|appels|e-?mails|mails|courriels|envoyer|utiliser|traiter|appeler)*',
    'o3 (refuse|ne|n|plus|arret*|cess*) ~6 {data} ~4 (transmis|cede|vendu|partage|communique|transmettre|ceder|vendre|partager|communiquer)*',
    'o2 profilage|prospection commerciale|publicite ciblee|marketing direct',
    // Art. 7(3)
    'w1 consentement*|revoqu*|autorisation*',
    'w2 (retir|revoqu|revoc)* ~ (autorisation|accord|permission)|(autorisation|accord|permission) ~ (retire|revoque)*',
    'w3 (retir|revoqu|revoc|annul)* ~ consentement|consentement ~ (retire|revoque|annule)*|retrait ~2 consentement|ne ~2 plus ~2 consen*|ne consen* (plus|pas)',
    // Context
    'l1 cnil|informatique et libertes|protection des donnees',
    'd1 {my} {data}|donnees (personnelles|a caractere personnel)|{me}',
    "q1 je (vous )?demande|conformement|en application|en vertu|au titre|dans (un|le) delai|par la presente|j'?exerce|sans delai",
    // A business customer asking about GDPR
    'n3 (etes-vous|etes vous|vous etes|est-ce que vous etes|est-il|sont-ils) ~2 conforme*|conformite ~2 rgpd',
    'n3 sous-?traitan*|accord ~2 traitement des donnees|clauses contractuelles types|questionnaire de securite',
    'n2 (ou|dans quel pays) ~ (heberge|serveur|centre de donnees|datacenter)*|hebergement des donnees',
    'n3 (nos|leurs) (clients|utilisateurs|salaries|employes|collaborateurs|adherents|patients|abonnes)|pour le compte ~2 (client|entreprise)|(un|une) de nos client*|(un|une) client* (nous )?(demande|a demande)|d\'?un client|d\'?une personne concernee',
    'n2 mot de passe|connecter|connexion|identifiant*|carte bancaire|iban',
    // Housekeeping
    'n2 doublon*|en double',
    'n2 (suppr|effac|annul)* ~2 (ticket|piece jointe|pieces jointes|fichier|message|commande|facture|rapport|commentaire|panier|brouillon|rendez-vous|reservation|avis)*',
    'n2 retractation',
    'n3 vous (avez|disposez) ~2 droit|vos droits',
    "o2 je m'?oppose",
    'n2 ce (message|courriel|mail) ~ confidentiel',
    // Un commerçant qui demande comment traiter les données de ses propres clients (il est responsable de traitement).
    'n3 (mes) (clients|clientes|abonnes|adherents)|(un|une) (de mes |de nos )?client(e)?s? de (ma|notre) (boutique|societe|entreprise)|nous sommes (le |les )?responsables? (du|de) traitement',
    'n3 portabilite du (mon )?numero|porter (mon )?numero|code rio',
    // Droit de la consommation et factures : paiement contesté, résiliation, copie de facture.
    'n2 (contest|opposition)* ~2 (prelevement|paiement|debit|transaction|carte)|chargeback|rembourse*',
    'n2 (resili|resiliation)* ~2 (abonnement|contrat|forfait|adhesion)|(abonnement|contrat|forfait) ~2 resili*',
    'n2 (copie|duplicata) ~2 (facture|factures|recu|ticket de caisse)',
    'n3 (conteste|contester|opposition) ~2 (amende|facture|augmentation|hausse|penalite|majoration)|(bouton|lien|page) ~3 (erreur|bug|ne marche pas|ne fonctionne pas|plante)|signal* ~2 bug',
    // Phrasings customers use without the legal words: a file another app can read, a record to fix,
    // a use to suspend while a dispute runs, an objection to a use of their messages.
    'p3 format ~4 (lisible|importable|standard|exploitable|ouvert|compatible)|(recuper|transfer|envoy)* ~8 (format|fichier) ~4 (ailleurs|autre|importable|lisible)|(transferer|envoyer|transmettre) ~4 (a|au|vers) ~2 (autre|nouveau|nouvelle|nouvel) (logiciel|service|prestataire|operateur|application|appli|plateforme)',
    'r3 (corrig|rectifi|modifi|mettre a jour|mettez a jour)* ~4 (fiche|dossier|information|mention|donnee|enregistrement)|(information|mention|donnee|fiche) ~4 (inexacte|erronee|fausse|incorrecte)',
    's3 (suspend|gel|bloqu|limit)* ~4 (utilisation|communication|traitement|usage)|tant que ~6 (reclamation|contestation|verification|litige|enquete)',
    'o3 (pas d.?accord|refuse|m.?oppose) ~4 (utilis|exploit|trait|analys|servent|serve)*|(exclure|exclue|exclu|retirer) ~3 (mes|mon|ma) (messages|donnees|conversations|echanges|photos)',
    'e3 (suppr|effac|detrui)* ~3 (mon|ma|mes) (cv|candidature|dossier de candidature|photos|messages|historique)',
    // Au nom d'un autre (parent, héritier, avocat) et sur des pièces concrètes : les mêmes droits.
    'e3 (supprim|effac|retir|detrui)* ~ (ses|son|sa|leurs?) ~2 ({data}|{acct})|(effacement|suppression) des donnees (la|le|les) concernant',
    'e2 (supprim|effac|detrui)* ~ (cv|candidature|photos?|enregistrements?|images|videos?)|(cv|candidature|photos?|enregistrements?) ~8 (effac|supprim|detrui)*',
    'a3 (copie|recevoir|obtenir|acceder|communiquer|transmettre|envoyer) ~ (images|enregistrements?|videos?|videosurveillance|notes|dossier|echanges|conversations?)',
    // Garder un compte encore utilisé : pas une demande.
    'n2 je l( |\')?utilise (encore|toujours)|je continue (a|de) l( |\')?utiliser',
  ],
};
