import { useEffect, type ReactNode, type RefObject } from 'react';
import './signin.css';

/** The card every before-sign-in screen sits in: the mark, a title and a line of guidance. */
export function SignInCard({ title, lede, children }: { title: string; lede: string; children: ReactNode }) {
  return (
    <main className="signin-page">
      <div className="signin-card">
        <div className="signin-brand">
          <span className="signin-mark" aria-hidden="true">
            R
          </span>
          <h1 className="signin-product">{title}</h1>
        </div>
        <p className="signin-lede">{lede}</p>
        {children}
      </div>
    </main>
  );
}

/** Focus the first field on arrival, and after a refusal select the field that usually needs retyping. */
export function useFormFocus(
  first: RefObject<HTMLInputElement | null>,
  retype: RefObject<HTMLInputElement | null>,
  error: unknown,
): void {
  useEffect(() => first.current?.focus(), [first]);
  useEffect(() => {
    if (error) retype.current?.select();
  }, [error, retype]);
}
