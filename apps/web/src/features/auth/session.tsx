import type { MeResponse } from '@partnergraph/shared/contracts/identity';
import { can, type Permission } from '@partnergraph/shared/permissions';
import { createContext, use } from 'react';

export type Session = MeResponse;

export const SessionContext = createContext<Session | null>(null);

/** The signed-in session; only screens inside the app shell call it, and the shell renders only with one. */
export function useSession(): Session {
  const session = use(SessionContext);
  if (!session) throw new Error('useSession() outside the signed-in app shell');
  return session;
}

export function useCan(permission: Permission): boolean {
  return can(useSession().user.role, permission);
}

/** Where a person lands after sign-in: vendor staff work on the partner list, partners on their home (what needs them now). */
export function homePath(session: Session): '/partners' | '/home' {
  return session.organization.kind === 'vendor' ? '/partners' : '/home';
}
