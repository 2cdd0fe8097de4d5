import type { CaseTab } from '../../state';
import { useCaseTabActions } from '../../state';

interface CaseTabStripProps {
  tabs: CaseTab[];
  active: string | null;
  currentCallId: string | null;
}

/**
 * The open cases as a row of buttons: Home, then the current caller's case (first, marked), then
 * the others. Each has its own close button beside it, so closing never needs a hidden gesture.
 */
export function CaseTabStrip({ tabs, active, currentCallId }: CaseTabStripProps) {
  const { activate, close } = useCaseTabActions();
  return (
    <nav className="case-tabs" aria-label="Open cases">
      <ul className="case-tabs-list">
        <li className="case-tab">
          <button type="button" className="case-tab-button" aria-current={active === null ? 'page' : undefined} onClick={() => activate(null)}>
            Home
          </button>
        </li>
        {tabs.map((tab) => {
          const current = tab.callId !== null && tab.callId === currentCallId;
          return (
            <li key={tab.key} className={current ? 'case-tab case-tab-current' : 'case-tab'} data-testid="case-tab">
              <button
                type="button"
                className="case-tab-button"
                aria-current={tab.key === active ? 'page' : undefined}
                onClick={() => activate(tab.key)}
                title={tab.title}
              >
                {current ? <span className="case-tab-dot" aria-hidden="true" /> : null}
                <span className="case-tab-title">{tab.title}</span>
                {current ? <span className="visually-hidden"> (current call)</span> : null}
              </button>
              {current ? null : (
                <button type="button" className="case-tab-close" aria-label={`Close ${tab.title}`} onClick={() => close(tab.key)}>
                  ×
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
