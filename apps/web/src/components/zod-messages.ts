import { z } from 'zod';

/**
 * Plain words for the rules a contract states without a message of its own (a length, a date format):
 * Zod's defaults ("Too small: expected string to have >=2 characters") are written for developers. A
 * contract's own messages always win; this only fills in where it has none. The server keeps Zod's
 * defaults in its problem+json (API clients read those), the browser says the same rule in words.
 */
z.config({
  customError: (issue) => {
    if (issue.code === 'too_small' && issue.origin === 'string') {
      return Number(issue.minimum) <= 1 ? 'Required' : `Give ${String(issue.minimum)} characters at least`;
    }
    if (issue.code === 'too_big' && issue.origin === 'string') {
      return `Keep it to ${String(issue.maximum)} characters at most`;
    }
    if (issue.code === 'too_big' && issue.origin === 'array') return `${String(issue.maximum)} at most`;
    if (issue.code === 'invalid_format' && issue.format === 'date') return 'Give a date';
    if (issue.code === 'invalid_format' && issue.format === 'email') return 'Enter a valid email address';
    // A choice left empty (a select's null) rather than a wrong one.
    if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input == null)
      return 'Choose one';
    return undefined;
  },
});
