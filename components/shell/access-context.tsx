'use client';

import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { AuthMode, IdentityVia } from '@/lib/access/identity';
import { roleAtLeast, type Role } from '@/lib/access/roles';

/** Who the page is for, as the dashboard layout resolved it on the server. */
export interface AccessIdentity {
  name: string;
  role: Role;
  mode: AuthMode;
  via: IdentityVia;
}

export interface AccessValue extends AccessIdentity {
  /** Whether this person may do what `need` may (the server decides again on every write). */
  can(need: Role): boolean;
}

const AccessContext = createContext<AccessValue | null>(null);

export function AccessProvider({ identity, children }: { identity: AccessIdentity; children: ReactNode }) {
  const { name, role, mode, via } = identity;
  const value = useMemo<AccessValue>(
    () => ({ name, role, mode, via, can: (need: Role) => roleAtLeast(role, need) }),
    [name, role, mode, via],
  );
  return <AccessContext.Provider value={value}>{children}</AccessContext.Provider>;
}

/** The signed-in identity; needs an <AccessProvider> above (the dashboard layout has one). */
export function useAccess(): AccessValue {
  const value = useContext(AccessContext);
  if (!value) throw new Error('useAccess() needs an <AccessProvider> above it');
  return value;
}
