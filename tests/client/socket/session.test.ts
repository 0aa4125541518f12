import { describe, expect, it } from 'vitest';
import type { SessionEndReason } from '../../../client/socket/dashboard-connection';
import { api, autoClose, signIn, TEST_ADMIN, waitFor } from '../../support/stack';
import { live, tabs } from './tab';

const { start } = autoClose();
const open = tabs();

describe('dashboard connection: the end of a session', () => {
  it('[A4] signing out elsewhere ends the tab: told why, offline, and no reconnecting', async () => {
    const stack = await start();
    const cookie = await signIn(stack.url, TEST_ADMIN);
    const ended: SessionEndReason[] = [];
    const tab = open({ url: stack.url, cookie }, { onSessionEnded: (reason) => ended.push(reason) });
    await live(tab);

    const res = await api({ url: stack.url, cookie }, '/api/v1/auth/logout', { method: 'POST', body: '{}' });
    expect(res.status).toBe(200);
    await waitFor(() => ended.length > 0, 5_000, 'the end of the session');
    expect(ended).toEqual(['signed-out']);
    expect(tab.states.at(-1)).toBe('offline');
    // It stays closed: a tab that kept retrying would knock at the door with a dead cookie forever. socket.io
    // retries only for an active socket, and its manager, once closed, schedules nothing more.
    await waitFor(() => tab.socket.io.engine.readyState === 'closed', 5_000, 'the transport to close');
    expect(tab.socket.active).toBe(false);
    expect(ended).toEqual(['signed-out']);
  });

  it('[A1] a refused handshake with no valid session ends the tab as refused, not as a network problem', async () => {
    const stack = await start();
    const ended: SessionEndReason[] = [];
    const forged = `livefolio_session=${'A'.repeat(43)}`;
    const tab = open({ url: stack.url, cookie: forged }, { onSessionEnded: (reason) => ended.push(reason) });
    await waitFor(() => ended.length > 0, 5_000, 'the refusal');
    expect(ended).toEqual(['refused']);
    expect(tab.states.at(-1)).toBe('offline');
    expect(tab.socket.active).toBe(false);
  });
});
