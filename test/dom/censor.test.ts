// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { censoredOutline } from '../../lib/dom/censor';

describe('censored page outline', () => {
  it('keeps structure and drops every text and personal attribute value', () => {
    document.body.innerHTML = `
      <div id="ticket-583201" class="thread customer user-jan@example.nl" data-user="Jan de Vries">
        <h2 class="subject" title="Verzoek om inzage">Verzoek om inzage</h2>
        <a href="mailto:jan@example.nl" class="email">jan@example.nl</a>
        <input class="subject-input" value="Löschung meiner Daten">
      </div>`;
    const outline = censoredOutline(document.body);
    expect(outline).toContain('<div id="…" class="thread customer …" data-user="…">');
    expect(outline).toContain('<h2 class="subject"> [17 chars]');
    expect(outline).toContain('<input class="subject-input">');
    for (const secret of ['Jan', 'jan@example.nl', 'Verzoek', 'inzage', '583201', 'Löschung', 'mailto']) expect(outline).not.toContain(secret);
  });

  it('stops at the depth and node limits', () => {
    let html = '';
    for (let i = 0; i < 20; i += 1) html += '<div class="level">';
    document.body.innerHTML = html;
    const outline = censoredOutline(document.body, 3);
    expect(outline.split('\n')).toHaveLength(5);
    expect(outline).toContain('… 1 children');
  });
});
