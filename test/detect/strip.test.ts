import { describe, expect, it } from 'vitest';
import { stripNoise } from '../../lib/detect/strip';
import { fold } from '../../lib/detect/normalise';

const strip = (text: string): string => stripNoise(fold(text).text);
const kept = (text: string): string => strip(text).replace(/\s+/g, ' ').trim();

describe('stripNoise', () => {
  it('keeps the length, so evidence offsets still map to the original', () => {
    const text = 'Hi\n> quoted\n--\nfooter';
    expect(strip(text)).toHaveLength(fold(text).text.length);
  });

  it('blanks a quoted reply and its "wrote:" line in every language', () => {
    for (const header of ['On Mon, 30 Nov 2026, Support wrote:', 'Am 28.11.2026 schrieb Support:', 'Le mar. 3 nov. 2026 à 16:40, Service Client <s@example.fr> a écrit :', 'El 12 nov 2026, a las 18:03, Info <i@example.es> escribió:']) {
      expect(kept(`Thanks!\n\n${header}\n> Our privacy notice explains your GDPR rights.`)).toBe('thanks!');
    }
  });

  it('cuts a signature block and a legal footer, but only near the end', () => {
    expect(kept('Where is my parcel?\nLaura\n--\nThis e-mail is confidential. GDPR applies.')).toBe('where is my parcel? laura');
    expect(kept('Bonjour, la livraison était parfaite.\nLaure\nLes informations contenues dans ce message sont confidentielles (RGPD).')).toBe('bonjour, la livraison etait parfaite. laure');
    const early = 'Les informations contenues dans ce message sont confidentielles, mais je veux que vous effaciez mes données. '.repeat(3);
    expect(kept(early)).toBe(fold(early).text.trim());
  });

  it('keeps a forwarded request (only the "Forwarded message" line goes)', () => {
    expect(kept('---------- Forwarded message ---------\nFrom: Dan\n\nPlease send me a copy of my data.')).toBe('from: dan please send me a copy of my data.');
  });
});

describe('stripNoise: the sender\'s own privacy notice', () => {
  it.each([
    'Informativa privacy ai sensi dell\'art. 13 Reg. UE 2016/679 su www.example.it/privacy',
    'En cumplimiento del RGPD le informamos de que sus datos forman parte de un fichero de Example S.L.',
    'Conformément au RGPD, vous disposez d\'un droit d\'accès et de rectification auprès du cabinet.',
  ])('cuts "%s" at the end of a message', (footer) => {
    expect(kept(`Hello, where is my parcel? Order 1234.\nThanks, Anna\n${footer}`)).toBe('hello, where is my parcel? order 1234. thanks, anna');
  });
});

describe('stripNoise: a request citing the wrong article stays', () => {
  it('keeps a last line that asks for data under Art. 13', () => {
    const text = 'Hello,\nI have been your customer for years.\nUnder Article 13 GDPR please send me a copy of all my data.';
    expect(kept(text)).toBe('hello, i have been your customer for years. under article 13 gdpr please send me a copy of all my data.');
  });
});
