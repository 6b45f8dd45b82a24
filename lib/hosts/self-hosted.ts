// Self-hosted helpdesks run on any origin, so they are recognised by page fingerprint (plus URL
// shape), not by host name. Detection order matters only for pages no adapter should share.
import type { HelpdeskAdapter } from './adapter';
import { osticketAdapter } from './osticket/adapter';
import { freescoutAdapter } from './freescout/adapter';
import { zammadAdapter } from './zammad/adapter';

export const SELF_HOSTED_ADAPTERS: readonly HelpdeskAdapter[] = [osticketAdapter, freescoutAdapter, zammadAdapter];
