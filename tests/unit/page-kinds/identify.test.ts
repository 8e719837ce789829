// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { IdentifyApi } from '../../../utils/page-kinds';
import { detectHelpCenterUserPage } from '../../../utils/page-kinds/helpcenter-user/detect';
import { identifyHelpCenterUser } from '../../../utils/page-kinds/helpcenter-user/identify';

const HC = '7000000012001';
const SETUP = `https://desk.zoho.com/agent/zylker/zylker/setup#setup/channels/helpcenter/${HC}/users`;
const pageAt = (url: string) => detectHelpCenterUserPage(url)!;

function fakeApi(over: Partial<IdentifyApi> = {}): IdentifyApi {
  return {
    identifyUser: vi.fn(async () => ({ name: 'Carol Diaz', email: 'carol@zylker.com' })),
    identifyByEmail: vi.fn(async ({ email }) => ({
      context: { kind: 'user' as const, target: { userId: '42' } },
      names: ['Carol Diaz', email],
    })),
    ...over,
  };
}

describe('identifyHelpCenterUser', () => {
  it("registers the URL's user at once, and names them for the control's place once the worker answers", async () => {
    const api = fakeApi();
    const { context, names } = await identifyHelpCenterUser(pageAt(`${SETUP}/42`), {
      api,
      document,
      signal: new AbortController().signal,
    });
    expect(context).toEqual({ kind: 'user', target: { userId: '42', helpCenterId: HC } });
    expect(await names).toEqual(['Carol Diaz', 'carol@zylker.com']);
    expect(api.identifyByEmail).not.toHaveBeenCalled();
  });

  it("still registers the URL's user when the worker will not name them yet (the lookup bound): the control goes by the heading", async () => {
    const deferred = Object.assign(new Error('Looked up once you click Remove badges.'), {
      errorCode: 'LOOKUP_DEFERRED',
    });
    const api = fakeApi({ identifyUser: vi.fn(async () => Promise.reject(deferred)) });
    const { context, names } = await identifyHelpCenterUser(pageAt(`${SETUP}/42`), {
      api,
      document,
      signal: new AbortController().signal,
    });
    expect(context).toEqual({ kind: 'user', target: { userId: '42', helpCenterId: HC } });
    await expect(names).rejects.toBe(deferred);
  });

  it("passes on the email's own context when the worker leaves the lookup to the click", async () => {
    document.body.innerHTML = '<main><h1>Carol Diaz</h1><a href="mailto:carol@zylker.com">mail</a></main>';
    const left = { kind: 'email' as const, email: 'carol@zylker.com', helpCenterId: HC };
    const api = fakeApi({ identifyByEmail: vi.fn(async () => ({ context: left, names: ['carol@zylker.com'] })) });
    const { context, names } = await identifyHelpCenterUser(pageAt(`${SETUP}/portaluser/17883000000094001`), {
      api,
      document,
      signal: new AbortController().signal,
    });
    expect(context).toEqual(left);
    expect(await names).toEqual(['carol@zylker.com']);
  });

  it('with no user id in the URL, waits for the email the page shows and takes the context the worker gives', async () => {
    document.body.innerHTML = '<main><h1>Loading…</h1></main>';
    const api = fakeApi({
      identifyByEmail: vi.fn(async () => ({
        context: { kind: 'unresolved' as const, problem: { kind: 'not-found' as const, message: 'Nobody.' } },
        names: ['carol@zylker.com'],
      })),
    });
    const identified = identifyHelpCenterUser(pageAt(`${SETUP}/portaluser/17883000000094001`), {
      api,
      document,
      signal: new AbortController().signal,
    });
    // Drawn late, as Desk draws its pages.
    setTimeout(() => {
      document.body.innerHTML = '<main><h1>Carol Diaz</h1><a href="mailto:carol@zylker.com">mail</a></main>';
    }, 10);
    const { context, names } = await identified;
    expect(api.identifyByEmail).toHaveBeenCalledWith({ email: 'carol@zylker.com', helpCenterId: HC });
    expect(context).toEqual({ kind: 'unresolved', problem: { kind: 'not-found', message: 'Nobody.' } });
    expect(await names).toEqual(['carol@zylker.com']);
    expect(api.identifyUser).not.toHaveBeenCalled();
  });

  it('registers the email itself when the worker does not answer: the click looks it up, and says why if it cannot', async () => {
    document.body.innerHTML = '<main><h1>Carol Diaz</h1><a href="mailto:carol@zylker.com">mail</a></main>';
    const api = fakeApi({ identifyByEmail: vi.fn(async () => Promise.reject(new Error('No answer.'))) });
    const { context, names } = await identifyHelpCenterUser(pageAt(`${SETUP}/portaluser/17883000000094001`), {
      api,
      document,
      signal: new AbortController().signal,
    });
    expect(context).toEqual({ kind: 'email', email: 'carol@zylker.com', helpCenterId: HC });
    expect(await names).toEqual(['carol@zylker.com']);
  });
});
