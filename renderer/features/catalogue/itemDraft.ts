import { LINES, type Line } from '../../../shared/roles';
import type { CatalogueItem } from '../../../shared/schemas/catalogue';
import type { FieldProblem } from '../../../shared/schemas/common';
import type { CatalogueItemInput } from '../../state';
import { parsePounds, penceToPounds } from './pounds';

export type PersonalisationKind = CatalogueItem['fields'][number]['kind'];

/** One personalisation field as the form holds it: options as typed, a stable key for React. */
export interface FieldDraft {
  uid: string;
  key: string;
  label: string;
  kind: PersonalisationKind;
  required: boolean;
  options: string;
}

/** The form's own copy of an item: amounts stay as the pounds the admin typed until saved. */
export interface ItemDraft {
  id: string;
  name: string;
  description: string;
  kind: CatalogueItem['kind'];
  tone: CatalogueItem['tone'];
  bereavementSuitable: boolean;
  minPounds: string;
  maxPounds: string;
  lines: Line[];
  sites: string[];
  fulfilment: string;
  tags: string;
  fields: FieldDraft[];
  templates: { uid: string; text: string }[];
}

let uids = 0;
export const uid = (): string => `row-${++uids}`;

/** "Garden centre voucher" → "garden-centre-voucher": the reference other systems use for the item. */
export function referenceFrom(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents off: “Café” → “Cafe”
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/** "Child's age" → "childsAge": the `{placeholder}` a template uses for the field. */
export function keyFrom(label: string): string {
  const words = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents off: “Café” → “Cafe”
    .replace(/['’]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const key = words.map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase())).join('');
  return key.replace(/^[0-9]+/, '').slice(0, 40);
}

export const fieldDraft = (f: Partial<FieldDraft> = {}): FieldDraft => ({
  uid: uid(),
  key: '',
  label: '',
  kind: 'text',
  required: false,
  options: '',
  ...f,
});

/** Every gift goes to somebody with a message; an admin adds item-specific fields (a child's age) below. */
export function newDraft(): ItemDraft {
  return {
    id: '',
    name: '',
    description: '',
    kind: 'gift',
    tone: 'neutral',
    bereavementSuitable: false,
    minPounds: '',
    maxPounds: '',
    lines: [...LINES],
    sites: [],
    fulfilment: '',
    tags: '',
    fields: [
      fieldDraft({ key: 'recipientName', label: 'Recipient’s name', required: true }),
      fieldDraft({ key: 'message', label: 'Personal message', kind: 'longtext', required: true }),
    ],
    templates: [{ uid: uid(), text: 'Dear {recipientName}, ' }],
  };
}

export function draftFrom(item: CatalogueItem): ItemDraft {
  return {
    id: item.id,
    name: item.name,
    description: item.description,
    kind: item.kind,
    tone: item.tone,
    bereavementSuitable: item.bereavementSuitable,
    minPounds: penceToPounds(item.minPence),
    maxPounds: penceToPounds(item.maxPence),
    lines: [...item.lines],
    sites: [...item.sites],
    fulfilment: item.fulfilment,
    tags: item.tags.join(', '),
    fields: item.fields.map((f) => fieldDraft({ ...f, options: (f.options ?? []).join(', ') })),
    templates: item.templates.map((text) => ({ uid: uid(), text })),
  };
}

const BLANK = /\{([a-zA-Z][a-zA-Z0-9]*)\}/g;

/** Blanks in a template that no personalisation field fills: an advisor could never send it. */
export const unknownBlanks = (template: string, keys: readonly string[]): string[] =>
  [...new Set([...template.matchAll(BLANK)].map((m) => m[1]!))].filter((k) => !keys.includes(k));

const list = (text: string): string[] =>
  text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);

/**
 * The item to send, or the amounts that could not be read. Everything else is checked by the hub
 * (and the desktop) against the one catalogue schema, so the rules live in one place.
 */
export function itemFromDraft(
  draft: ItemDraft,
): { ok: true; item: CatalogueItemInput } | { ok: false; problems: FieldProblem[] } {
  const min = parsePounds(draft.minPounds);
  const max = parsePounds(draft.maxPounds);
  const problems: FieldProblem[] = [];
  if (!min.ok) problems.push({ path: 'minPence', message: min.message });
  if (!max.ok) problems.push({ path: 'maxPence', message: max.message });
  // Two things the schema cannot see: a choice with nothing to choose, and one key used twice.
  const seen = new Set<string>();
  draft.fields.forEach((f, i) => {
    const key = f.key.trim();
    if (f.kind === 'choice' && list(f.options).length === 0)
      problems.push({ path: `fields.${i}.options`, message: 'Give the choices, separated by commas.' });
    if (key && seen.has(key)) problems.push({ path: `fields.${i}.key`, message: `Another field already uses the key “${key}”.` });
    seen.add(key);
  });
  draft.templates.forEach((t, i) => {
    const blanks = unknownBlanks(t.text, [...seen]);
    if (!t.text.trim()) problems.push({ path: `templates.${i}`, message: 'Write the template or remove it.' });
    else if (blanks.length)
      problems.push({ path: `templates.${i}`, message: `No field has the key ${blanks.map((k) => `{${k}}`).join(', ')}.` });
  });
  if (!min.ok || !max.ok || problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    item: {
      id: draft.id.trim(),
      name: draft.name.trim(),
      description: draft.description.trim(),
      kind: draft.kind,
      tone: draft.tone,
      bereavementSuitable: draft.bereavementSuitable,
      minPence: min.pence,
      maxPence: max.pence,
      lines: draft.lines,
      sites: draft.sites,
      fulfilment: draft.fulfilment.trim(),
      tags: list(draft.tags),
      fields: draft.fields.map((f) => ({
        key: f.key.trim(),
        label: f.label.trim(),
        kind: f.kind,
        required: f.required,
        ...(f.kind === 'choice' ? { options: list(f.options) } : {}),
      })),
      templates: draft.templates.map((t) => t.text.trim()),
    },
  };
}
