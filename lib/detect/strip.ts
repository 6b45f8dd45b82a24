// Blanks the parts of an e-mail that are not the customer's own words before anything is matched:
// quoted replies ("> …" and the "On …, X wrote:" line above them), the line that opens a
// forwarded mail, and the signature block or legal footer at the end ("--", "This e-mail is
// confidential…", "AVISO LEGAL"). Those parts quote rights and the GDPR back ("you have a right of
// access…") and made look-alikes score as requests. The text keeps its length (blanks replace
// what is dropped) so evidence offsets still map to the original; the forwarded message itself
// stays, because a customer who forwards an unanswered request is making it again.
// Works on folded text (lib/detect/normalise.ts): lower case, no diacritics. One pass per line,
// each line tested by anchored or bounded patterns only, so the cost is linear in the text.

/** "On 2 Dec 2026, Support <…> wrote:", "Am 28.11.2026 schrieb Support:", "Le … a écrit :". */
const REPLY_HEADER =
  /^\s*(on|am|op|le|el|il)\b.{0,160}\b(wrote|schrieb|schreef|heeft geschreven|a ecrit|escribio|ha scritto|scrisse)\b.{0,100}:\s*$/;
/** "---------- Forwarded message ---------", "-------- Message transféré --------", "Begin forwarded message:". */
const FORWARD_LINE =
  /^\s*-*\s*(forwarded message|original message|doorgestuurd bericht|oorspronkelijk bericht|weitergeleitete nachricht|ursprungliche nachricht|messaggio inoltrato|messaggio originale|message transfere|message d'origine|message original|mensaje reenviado|mensaje original|begin forwarded message)\b.{0,40}$/;
/** The conventional signature separator "-- " and its sloppier spellings ("--", "---", "___"). */
const SIGNATURE_SEPARATOR = /^\s*(--|---|___+|-{4,}|_{4,})\s*$/;
/**
 * A legal footer: says the message is confidential or legally privileged, is headed as a
 * disclaimer, or is the sender's own privacy notice (Arts. 13–14 information: "Informativa privacy
 * ai sensi dell'art. 13 GDPR", "En cumplimiento del RGPD…"); everything from its first line to the
 * end is the sender's boilerplate.
 */
const FOOTER =
  /(\b(this|the) (e-?mail|message)\b.{0,80}\b(confidential|privileged|intended (solely |only )?for)|\bintended recipient\b|\bdisclaimer\b|\b(aviso legal|clausula de confidencialidad|avviso di riservatezza)\b|\b(dit|deze) (e-?mail|bericht)\b.{0,80}\bvertrouwelijk|\bvertrouwelijk(e)? (informatie|karakter)|\b(diese|die) (e-?mail|nachricht)\b.{0,80}\bvertraulich|\bvertrauliche informationen\b|\b(questa e-?mail|il presente messaggio|questo messaggio)\b.{0,80}\b(riservat|confidenzial)|\b(ce message|ce courriel|ce (e-?)?mail|les informations contenues)\b.{0,80}\b(confidentiel|strictement reserve)|\b(este mensaje|este correo|la informacion contenida)\b.{0,80}\b(confidencial|reservad)|\binformativa (sulla )?privacy\b.{0,40}\b(art|ai sensi|www|http)|\b(en cumplimiento|de conformidad) (del?|con el|con la) (rgpd|lopd|reglamento)|\bconformement (au|a la) (rgpd|reglement|loi informatique))/;

/** Only the last part of a message can be its footer: a long mail does not end halfway. */
const FOOTER_TAIL_SHARE = 0.3;

function blank(text: string): string {
  return text.replace(/[^\n]/g, ' ');
}

export function stripNoise(folded: string): string {
  const lines = folded.split('\n');
  const out: string[] = [];
  let offset = 0;
  let cut = false;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    const start = offset;
    offset += line.length + 1;
    if (cut) {
      out.push(blank(line));
      continue;
    }
    if (/^\s*>/.test(line) || REPLY_HEADER.test(line) || FORWARD_LINE.test(line)) {
      out.push(blank(line));
      continue;
    }
    // A separator or a footer ends the customer's words, but only past the first line (a message
    // that starts with "---" is a forwarded one) and only in the tail for footers.
    const inTail = start >= folded.length * FOOTER_TAIL_SHARE;
    if (i > 0 && (SIGNATURE_SEPARATOR.test(line) || (inTail && FOOTER.test(line)))) {
      cut = true;
      out.push(blank(line));
      continue;
    }
    out.push(line);
  }
  return out.join('\n');
}
