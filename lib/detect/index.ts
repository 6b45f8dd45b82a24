// Request detection (lib/detect/README.md): is a helpdesk message a data-subject request (GDPR Arts. 15–21,
// 7(3)), of which type, and which phrases say so. Pure: imports only zod and lib/model, so it runs
// in the content script, the background and the Node CLI alike.
export { classify } from './classify';
export { classifyTicket } from './ticket';
export { detectLanguage } from './language';
export {
  ClassifyOptions,
  DetectionResult,
  Evidence,
  EvidenceSignal,
  EVIDENCE_SIGNALS,
  MAX_EVIDENCE,
  TicketDetectionResult,
} from './result';
