// TODO(2026-11-22): switch to lib/detect's classifyTicket once it lands (helper in progress).
import type { TicketMessage } from '../../lib/model/helpdesk';
import type { RequestType } from '../../lib/model/request';
import type { DetectLanguage } from '../../lib/model/common';
export function classifyTicket(_messages: TicketMessage[]): { isRequest: boolean; type?: RequestType; language?: DetectLanguage; evidence: { phrase: string; start: number }[] } {
  return { isRequest: false, evidence: [] };
}
