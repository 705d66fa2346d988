/**
 * The app registration's certificate credential, read once at start from one PEM file holding the
 * private key and the certificate (the form `openssl req -x509 ... -keyout k -out c; cat k c`
 * gives, and Azure Key Vault exports). MSAL signs its client assertion with the key and names the
 * certificate by its SHA-256 thumbprint, which node:crypto computes from the certificate.
 */
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

export interface CertificateCredential {
  /** SHA-256 thumbprint of the certificate, hex without separators (MSAL `thumbprintSha256`). */
  readonly thumbprintSha256: string;
  /** The private key as PKCS#8 PEM (what MSAL's signer takes). */
  readonly privateKey: string;
  /** The certificate as PEM: sent as `x5c` when subject name + issuer authentication is used. */
  readonly certificate: string;
  readonly notAfter: Date;
}

/** `message` says what is wrong with the file and how to fix it; the caller names the variable. */
export class CertificateFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CertificateFileError';
  }
}

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]+?-----END \1-----/g;

function pemBlocks(text: string): { label: string; pem: string }[] {
  return [...text.matchAll(PEM_BLOCK)].map((m) => ({ label: m[1] ?? '', pem: m[0] }));
}

function readPem(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CertificateFileError(`the file "${path}" does not exist; give the path of a PEM file holding the app registration's private key and certificate`);
    throw new CertificateFileError(`the file "${path}" cannot be read (${code ?? String(error)}); make it readable by the bot's user`);
  }
}

function privateKeyOf(path: string, blocks: { label: string; pem: string }[]): KeyObject {
  if (blocks.some((b) => b.label === 'ENCRYPTED PRIVATE KEY')) throw new CertificateFileError(`the private key in "${path}" is encrypted; export it without a passphrase (openssl pkcs8 -topk8 -nocrypt) and keep the file readable only by the bot`);
  const block = blocks.find((b) => /(^|[A-Z]+ )PRIVATE KEY$/.test(b.label));
  if (!block) throw new CertificateFileError(`"${path}" holds no private key (no "-----BEGIN PRIVATE KEY-----" block); put the key and the certificate in the one PEM file (cat key.pem cert.pem)`);
  try {
    return createPrivateKey(block.pem);
  } catch (error) {
    throw new CertificateFileError(`the private key in "${path}" cannot be read (${error instanceof Error ? error.message : String(error)}); export it as an unencrypted PEM`);
  }
}

function certificateOf(path: string, blocks: { label: string; pem: string }[]): X509Certificate {
  const block = blocks.find((b) => b.label === 'CERTIFICATE');
  if (!block) throw new CertificateFileError(`"${path}" holds no certificate (no "-----BEGIN CERTIFICATE-----" block); put the key and the certificate in the one PEM file (cat key.pem cert.pem)`);
  try {
    return new X509Certificate(block.pem);
  } catch (error) {
    throw new CertificateFileError(`the certificate in "${path}" cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** Throws CertificateFileError when the file is missing, lacks the key or the certificate, or they do not match. */
export function loadCertificateCredential(path: string): CertificateCredential {
  const blocks = pemBlocks(readPem(path));
  const key = privateKeyOf(path, blocks);
  const certificate = certificateOf(path, blocks);
  if (!certificate.checkPrivateKey(key)) throw new CertificateFileError(`the private key in "${path}" does not belong to its certificate (${certificate.subject}); put the matching key and certificate in the file`);
  if (key.asymmetricKeyType !== 'rsa') throw new CertificateFileError(`the key in "${path}" is ${key.asymmetricKeyType ?? 'not RSA'}; Microsoft Entra takes RSA certificates for app credentials`);
  return {
    thumbprintSha256: certificate.fingerprint256.replace(/:/g, '').toLowerCase(),
    privateKey: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
    certificate: certificate.toString(),
    notAfter: new Date(certificate.validTo),
  };
}
