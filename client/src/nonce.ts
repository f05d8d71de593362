// A fresh nonce for a webview's Content-Security-Policy: the one script a page
// runs is the one carrying it. Every panel (results, plan) takes it from here.
import * as crypto from 'node:crypto';

export function nonce(): string {
  return crypto.randomBytes(18).toString('base64');
}
