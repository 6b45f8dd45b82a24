// The sandboxed template compiler: answers the documents page that embeds it, and nobody else.
import { CHANNEL, type RenderTemplateReply, type RenderTemplateRequest } from './protocol';
import { renderCustomTemplate } from './compile';

function isRequest(data: unknown): data is RenderTemplateRequest {
  const d = data as Partial<RenderTemplateRequest> | null;
  return (
    typeof d === 'object' && d !== null && d.channel === CHANNEL && typeof d.id === 'number' && typeof d.source === 'string' &&
    typeof d.name === 'string' && typeof d.view === 'object' && d.view !== null
  );
}

window.addEventListener('message', (event: MessageEvent) => {
  // Only the extension page this sandbox is framed by may ask; the answer goes back to its origin only.
  if (event.source !== window.parent || window.parent === window || !isRequest(event.data)) return;
  const { id, source, view, name } = event.data;
  const reply: RenderTemplateReply = { channel: CHANNEL, id, ...renderCustomTemplate(source, view, name) };
  window.parent.postMessage(reply, event.origin);
});

// Tells the embedding page the compiler is listening.
if (window.parent !== window) window.parent.postMessage({ channel: CHANNEL, ready: true }, '*');
