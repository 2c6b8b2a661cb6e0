// Captured signature verdicts: what a file says was found before redaction. Read strictly, shown as claims.
export { AS_CAPTURED, NO_CAPTURED_VERDICT, asClaim, judgeRedacted, type RedactedInput } from './claims';
export { fileText, readCapturedSignatures, readVerdict, readVerdicts } from './shape';
