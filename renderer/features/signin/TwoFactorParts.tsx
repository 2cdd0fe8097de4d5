import { forwardRef } from 'react';
import type { TwoFactorEnrolment } from '../../../shared/schemas/two-factor';
import { describedBy, Field } from '../../ui/Field';
import './two-factor.css';

/** The key grouped in fours, as apps show it, so it is easy to type. */
const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

/** What an authenticator app needs: the key to type in, or the otpauth:// address to open on the phone. */
export function AppKey({ enrolment }: { enrolment: TwoFactorEnrolment }) {
  return (
    <div className="two-factor-key">
      <p className="two-factor-text">
        In your authenticator app (Microsoft Authenticator, Google Authenticator or any TOTP app) choose <em>Enter a setup key</em>,
        choose <em>time-based</em>, and type this key:
      </p>
      <code className="two-factor-secret" data-testid="two-factor-secret" aria-label="Setup key">
        {grouped(enrolment.secret)}
      </code>
      <details className="two-factor-uri">
        <summary>Setup address, for apps that take one</summary>
        <code data-testid="two-factor-uri">{enrolment.uri}</code>
      </details>
    </div>
  );
}

/** Shown once: each code signs in once if the phone is lost. */
export function RecoveryCodeList({ codes }: { codes: string[] }) {
  return (
    <div className="two-factor-recovery">
      <p className="two-factor-text">
        Keep these recovery codes somewhere safe, away from your phone (print them or write them down). Each one signs you in once if
        your phone is lost. They are not shown again.
      </p>
      <ol className="two-factor-codes" aria-label="Recovery codes">
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ol>
    </div>
  );
}

interface CodeInputProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  problem?: string | null;
  /** A recovery code (letters and digits) rather than six digits. */
  recovery?: boolean;
}

/** Six digits from the app: a numeric keyboard on touch screens, and the browser may offer a one-time code. */
export const CodeInput = forwardRef<HTMLInputElement, CodeInputProps>(function CodeInput({ id, label, value, onChange, problem, recovery = false }, ref) {
  return (
    <Field id={id} label={label} problem={problem ?? undefined}>
      <input
        ref={ref}
        {...describedBy(id, false, problem ?? undefined)}
        className={recovery ? 'input' : 'input two-factor-code-input'}
        inputMode={recovery ? 'text' : 'numeric'}
        autoComplete={recovery ? 'off' : 'one-time-code'}
        autoCapitalize="none"
        spellCheck={false}
        maxLength={recovery ? 20 : 7}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
});
