// An independent RFC 4226 / RFC 6238 implementation on node:crypto alone (deliberately not otplib),
// shared by the unit tests and the e2e specs so codes the app accepts are checked against a second
// implementation.
import { createHmac } from "node:crypto";

/** RFC 4648 base32 (whitespace and padding ignored, any case). */
export function base32Decode(input: string): Buffer {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of input.replace(/[\s=]/g, "").toUpperCase()) {
    const idx = alphabet.indexOf(ch);
    if (idx < 0) throw new Error(`not base32: ${ch}`);
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** RFC 4226 HOTP (HMAC-SHA-1, dynamic truncation). */
export function hotp(key: Buffer, counter: number, digits = 6): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac("sha1", key).update(msg).digest();
  const offset = mac[mac.length - 1] & 0x0f; // dynamic truncation
  const binary =
    ((mac[offset] & 0x7f) << 24) | ((mac[offset + 1] & 0xff) << 16) | ((mac[offset + 2] & 0xff) << 8) | (mac[offset + 3] & 0xff);
  return String(binary % 10 ** digits).padStart(digits, "0");
}

/** RFC 6238 TOTP (SHA-1, 30 s steps) at `unixSeconds`. */
export const totpAt = (key: Buffer, unixSeconds: number, digits = 6) => hotp(key, Math.floor(unixSeconds / 30), digits);
