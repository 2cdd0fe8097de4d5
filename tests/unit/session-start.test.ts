import { beforeEach, describe, expect, it } from 'vitest';
import type { SignedIn } from '../../shared/contract/requests';
import { useSessionStore } from '../../renderer/state/session';

/**
 * What the desk knows of how its session began: signed in already when the app started (the
 * console then draws knowledge at once), or signed in here (knowledge comes a moment after, while
 * the sync starts); and the same session told twice (the core's push, then its answer) is one object.
 */
const amira = (offline = false): SignedIn => ({
  signedIn: true,
  user: { id: 'u-1', username: 'advisor1.mcr', displayName: 'Amira Hussain', role: 'advisor', siteId: 's-mcr' } as SignedIn['user'],
  site: { id: 's-mcr', name: 'Manchester' } as SignedIn['site'],
  offline,
});

describe('the session as the desk starts', () => {
  beforeEach(() => useSessionStore.setState({ phase: 'loading', session: null, resumed: false }));

  it('is resumed when the first word from the core is that someone is signed in', () => {
    useSessionStore.getState().applySessionState(amira());
    expect(useSessionStore.getState()).toMatchObject({ phase: 'signed-in', resumed: true });
  });

  it('is not resumed when someone signs in after the sign-in screen, even after a resumed one signed out', () => {
    const { applySessionState } = useSessionStore.getState();
    applySessionState({ signedIn: false });
    applySessionState(amira());
    expect(useSessionStore.getState()).toMatchObject({ phase: 'signed-in', resumed: false });

    useSessionStore.setState({ phase: 'loading', session: null, resumed: false });
    applySessionState(amira());
    applySessionState({ signedIn: false });
    applySessionState(amira());
    expect(useSessionStore.getState().resumed).toBe(false);
  });

  it('keeps the session object when told the same again, and takes a changed one', () => {
    const { applySessionState } = useSessionStore.getState();
    applySessionState(amira());
    const first = useSessionStore.getState().session;
    applySessionState(amira());
    expect(useSessionStore.getState().session).toBe(first);
    applySessionState(amira(true));
    expect(useSessionStore.getState().session).not.toBe(first);
    expect(useSessionStore.getState().session?.offline).toBe(true);
    expect(useSessionStore.getState().resumed).toBe(true);
  });
});
