import type { FieldError } from '../../../api/client';

/**
 * Field messages by path, as the server names them without the `body.` prefix
 * (`tiers.1.requirements.0.threshold`), so each input can find its own.
 */
export class FieldErrors {
  private readonly byPath: Map<string, string>;

  constructor(errors: FieldError[] = []) {
    this.byPath = new Map();
    for (const e of errors) {
      const path = e.path.replace(/^body\.?/, '');
      if (!this.byPath.has(path)) this.byPath.set(path, e.message);
    }
  }

  get size() {
    return this.byPath.size;
  }

  /** The message for exactly this field. */
  at(path: string): string | undefined {
    return this.byPath.get(path);
  }

  /** The message for this field or any item inside it (a multi-select's values). */
  within(path: string): string | undefined {
    const exact = this.byPath.get(path);
    if (exact) return exact;
    for (const [p, message] of this.byPath) if (p.startsWith(`${path}.`)) return message;
    return undefined;
  }

  without(path: string): FieldErrors {
    const next = new FieldErrors();
    for (const [p, m] of this.byPath) if (p !== path) next.byPath.set(p, m);
    return next;
  }

  /** Errors no input claims: shown above the form so none goes unseen. */
  unclaimed(claims: { exact: Set<string>; prefixes: string[] }): FieldError[] {
    const out: FieldError[] = [];
    for (const [path, message] of this.byPath) {
      const claimed =
        claims.exact.has(path) || claims.prefixes.some((p) => path === p || path.startsWith(`${p}.`));
      if (!claimed) out.push({ path, message });
    }
    return out;
  }
}
