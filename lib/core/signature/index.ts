// Signature verification and trust (VALIDATION.md steps 4 to 9 and 12): platform-free, async (WebCrypto).
export { parseCertificates, rsaKeyValuePem, type TrustedCertificate } from './certificates';
export { verifySignatures, type VerifyOptions } from './verify';
