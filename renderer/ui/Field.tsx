import type { ReactNode } from 'react';
import './controls.css';

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  problem?: string;
  children: ReactNode;
}

/** Label, hint and the core's problem for one input, tied to it so a screen reader hears them. */
export function Field({ id, label, hint, problem, children }: FieldProps) {
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {hint ? (
        <span className="field-hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {children}
      <FieldProblem id={id} problem={problem} />
    </div>
  );
}

/** The attributes an input needs to point at its hint and problem. */
export function describedBy(id: string, hint: boolean, problem: string | undefined) {
  const ids = [hint ? `${id}-hint` : null, problem ? `${id}-problem` : null].filter(Boolean).join(' ');
  return { id, 'aria-invalid': problem ? true : undefined, 'aria-describedby': ids || undefined };
}

/** Why an input's value was refused, under it; `${id}-problem` is what the input's aria-describedby names. */
export function FieldProblem({ id, problem }: { id: string; problem: string | null | undefined }) {
  return problem ? (
    <span className="field-problem" id={`${id}-problem`}>
      {problem}
    </span>
  ) : null;
}
