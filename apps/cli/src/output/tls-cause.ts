/**
 * Why a TLS connection failed, from the code core keeps on its `ConnectionError` (Node's
 * certificate verification codes, https://nodejs.org/api/tls.html#x509-certificate-error-codes,
 * and OpenSSL's `ERR_SSL_*`).
 */
const certificateProblems: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
  SELF_SIGNED_CERT_IN_CHAIN: 'a self-signed certificate in its chain',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its issuer is not trusted on this machine',
  UNABLE_TO_GET_ISSUER_CERT: 'its issuer is not trusted on this machine',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its issuer is not trusted on this machine',
  CERT_HAS_EXPIRED: 'the certificate has expired',
  CERT_NOT_YET_VALID: 'the certificate is not valid yet',
  CERT_REVOKED: 'the certificate was revoked',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the certificate is for another host name',
  HOSTNAME_MISMATCH: 'the certificate is for another host name',
};

const certificateCode =
  /^(?:CERT_|UNABLE_TO_)|^(?:DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|ERR_TLS_CERT_ALTNAME_INVALID|HOSTNAME_MISMATCH|INVALID_CA|INVALID_PURPOSE|PATH_LENGTH_EXCEEDED)$/;

/** What a person can do about a certificate their machine does not trust. */
export const untrustedCertificateHint =
  'if the server is yours, trust its CA with NODE_EXTRA_CA_CERTS=<ca.pem>';

/**
 * Where a (redacted) request URL points: `host` with the port when it has one (`127.0.0.1:1`),
 * `hostname` without; a stand-in when there is no URL.
 */
export function addressOf(url: unknown): { host: string; hostname: string } {
  try {
    const { host, hostname } = new URL(String(url));
    return { host, hostname };
  } catch {
    return { host: 'the server', hostname: 'the server' };
  }
}

/**
 * "the TLS certificate of api.example.com could not be verified (self-signed certificate)", or
 * `undefined` when `code` is no TLS code.
 */
export function tlsCause(code: string, url: unknown): string | undefined {
  const { host } = addressOf(url);
  if (certificateCode.test(code)) {
    const why = certificateProblems[code] ?? code;
    return `the TLS certificate of ${host} could not be verified (${why})`;
  }
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) {
    return `the TLS handshake with ${host} failed (${code}: does it speak https on that port?)`;
  }
  return undefined;
}

/** Whether `code` says the certificate was not trusted (rather than the handshake failing). */
export function isCertificateCode(code: string): boolean {
  return certificateCode.test(code);
}
