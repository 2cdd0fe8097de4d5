import { toE164 } from '../../shared/phone';
import type { Queryable } from '../db/types';
import { CUSTOMER_COLUMNS, type CustomerRow } from './customers';

const CASE_REFERENCE = /^RP-?\d{3,}$/i;
const POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]?(\s*\d[A-Z]{0,2})?$/i;
const MEMBERSHIP = /^\d{6,}$/;

export type SearchKind = 'phone' | 'membership' | 'case' | 'postcode' | 'name';

/** What the advisor typed, read the way they meant it: a case reference, a phone number, a postcode… */
export function searchKind(text: string): SearchKind {
  const bare = text.replace(/\s/g, '');
  if (CASE_REFERENCE.test(bare)) return 'case';
  if (MEMBERSHIP.test(bare) && !bare.startsWith('0')) return 'membership';
  if (toE164(text)) return 'phone';
  if (POSTCODE.test(text.trim())) return 'postcode';
  return 'name';
}

const columns = CUSTOMER_COLUMNS.split(', ')
  .map((c) => `cu.${c}`)
  .join(', ');

/** One search box for every way a caller can be found, from any site. */
export async function searchCustomers(q: Queryable, text: string, limit: number): Promise<CustomerRow[]> {
  const bare = text.replace(/\s/g, '').toUpperCase();
  switch (searchKind(text)) {
    case 'case':
      return q.all<CustomerRow>(
        `SELECT ${columns} FROM cases c JOIN customers cu ON cu.id = c.customer_id WHERE UPPER(c.reference) = ? LIMIT ?`,
        [bare.startsWith('RP-') ? bare : `RP-${bare.slice(2)}`, limit],
      );
    case 'membership': {
      const rows = await q.all<CustomerRow>(`SELECT ${columns} FROM customers cu WHERE cu.membership_number = ? LIMIT ?`, [bare, limit]);
      if (rows.length) return rows;
      break; // a long number that is nobody's membership may still be a phone number
    }
    case 'postcode':
      return q.all<CustomerRow>(
        `SELECT ${columns} FROM customers cu WHERE REPLACE(UPPER(cu.postcode), ' ', '') LIKE ? ORDER BY cu.name LIMIT ?`,
        [`${bare}%`, limit],
      );
    case 'name': {
      const like = `%${text.toLowerCase().replace(/[%_\\]/g, '')}%`;
      return q.all<CustomerRow>(`SELECT ${columns} FROM customers cu WHERE LOWER(cu.name) LIKE ? ORDER BY cu.name LIMIT ?`, [like, limit]);
    }
    case 'phone':
      break;
  }
  const phone = toE164(text);
  if (!phone) return [];
  return q.all<CustomerRow>(`SELECT ${columns} FROM customers cu WHERE cu.phone = ? OR cu.phone_alt = ? LIMIT ?`, [phone, phone, limit]);
}
