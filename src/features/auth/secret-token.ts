import { createHash, randomBytes } from 'node:crypto';

/** A random token for a cookie or a link; 32 bytes, URL-safe. */
export const newSecretToken = () => randomBytes(32).toString('base64url');

/** What the database keeps of a token: its hash, so that a leaked table opens no session and accepts no link. */
export const hashSecretToken = (token: string) => createHash('sha256').update(token).digest('base64url');
