import { Portal, type ObjectType, type PropertyDef } from './hubspot-data';
export { Portal, type ObjectType } from './hubspot-data';
export interface HubSpotEmulatorOptions {
    portalId?: number;
    clientId?: string;
    clientSecret?: string;
    dailyLimit?: number;
}
export interface RequestLogEntry {
    method: string;
    path: string;
    authorization: string | undefined;
    userAgent: string | undefined;
}
export declare function startHubSpotEmulator(options?: HubSpotEmulatorOptions): Promise<{
    url: string;
    portal: Portal;
    clientId: string;
    clientSecret: string;
    requests: RequestLogEntry[];
    /** A private app's static token (no expiry, daily-budget headers). */
    privateAppToken: (scopes?: string[]) => string;
    /** An OAuth access + refresh token pair, as a completed authorization would give. */
    oauthGrant(scopes?: string[]): {
        accessToken: string;
        refreshToken: string;
    };
    expireToken(token: string): void;
    revokeRefreshToken(token: string): void;
    /** The next `count` authenticated calls answer 429 with `Retry-After: retryAfterSeconds`. */
    /** The next `count` authenticated calls fail with `status` and an HTML page, as an outage looks. */
    outage(count: number, status?: number): void;
    /** The next `count` authenticated calls are accepted and never answered. */
    stall(count: number): void;
    /** Calls already spent today (by other integrations of the account), as the daily headers report them. */
    setDailyUsed(n: number): void;
    throttle(count: number, retryAfterSeconds: number): void;
    seed(t: ObjectType, properties: Record<string, unknown>, at?: number): string;
    touch(t: ObjectType, id: string, properties: Record<string, unknown>, at?: number): void;
    archive(t: ObjectType, id: string, at?: number): void;
    record(t: ObjectType, id: string): import("./hubspot-data").StoredObject | null;
    modifiedAt(t: ObjectType, id: string): string | null;
    addProperty(t: ObjectType, def: PropertyDef): void;
    /** The labels on one deal→company pair (null for the unlabelled association). */
    dealCompanyLabels(dealId: string, companyId: string): (string | null)[] | null;
    associate(dealId: string, companyId: string, typeIds?: number[]): void;
    close: () => Promise<void>;
}>;
export type HubSpotEmulator = Awaited<ReturnType<typeof startHubSpotEmulator>>;
