// What the documents page and the sandboxed template compiler say to each other over postMessage.
// The sandbox has no extension APIs: it receives a template's source and the data it may see (the
// view), and answers with Markdown or a problem that names the line and the field.
import type { TemplateProblem } from '../../lib/messaging/messages/documents';

export const CHANNEL = 'privacy-desk/templates';

export interface RenderTemplateRequest {
  channel: typeof CHANNEL;
  id: number;
  /** The template's Handlebars source. */
  source: string;
  /** The view the kind builds from the validated input (lib/documents/kind.ts): data only. */
  view: Record<string, unknown>;
  /** How messages name the template, e.g. its file name. */
  name: string;
}

export type RenderTemplateReply = { channel: typeof CHANNEL; id: number } & ({ ok: true; markdown: string } | { ok: false; problem: TemplateProblem });
