import { describe, expect, it } from 'vitest';
import { fold, originalSpan } from '../../lib/detect/normalise';

describe('fold', () => {
  it('lower-cases, strips diacritics and spells out ß, œ, æ', () => {
    expect(fold('Löschung DER Straße, œuvre, Æsir, ÉLÉVE').text).toBe('loschung der strasse, oeuvre, aesir, eleve');
  });

  it('turns typographic apostrophes into plain ones', () => {
    expect(fold('l’effacement').text).toBe("l'effacement");
  });

  it('maps every folded character back to its original character', () => {
    const original = 'Grüße 🙏 Lo\u0308schung';
    const folded = fold(original);
    expect(folded.text).toBe('grusse 🙏 loschung');
    const at = folded.text.indexOf('loschung');
    expect(originalSpan(folded, at, at + 'loschung'.length)).toEqual({ start: original.indexOf('Lo'), end: original.length });
    const ss = folded.text.indexOf('ss');
    // both folded letters of "ß" map to the one original character
    expect(originalSpan(folded, ss, ss + 2)).toEqual({ start: 3, end: 4 });
  });
});
