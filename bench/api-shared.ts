// What the API benchmark's two processes agree on (bench/api.ts and bench/api-server.ts).

export interface ServerReady {
  type: 'ready';
  app: string;
  floor: string;
  cookie: string;
  csrf: string;
  partnerIds: string[];
  fillSeconds: number;
  /** Statements one request of each route runs (recorded from the app; the floor replays them). */
  statements: Record<string, number>;
  /** The statements themselves, shortened: what each route costs the database. */
  statementTexts: Record<string, string[]>;
  slowest: { route: string; ms: number; text: string; values: unknown[] }[];
}

export const SEARCH_QUERY = 'q=backup&limit=20';
/** Every deal the benchmark registers names its own customer: `Customer <TOKEN><n>`. */
export const CUSTOMER_TOKEN = 'zqx';
export const dealBody = (n: number) => ({
  customerName: `Customer ${CUSTOMER_TOKEN}${n}`,
  customerDomain: `${CUSTOMER_TOKEN}${n}.example.com`,
  country: 'US',
  amount: 250_000,
  currency: 'USD',
  expectedCloseDate: '2099-06-30',
  notes: 'Registered by the benchmark',
});
