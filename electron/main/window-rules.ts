/**
 * What the window and the tray do, decided without Electron so it can be tested. Closing the
 * window while signed in keeps Rapport in the tray, so calls keep arriving; signed out, or when
 * the person chose Quit, it really closes.
 */
export function closeAction(opts: { signedIn: boolean; quitting: boolean; trayAvailable: boolean }): 'hide' | 'close' {
  return opts.signedIn && !opts.quitting && opts.trayAvailable ? 'hide' : 'close';
}

export const AGENT_STATE_WORDS: Record<string, string> = {
  ready: 'Ready',
  not_ready: 'Not ready',
  break: 'On a break',
  after_call_work: 'Wrap-up',
  protected_pause: 'Protected pause',
};

export type TrayItem = { label: string; enabled?: boolean; action?: 'show' | 'quit' } | { separator: true };

/** The tray menu: the person's status (not clickable), Show, and Quit. */
export function trayMenu(opts: { signedIn: boolean; agentState: string | null; ringing: boolean }): TrayItem[] {
  const status = !opts.signedIn
    ? 'Signed out'
    : opts.ringing
      ? 'Call waiting'
      : `Status: ${opts.agentState ? (AGENT_STATE_WORDS[opts.agentState] ?? opts.agentState) : 'unknown'}`;
  return [{ label: status, enabled: false }, { label: 'Show Rapport', action: 'show' }, { separator: true }, { label: 'Quit Rapport', action: 'quit' }];
}

export function trayTooltip(opts: { signedIn: boolean; ringing: boolean }): string {
  return opts.ringing ? 'Rapport: call waiting' : opts.signedIn ? 'Rapport' : 'Rapport (signed out)';
}

/** The application menu: no DevTools, reload or zoom-reset surprises in a packaged build. */
export function appMenuTemplate(opts: { packaged: boolean; platform: NodeJS.Platform }): { label: string; submenu: { role: string }[] }[] {
  const view = [{ role: 'zoomIn' }, { role: 'zoomOut' }, { role: 'resetZoom' }, { role: 'togglefullscreen' }];
  const developer = opts.packaged ? [] : [{ role: 'reload' }, { role: 'toggleDevTools' }];
  return [
    ...(opts.platform === 'darwin' ? [{ label: 'Rapport', submenu: [{ role: 'about' }, { role: 'hide' }, { role: 'quit' }] }] : [{ label: 'File', submenu: [{ role: 'quit' }] }]),
    { label: 'Edit', submenu: [{ role: 'undo' }, { role: 'redo' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    { label: 'View', submenu: [...view, ...developer] },
    { label: 'Window', submenu: [{ role: 'minimize' }, { role: 'close' }] },
  ];
}
