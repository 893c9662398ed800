import { z } from 'zod';
import { isCurrency, MAX_MINOR_AMOUNT } from '../money-format';

export {
  currencies,
  currencyDigits,
  formatMinor,
  MAX_MINOR_AMOUNT,
  minorToMajorText,
  parseMajorAmount,
} from '../money-format';

export const currencyCode = z
  .string()
  .length(3)
  .transform((s) => s.toUpperCase())
  .refine(isCurrency, { message: 'Unknown ISO 4217 currency code' })
  .describe('ISO 4217 currency code, e.g. EUR');

export const minorAmount = z
  .number()
  .int('Amounts are integer minor units (cents)')
  .positive('An amount must be positive')
  .max(MAX_MINOR_AMOUNT, 'Amount too large')
  .describe('Integer minor units of the currency (cents for USD, yen for JPY)');

/** A calendar date within a range a business record can sensibly have. */
export const calendarDate = z.iso
  .date()
  .refine((s) => s >= '1990-01-01' && s <= '2100-12-31', { message: 'Date out of range (1990–2100)' })
  .describe('Calendar date, YYYY-MM-DD');

/** An exact decimal rate as text ("1.0842"): rates are never floats. */
export const decimalRate = z
  .string()
  .regex(/^\d{1,12}(\.\d{1,12})?$/, 'A positive decimal number, e.g. 1.0842')
  .refine((s) => /[1-9]/.test(s), { message: 'A rate must be greater than zero' })
  .describe('Reporting-currency units per one unit of the currency, as an exact decimal string');
