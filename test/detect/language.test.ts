import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../lib/detect';

describe('detectLanguage', () => {
  it.each([
    ['en', 'Could you please tell me when my parcel will arrive?'],
    ['nl', 'Kunnen jullie mij laten weten wanneer mijn pakket komt?'],
    ['de', 'Können Sie mir bitte sagen, wann mein Paket ankommt?'],
    ['it', 'Potete dirmi quando arriva il mio pacco?'],
    ['fr', 'Pouvez-vous me dire quand mon colis arrivera ?'],
    ['es', '¿Pueden decirme cuándo llegará mi paquete?'],
  ])('%s', (language, text) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('returns undefined for too little text', () => {
    for (const text of ['', 'GDPR', 'Hi', 'Art. 15 DSGVO', 'OK 👍', '12345 67890']) expect(detectLanguage(text), text).toBeUndefined();
  });

  it('ignores case and diacritics', () => {
    expect(detectLanguage('ICH MÖCHTE DASS SIE MEINE DATEN LÖSCHEN')).toBe('de');
    expect(detectLanguage('je voudrais que vous supprimiez mes donnees')).toBe('fr');
  });
});
