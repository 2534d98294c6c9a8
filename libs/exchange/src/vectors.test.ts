import { createPrivateKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  Directory,
  createRequest,
  createResponse,
  nextLogEntry,
  openRequest,
  openResponse,
  publicJwk,
  requestHash,
  signingKeyFromJwk,
  type SigningKey,
} from './index.js';

// The worked example of docs/exchange.md, byte for byte. The client key is RFC 8037's Ed25519
// example key (appendix A.1); the provider's private key is 32 bytes of 0x07.
const client = signingKeyFromJwk('deed-platform', 'exchange-20250301-1a2b3c4d', {
  kty: 'OKP',
  crv: 'Ed25519',
  d: 'nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A',
  x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo',
});
const provider: SigningKey = {
  member: 'population',
  kid: 'k2025-03',
  privateKey: createPrivateKey({
    key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.alloc(32, 7)]),
    format: 'der',
    type: 'pkcs8',
  }),
};

const REQUEST =
  'eyJhbGciOiJFZERTQSIsImtpZCI6ImRlZWQtcGxhdGZvcm0vZXhjaGFuZ2UtMjAyNTAzMDEtMWEyYjNjNGQiLCJ0eXAiOiJkZWVkLWV4Y2hhbmdlLXJlcXVlc3QrandzIn0' +
  '.eyJ2IjoxLCJjbGllbnQiOiJkZWVkLXBsYXRmb3JtIiwicHJvdmlkZXIiOiJwb3B1bGF0aW9uIiwic2VydmljZSI6InBlcnNvbi5yZWFkIiwicHVycG9zZSI6ImRvY3VtZW50LnBhc3Nwb3J0LnNob3ciLCJjaXRpemVuIjoiMTIzNDU2Nzg5MCIsImNhc2VJZCI6ImRvYy12aWV3LTVmMWMiLCJyZXF1ZXN0SWQiOiIwYjZlN2YyYS00YzFkLTRlNWItOWE4Zi0zZDJjMWIwYTlmOGUiLCJpYXQiOjE3NjcyMjU2MDAsImJvZHkiOnsiaWQiOiIxMjM0NTY3ODkwIn19' +
  '.qHNvJVdxDTDsXqHhyadZ8epCMC2gAhS2UIas1KgG54L9RqqgyXExqHecZO6mjAaKg2Z_FiSlW6BoWjatSEJECw';
const RESPONSE =
  'eyJhbGciOiJFZERTQSIsImtpZCI6InBvcHVsYXRpb24vazIwMjUtMDMiLCJ0eXAiOiJkZWVkLWV4Y2hhbmdlLXJlc3BvbnNlK2p3cyJ9' +
  '.eyJ2IjoxLCJwcm92aWRlciI6InBvcHVsYXRpb24iLCJjbGllbnQiOiJkZWVkLXBsYXRmb3JtIiwic2VydmljZSI6InBlcnNvbi5yZWFkIiwicmVxdWVzdElkIjoiMGI2ZTdmMmEtNGMxZC00ZTViLTlhOGYtM2QyYzFiMGE5ZjhlIiwicmVxdWVzdEhhc2giOiJ3bkZpSGRVYmNfZVdUZWZqbHQtVU5naWE5cDhoRndBazhHdUIwdlpyNzVJIiwiaWF0IjoxNzY3MjI1NjAwLCJzdGF0dXMiOiJvayIsImJvZHkiOnsiaWQiOiIxMjM0NTY3ODkwIiwiZ2l2ZW5OYW1lIjoiT2xlbmEiLCJmYW1pbHlOYW1lIjoiUGV0cmVua28iLCJiaXJ0aERhdGUiOiIxOTkwLTAxLTAxIn19' +
  '.Ra2WkrTIVasaFrB8IXKqnyLx1fJuxoe42VDKylWO_nw-2wIfC8ewqIvzLjoJB8ha6aF5fgdaTylODkyLGuXJCg';

describe('the worked example of docs/exchange.md', () => {
  it('is reproduced exactly', async () => {
    expect(publicJwk(provider).x).toBe('6kpsY-KcUgq-9VB7Ey7F-ZVHdq6-vnuSQh7qaRRG0iw');
    const directory = new Directory([
      { id: 'deed-platform', name: 'Deed platform', keys: [publicJwk(client)] },
      { id: 'population', name: 'Population register', keys: [publicJwk(provider)] },
    ]);
    const now = () => 1_767_225_600_000; // 2026-01-01T00:00:00Z
    const request = await createRequest(
      {
        provider: 'population',
        service: 'person.read',
        purpose: 'document.passport.show',
        citizen: '1234567890',
        caseId: 'doc-view-5f1c',
        requestId: '0b6e7f2a-4c1d-4e5b-9a8f-3d2c1b0a9f8e',
        body: { id: '1234567890' },
      },
      client,
      { now },
    );
    expect(request.jws).toBe(REQUEST);
    const envelope = await openRequest(REQUEST, { resolveKey: directory.resolveKey, provider: 'population', now });
    const body = { id: '1234567890', givenName: 'Olena', familyName: 'Petrenko', birthDate: '1990-01-01' };
    const response = await createResponse({ jws: REQUEST, envelope }, { status: 'ok', body }, provider, { now: () => 1_767_225_600_250 });
    expect(response.jws).toBe(RESPONSE);
    expect(requestHash(REQUEST)).toBe('wnFiHdUbc_eWTefjlt-UNgia9p8hFwAk8GuB0vZr75I');
    expect((await openResponse(RESPONSE, request, { resolveKey: directory.resolveKey })).status).toBe('ok');
    const entry = nextLogEntry(undefined, { at: 1_767_225_600_250, direction: 'in', requestJws: REQUEST, responseJws: RESPONSE });
    expect(entry.hash).toBe('aSMOJk8IWD3WmtvKLtitft4tB7_ICKlNL0enefqm3AQ');
  });
});
