// Sign-ins the server's demo seed creates (see apps/server/src/seed); the admin's password is set by the e2e setup.
export const ADMIN_EMAIL = 'admin@example.com';
export const ADMIN_PASSWORD = 'admin-password-e2e';
export const DEMO_PASSWORD = 'partnergraph-demo';

export interface Account {
  email: string;
  password: string;
}

export const accounts = {
  admin: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
  channelManager: { email: 'cm@example.com', password: DEMO_PASSWORD },
  analyst: { email: 'analyst@example.com', password: DEMO_PASSWORD },
  northwindAdmin: { email: 'admin@northwind.example', password: DEMO_PASSWORD },
  northwindUser: { email: 'user@northwind.example', password: DEMO_PASSWORD },
  contosoAdmin: { email: 'admin@contoso.example', password: DEMO_PASSWORD },
} satisfies Record<string, Account>;
