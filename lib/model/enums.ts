// The vocabularies of the model as plain constants, without zod: the helpdesk content script needs
// them (request types, channels, event types, helpdesk kinds) and stays small by not loading the
// schemas, which the background applies to everything it receives (lib/messaging).
export const REQUEST_TYPES = ['access', 'rectification', 'erasure', 'restriction', 'portability', 'objection', 'withdraw-consent'] as const;
export type RequestTypeName = (typeof REQUEST_TYPES)[number];

/** The article of the GDPR each request type exercises. */
export const REQUEST_ARTICLE: Record<RequestTypeName, string> = {
  access: 'Art. 15',
  rectification: 'Art. 16',
  erasure: 'Art. 17',
  restriction: 'Art. 18',
  portability: 'Art. 20',
  objection: 'Art. 21',
  'withdraw-consent': 'Art. 7(3)',
};

export const EVENT_TYPES = ['viewed', 'exported', 'shared', 'rectified', 'erased', 'consent-captured', 'other'] as const;
export const CONSENT_CHANNELS = ['chat-pre-form', 'email', 'web-form', 'phone', 'ticket'] as const;
export const HELPDESK_KINDS = ['zendesk', 'freshdesk', 'zohodesk', 'liveagent', 'helpscout', 'osticket', 'freescout', 'zammad', 'custom', 'demo'] as const;
export const MESSAGE_AUTHORS = ['customer', 'agent', 'note'] as const;
