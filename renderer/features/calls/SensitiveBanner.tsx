/**
 * Tone guidance for a bereavement or funeral-care call (DOMAIN.md): calm colours, plain words,
 * and what the software has already suppressed so the advisor need not think about it.
 */
export function SensitiveBanner() {
  return (
    <section className="sensitive" aria-label="Sensitive call">
      <h3 className="sensitive-title">Take your time with this caller</h3>
      <ul className="sensitive-list">
        <li>Acknowledge their loss first, then listen. There is no need to fix it.</li>
        <li>Use plain words: “died” is not harsh. Follow the caller’s lead.</li>
        <li>Never rush. Silence is fine; let them set the pace.</li>
        <li>Avoid “I know how you feel”.</li>
        <li>Do not ask for the account number first: ask how you can help.</li>
      </ul>
      <p className="sensitive-note">Marketing and satisfaction surveys are suppressed for this caller.</p>
    </section>
  );
}
