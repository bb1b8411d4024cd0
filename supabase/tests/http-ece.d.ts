// http_ece (installed with web-push) ships no types: the part the push tests use to decrypt as a browser.
declare module 'http_ece' {
	import type { ECDH } from 'node:crypto';

	export interface EceParams {
		version?: 'aes128gcm' | 'aesgcm' | 'aesgcm128';
		/** The receiver's key pair (a browser's subscription key). */
		privateKey?: ECDH;
		/** The subscription's auth secret, base64url or bytes. */
		authSecret?: string | Buffer;
		dh?: string | Buffer;
		keyid?: string;
		salt?: string | Buffer;
		rs?: number;
	}

	const ece: {
		decrypt(buffer: Buffer, params: EceParams): Buffer;
		encrypt(buffer: Buffer, params: EceParams): Buffer;
	};
	export default ece;
}
