// Generated from apps/server/openapi.json by `npm run openapi:write` (openapi-typescript). Do not edit.
/* eslint-disable */
export interface paths {
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with email and password
         * @description Sets an HttpOnly session cookie and answers the CSRF token to send as `x-csrf-token` on every cookie-authenticated write. After 10 failed attempts for one email or one client address within 15 minutes it answers 429 with Retry-After.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                organizationId: string;
                                email: string;
                                name: string;
                                /** @enum {string} */
                                role: "admin" | "channel_manager" | "analyst" | "partner_admin" | "partner_user";
                                /** @enum {string} */
                                status: "active" | "deactivated";
                                version: number;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                createdAt: string;
                                /** @description Whether the daily digest of what waits for this user is emailed (on days something waits) */
                                emailDigest: boolean;
                            };
                            organization: {
                                id: string;
                                /** @enum {string} */
                                kind: "vendor" | "partner";
                                name: string;
                            };
                            csrfToken: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: the session ends at once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change your password
         * @description Ends every session of the user and opens a new one for this browser; answers its new CSRF token.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            csrfToken: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for a password-reset link by email
         * @description Answers 202 with the same message whether or not the address has an account. Limited to 5 requests per address and 20 per client per hour (429).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Choose a new password with the emailed token
         * @description The token works once, for one hour. Every session of the user ends; sign in with the new password.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        token: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user and organization */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                organizationId: string;
                                email: string;
                                name: string;
                                /** @enum {string} */
                                role: "admin" | "channel_manager" | "analyst" | "partner_admin" | "partner_user";
                                /** @enum {string} */
                                status: "active" | "deactivated";
                                version: number;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                createdAt: string;
                                /** @description Whether the daily digest of what waits for this user is emailed (on days something waits) */
                                emailDigest: boolean;
                            };
                            organization: {
                                id: string;
                                /** @enum {string} */
                                kind: "vendor" | "partner";
                                name: string;
                            };
                            csrfToken: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change your own preferences (the daily digest email)
         * @description Each field sets a value, so no version is asked; fields left out stay as they are. Answers the same as GET /me.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Turn the daily digest on or off */
                        emailDigest?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                organizationId: string;
                                email: string;
                                name: string;
                                /** @enum {string} */
                                role: "admin" | "channel_manager" | "analyst" | "partner_admin" | "partner_user";
                                /** @enum {string} */
                                status: "active" | "deactivated";
                                version: number;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                createdAt: string;
                                /** @description Whether the daily digest of what waits for this user is emailed (on days something waits) */
                                emailDigest: boolean;
                            };
                            organization: {
                                id: string;
                                /** @enum {string} */
                                kind: "vendor" | "partner";
                                name: string;
                            };
                            csrfToken: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List users
         * @description Vendor staff list every user; a partner admin lists its own organization.
         */
        get: {
            parameters: {
                query?: {
                    organizationId?: string;
                    role?: "admin" | "channel_manager" | "analyst" | "partner_admin" | "partner_user";
                    status?: "active" | "deactivated";
                    q?: string;
                    sort?: "name" | "-name" | "email" | "-email" | "createdAt" | "-createdAt";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                organizationId: string;
                                email: string;
                                name: string;
                                /** @enum {string} */
                                role: "admin" | "channel_manager" | "analyst" | "partner_admin" | "partner_user";
                                /** @enum {string} */
                                status: "active" | "deactivated";
                                version: number;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                createdAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a user */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            organizationId: string;
                            email: string;
                            name: string;
                            /** @enum {string} */
                            role: "admin" | "channel_manager" | "analyst" | "partner_admin" | "partner_user";
                            /** @enum {string} */
                            status: "active" | "deactivated";
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a user's name or role
         * @description A partner admin manages its own organization and grants partner roles only. The last administrator of an organization cannot be demoted (422).
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        version: number;
                        name?: string;
                        /** @enum {string} */
                        role?: "admin" | "channel_manager" | "analyst" | "partner_admin" | "partner_user";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            organizationId: string;
                            email: string;
                            name: string;
                            /** @enum {string} */
                            role: "admin" | "channel_manager" | "analyst" | "partner_admin" | "partner_user";
                            /** @enum {string} */
                            status: "active" | "deactivated";
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/users/{id}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Deactivate a user: their sessions end and their API tokens stop at once
         * @description Their records stay; `reassignTo` hands the partners they manage to a teammate.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        version: number;
                        /** @description A teammate who takes over the user's records (e.g. partners they manage) */
                        reassignTo?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            organizationId: string;
                            email: string;
                            name: string;
                            /** @enum {string} */
                            role: "admin" | "channel_manager" | "analyst" | "partner_admin" | "partner_user";
                            /** @enum {string} */
                            status: "active" | "deactivated";
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reactivate a user */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            organizationId: string;
                            email: string;
                            name: string;
                            /** @enum {string} */
                            role: "admin" | "channel_manager" | "analyst" | "partner_admin" | "partner_user";
                            /** @enum {string} */
                            status: "active" | "deactivated";
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your active sessions (device, address, last seen) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                createdAt: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                lastSeenAt: string;
                                ip: string | null;
                                userAgent: string | null;
                                /** @description The session making this request */
                                current: boolean;
                            }[];
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End one of your sessions at once */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your API tokens, with last use */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                /** @enum {string} */
                                scope: "read" | "read_write";
                                /** @description The first characters of the token, to tell tokens apart */
                                prefix: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                createdAt: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                expiresAt: string;
                                lastUsedAt: string | null;
                                revokedAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create an API token
         * @description The token acts with your role and organization, narrowed to its scope. The secret is in this response only; it is stored hashed. Tokens cannot create tokens: call this from a signed-in session.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /**
                         * @description `read` tokens may only make GET requests
                         * @enum {string}
                         */
                        scope: "read" | "read_write";
                        /** @default 90 */
                        expiresInDays?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            /** @enum {string} */
                            scope: "read" | "read_write";
                            /** @description The first characters of the token, to tell tokens apart */
                            prefix: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            expiresAt: string;
                            lastUsedAt: string | null;
                            revokedAt: string | null;
                            /** @description The secret: shown this once, never again */
                            token: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API token at once */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List invitations, newest first */
        get: {
            parameters: {
                query?: {
                    organizationId?: string;
                    status?: "pending" | "accepted" | "revoked" | "expired";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                organizationId: string;
                                organizationName: string;
                                email: string;
                                /** @enum {string} */
                                role: "admin" | "channel_manager" | "analyst" | "partner_admin" | "partner_user";
                                /** @enum {string} */
                                status: "pending" | "accepted" | "revoked" | "expired";
                                invitedBy: {
                                    id: string;
                                    name: string;
                                } | null;
                                sendCount: number;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                lastSentAt: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                expiresAt: string;
                                acceptedAt: string | null;
                                version: number;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                createdAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Invite someone by email
         * @description The vendor invites staff and partner users; a partner admin invites teammates of its own organization (403 otherwise). An address that already has an account answers 409. The emailed link is single-use and expires in 7 days.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        /** @enum {string} */
                        role: "admin" | "channel_manager" | "analyst" | "partner_admin" | "partner_user";
                        /** @description Defaults to the inviter's organization; the vendor may invite into any partner */
                        organizationId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            organizationId: string;
                            organizationName: string;
                            email: string;
                            /** @enum {string} */
                            role: "admin" | "channel_manager" | "analyst" | "partner_admin" | "partner_user";
                            /** @enum {string} */
                            status: "pending" | "accepted" | "revoked" | "expired";
                            invitedBy: {
                                id: string;
                                name: string;
                            } | null;
                            sendCount: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            lastSentAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            expiresAt: string;
                            acceptedAt: string | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/{id}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the invitation again with a new link (the old one stops working) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            organizationId: string;
                            organizationName: string;
                            email: string;
                            /** @enum {string} */
                            role: "admin" | "channel_manager" | "analyst" | "partner_admin" | "partner_user";
                            /** @enum {string} */
                            status: "pending" | "accepted" | "revoked" | "expired";
                            invitedBy: {
                                id: string;
                                name: string;
                            } | null;
                            sendCount: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            lastSentAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            expiresAt: string;
                            acceptedAt: string | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a pending invitation */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            organizationId: string;
                            organizationName: string;
                            email: string;
                            /** @enum {string} */
                            role: "admin" | "channel_manager" | "analyst" | "partner_admin" | "partner_user";
                            /** @enum {string} */
                            status: "pending" | "accepted" | "revoked" | "expired";
                            invitedBy: {
                                id: string;
                                name: string;
                            } | null;
                            sendCount: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            lastSentAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            expiresAt: string;
                            acceptedAt: string | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/{token}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What an invitation link is for (no sign-in: the token is the credential) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            email: string;
                            /** @enum {string} */
                            role: "admin" | "channel_manager" | "analyst" | "partner_admin" | "partner_user";
                            organizationName: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            expiresAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Accept an invitation: choose a name and password, and be signed in */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    token: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                organizationId: string;
                                email: string;
                                name: string;
                                /** @enum {string} */
                                role: "admin" | "channel_manager" | "analyst" | "partner_admin" | "partner_user";
                                /** @enum {string} */
                                status: "active" | "deactivated";
                                version: number;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                createdAt: string;
                                /** @description Whether the daily digest of what waits for this user is emailed (on days something waits) */
                                emailDigest: boolean;
                            };
                            organization: {
                                id: string;
                                /** @enum {string} */
                                kind: "vendor" | "partner";
                                name: string;
                            };
                            csrfToken: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/partners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List partner organizations
         * @description Vendor staff see every partner; a partner user sees its own organization.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Matches name or domain */
                    q?: string;
                    status?: "applicant" | "active" | "suspended" | "terminated";
                    /** @description Partner type code, e.g. reseller */
                    type?: string;
                    /** @description ISO 3166-1 alpha-2 country code */
                    country?: string;
                    channelManagerId?: string;
                    sort?: "name" | "-name" | "createdAt" | "-createdAt" | "country" | "-country";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @description Its id in the system it was imported from */
                                externalId: string | null;
                                name: string;
                                /** @enum {string} */
                                status: "applicant" | "active" | "suspended" | "terminated";
                                website: string | null;
                                domain: string | null;
                                country: string | null;
                                description: string;
                                types: {
                                    code: string;
                                    name: string;
                                    primary: boolean;
                                }[];
                                primaryType: string | null;
                                channelManager: {
                                    id: string;
                                    name: string;
                                    email: string;
                                } | null;
                                statusReason: string | null;
                                version: number;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                createdAt: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a partner organization
         * @description Accepts an `Idempotency-Key` header.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** Format: uri */
                        website?: string;
                        /** @description ISO 3166-1 alpha-2 country code */
                        country?: string;
                        description?: string;
                        types: string[];
                        /** @description Defaults to the first of `types` */
                        primaryType?: string;
                        /**
                         * @default active
                         * @enum {string}
                         */
                        status?: "applicant" | "active";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description Its id in the system it was imported from */
                            externalId: string | null;
                            name: string;
                            /** @enum {string} */
                            status: "applicant" | "active" | "suspended" | "terminated";
                            website: string | null;
                            domain: string | null;
                            country: string | null;
                            description: string;
                            types: {
                                code: string;
                                name: string;
                                primary: boolean;
                            }[];
                            primaryType: string | null;
                            channelManager: {
                                id: string;
                                name: string;
                                email: string;
                            } | null;
                            statusReason: string | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/partners/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a partner organization */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description Its id in the system it was imported from */
                            externalId: string | null;
                            name: string;
                            /** @enum {string} */
                            status: "applicant" | "active" | "suspended" | "terminated";
                            website: string | null;
                            domain: string | null;
                            country: string | null;
                            description: string;
                            types: {
                                code: string;
                                name: string;
                                primary: boolean;
                            }[];
                            primaryType: string | null;
                            channelManager: {
                                id: string;
                                name: string;
                                email: string;
                            } | null;
                            statusReason: string | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update a partner organization
         * @description Send the `version` you read; a stale one answers 409. Channel managers may change only partners assigned to them; a partner admin may change its own website, country and description.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The version you last read; a stale one answers 409 */
                        version: number;
                        name?: string;
                        website?: string | null;
                        country?: string | null;
                        description?: string;
                        types?: string[];
                        /** @description Partner type code, e.g. reseller */
                        primaryType?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description Its id in the system it was imported from */
                            externalId: string | null;
                            name: string;
                            /** @enum {string} */
                            status: "applicant" | "active" | "suspended" | "terminated";
                            website: string | null;
                            domain: string | null;
                            country: string | null;
                            description: string;
                            types: {
                                code: string;
                                name: string;
                                primary: boolean;
                            }[];
                            primaryType: string | null;
                            channelManager: {
                                id: string;
                                name: string;
                                email: string;
                            } | null;
                            statusReason: string | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/partners/{id}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Activate an applicant or reinstate a suspended partner */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The version you last read; a stale one answers 409 */
                        version: number;
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description Its id in the system it was imported from */
                            externalId: string | null;
                            name: string;
                            /** @enum {string} */
                            status: "applicant" | "active" | "suspended" | "terminated";
                            website: string | null;
                            domain: string | null;
                            country: string | null;
                            description: string;
                            types: {
                                code: string;
                                name: string;
                                primary: boolean;
                            }[];
                            primaryType: string | null;
                            channelManager: {
                                id: string;
                                name: string;
                                email: string;
                            } | null;
                            statusReason: string | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/partners/{id}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Suspend an active partner (reason required) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The version you last read; a stale one answers 409 */
                        version: number;
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description Its id in the system it was imported from */
                            externalId: string | null;
                            name: string;
                            /** @enum {string} */
                            status: "applicant" | "active" | "suspended" | "terminated";
                            website: string | null;
                            domain: string | null;
                            country: string | null;
                            description: string;
                            types: {
                                code: string;
                                name: string;
                                primary: boolean;
                            }[];
                            primaryType: string | null;
                            channelManager: {
                                id: string;
                                name: string;
                                email: string;
                            } | null;
                            statusReason: string | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/partners/{id}/terminate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Terminate a partner: its users can no longer sign in (reason required) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The version you last read; a stale one answers 409 */
                        version: number;
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description Its id in the system it was imported from */
                            externalId: string | null;
                            name: string;
                            /** @enum {string} */
                            status: "applicant" | "active" | "suspended" | "terminated";
                            website: string | null;
                            domain: string | null;
                            country: string | null;
                            description: string;
                            types: {
                                code: string;
                                name: string;
                                primary: boolean;
                            }[];
                            primaryType: string | null;
                            channelManager: {
                                id: string;
                                name: string;
                                email: string;
                            } | null;
                            statusReason: string | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/partners/{id}/assign-manager": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign (or clear) the channel manager of a partner */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The version you last read; a stale one answers 409 */
                        version: number;
                        channelManagerId: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description Its id in the system it was imported from */
                            externalId: string | null;
                            name: string;
                            /** @enum {string} */
                            status: "applicant" | "active" | "suspended" | "terminated";
                            website: string | null;
                            domain: string | null;
                            country: string | null;
                            description: string;
                            types: {
                                code: string;
                                name: string;
                                primary: boolean;
                            }[];
                            primaryType: string | null;
                            channelManager: {
                                id: string;
                                name: string;
                                email: string;
                            } | null;
                            statusReason: string | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/partners/{id}/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a partner organization's users */
        get: {
            parameters: {
                query?: {
                    role?: "admin" | "channel_manager" | "analyst" | "partner_admin" | "partner_user";
                    status?: "active" | "deactivated";
                    q?: string;
                    sort?: "name" | "-name" | "email" | "-email" | "createdAt" | "-createdAt";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                organizationId: string;
                                email: string;
                                name: string;
                                /** @enum {string} */
                                role: "admin" | "channel_manager" | "analyst" | "partner_admin" | "partner_user";
                                /** @enum {string} */
                                status: "active" | "deactivated";
                                version: number;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                createdAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/partner-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List partner types (no sign-in needed) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                code: string;
                                name: string;
                                description: string;
                                retired: boolean;
                            }[];
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Add a partner type */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Partner type code, e.g. reseller */
                        code: string;
                        name: string;
                        /** @default  */
                        description?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            name: string;
                            description: string;
                            retired: boolean;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/partner-types/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete an unused partner type (one in use answers 409: retire it) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Rename or describe a partner type */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        description?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            name: string;
                            description: string;
                            retired: boolean;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/partner-types/{code}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retire a partner type: no longer offered for new choices; holders keep it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            name: string;
                            description: string;
                            retired: boolean;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/partner-types/{code}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Offer a retired partner type again */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            code: string;
                            name: string;
                            description: string;
                            retired: boolean;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/programs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List programs
         * @description Partners see published programs and those they are enrolled in.
         */
        get: {
            parameters: {
                query?: {
                    status?: "draft" | "published" | "retired";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                description: string;
                                /** @enum {string} */
                                status: "draft" | "published" | "retired";
                                eligibleTypes: string[];
                                tracks: string[];
                                requiredAgreementTypes: ("reseller" | "distribution" | "msp" | "referral" | "technology_partner" | "system_integrator" | "nda" | "custom")[];
                                checklist: {
                                    key: string;
                                    /** @enum {string} */
                                    kind: "accept_agreement" | "complete_profile" | "invite_teammate" | "custom";
                                    title: string;
                                }[];
                                demotionGraceDays: number;
                                agreementDeadlineDays: number;
                                tiersVersion: number;
                                tiers: {
                                    id: string;
                                    programVersion: number;
                                    rank: number;
                                    code: string;
                                    name: string;
                                    requirements: {
                                        /** @enum {string} */
                                        metric: "sourced_revenue" | "won_deals" | "converted_referrals_sent" | "certified_users" | "engagement_score" | "active_connections" | "manual_attestation";
                                        /**
                                         * @default gte
                                         * @enum {string}
                                         */
                                        comparison: "gte" | "gt" | "lte" | "lt" | "eq";
                                        /** @description For a money metric (sourced revenue), integer minor units of the reporting currency */
                                        threshold: number;
                                        /** @default 365 */
                                        windowDays: number;
                                        label?: string;
                                    }[];
                                    benefits: {
                                        /** @enum {string} */
                                        kind: "discount_pct" | "referral_fee_pct" | "mdf_allowance" | "deal_protection_days" | "marketplace_boost" | "badge" | "custom";
                                        value?: number;
                                        /** @description For MDF allowance */
                                        currency?: string;
                                        /**
                                         * @description For MDF allowance
                                         * @enum {string}
                                         */
                                        period?: "month" | "quarter" | "year";
                                        /** @description Badge label or custom benefit text */
                                        text?: string;
                                    }[];
                                }[];
                                /** @description Live enrollments; vendor staff only (null for partners: an ecosystem figure under the 5-organization floor) */
                                enrollmentCount: number | null;
                                version: number;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                createdAt: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a program (draft) with its tiers */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @default  */
                        description?: string;
                        eligibleTypes: string[];
                        /** @default [] */
                        tracks?: string[];
                        /** @default [] */
                        requiredAgreementTypes?: ("reseller" | "distribution" | "msp" | "referral" | "technology_partner" | "system_integrator" | "nda" | "custom")[];
                        /** @default [] */
                        checklist?: {
                            key: string;
                            /** @enum {string} */
                            kind: "accept_agreement" | "complete_profile" | "invite_teammate" | "custom";
                            title: string;
                        }[];
                        /** @default 90 */
                        demotionGraceDays?: number;
                        /** @default 30 */
                        agreementDeadlineDays?: number;
                        tiers: {
                            code: string;
                            name: string;
                            /** @default [] */
                            requirements?: {
                                /** @enum {string} */
                                metric: "sourced_revenue" | "won_deals" | "converted_referrals_sent" | "certified_users" | "engagement_score" | "active_connections" | "manual_attestation";
                                /**
                                 * @default gte
                                 * @enum {string}
                                 */
                                comparison?: "gte" | "gt" | "lte" | "lt" | "eq";
                                /** @description For a money metric (sourced revenue), integer minor units of the reporting currency */
                                threshold: number;
                                /** @default 365 */
                                windowDays?: number;
                                label?: string;
                            }[];
                            /** @default [] */
                            benefits?: {
                                /** @enum {string} */
                                kind: "discount_pct" | "referral_fee_pct" | "mdf_allowance" | "deal_protection_days" | "marketplace_boost" | "badge" | "custom";
                                value?: number;
                                /** @description For MDF allowance */
                                currency?: string;
                                /**
                                 * @description For MDF allowance
                                 * @enum {string}
                                 */
                                period?: "month" | "quarter" | "year";
                                /** @description Badge label or custom benefit text */
                                text?: string;
                            }[];
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            description: string;
                            /** @enum {string} */
                            status: "draft" | "published" | "retired";
                            eligibleTypes: string[];
                            tracks: string[];
                            requiredAgreementTypes: ("reseller" | "distribution" | "msp" | "referral" | "technology_partner" | "system_integrator" | "nda" | "custom")[];
                            checklist: {
                                key: string;
                                /** @enum {string} */
                                kind: "accept_agreement" | "complete_profile" | "invite_teammate" | "custom";
                                title: string;
                            }[];
                            demotionGraceDays: number;
                            agreementDeadlineDays: number;
                            tiersVersion: number;
                            tiers: {
                                id: string;
                                programVersion: number;
                                rank: number;
                                code: string;
                                name: string;
                                requirements: {
                                    /** @enum {string} */
                                    metric: "sourced_revenue" | "won_deals" | "converted_referrals_sent" | "certified_users" | "engagement_score" | "active_connections" | "manual_attestation";
                                    /**
                                     * @default gte
                                     * @enum {string}
                                     */
                                    comparison: "gte" | "gt" | "lte" | "lt" | "eq";
                                    /** @description For a money metric (sourced revenue), integer minor units of the reporting currency */
                                    threshold: number;
                                    /** @default 365 */
                                    windowDays: number;
                                    label?: string;
                                }[];
                                benefits: {
                                    /** @enum {string} */
                                    kind: "discount_pct" | "referral_fee_pct" | "mdf_allowance" | "deal_protection_days" | "marketplace_boost" | "badge" | "custom";
                                    value?: number;
                                    /** @description For MDF allowance */
                                    currency?: string;
                                    /**
                                     * @description For MDF allowance
                                     * @enum {string}
                                     */
                                    period?: "month" | "quarter" | "year";
                                    /** @description Badge label or custom benefit text */
                                    text?: string;
                                }[];
                            }[];
                            /** @description Live enrollments; vendor staff only (null for partners: an ecosystem figure under the 5-organization floor) */
                            enrollmentCount: number | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/programs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a program */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            description: string;
                            /** @enum {string} */
                            status: "draft" | "published" | "retired";
                            eligibleTypes: string[];
                            tracks: string[];
                            requiredAgreementTypes: ("reseller" | "distribution" | "msp" | "referral" | "technology_partner" | "system_integrator" | "nda" | "custom")[];
                            checklist: {
                                key: string;
                                /** @enum {string} */
                                kind: "accept_agreement" | "complete_profile" | "invite_teammate" | "custom";
                                title: string;
                            }[];
                            demotionGraceDays: number;
                            agreementDeadlineDays: number;
                            tiersVersion: number;
                            tiers: {
                                id: string;
                                programVersion: number;
                                rank: number;
                                code: string;
                                name: string;
                                requirements: {
                                    /** @enum {string} */
                                    metric: "sourced_revenue" | "won_deals" | "converted_referrals_sent" | "certified_users" | "engagement_score" | "active_connections" | "manual_attestation";
                                    /**
                                     * @default gte
                                     * @enum {string}
                                     */
                                    comparison: "gte" | "gt" | "lte" | "lt" | "eq";
                                    /** @description For a money metric (sourced revenue), integer minor units of the reporting currency */
                                    threshold: number;
                                    /** @default 365 */
                                    windowDays: number;
                                    label?: string;
                                }[];
                                benefits: {
                                    /** @enum {string} */
                                    kind: "discount_pct" | "referral_fee_pct" | "mdf_allowance" | "deal_protection_days" | "marketplace_boost" | "badge" | "custom";
                                    value?: number;
                                    /** @description For MDF allowance */
                                    currency?: string;
                                    /**
                                     * @description For MDF allowance
                                     * @enum {string}
                                     */
                                    period?: "month" | "quarter" | "year";
                                    /** @description Badge label or custom benefit text */
                                    text?: string;
                                }[];
                            }[];
                            /** @description Live enrollments; vendor staff only (null for partners: an ecosystem figure under the 5-organization floor) */
                            enrollmentCount: number | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a program's settings */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The version you last read; a stale one answers 409 */
                        version: number;
                        name?: string;
                        description?: string;
                        eligibleTypes?: string[];
                        tracks?: string[];
                        requiredAgreementTypes?: ("reseller" | "distribution" | "msp" | "referral" | "technology_partner" | "system_integrator" | "nda" | "custom")[];
                        checklist?: {
                            key: string;
                            /** @enum {string} */
                            kind: "accept_agreement" | "complete_profile" | "invite_teammate" | "custom";
                            title: string;
                        }[];
                        demotionGraceDays?: number;
                        agreementDeadlineDays?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            description: string;
                            /** @enum {string} */
                            status: "draft" | "published" | "retired";
                            eligibleTypes: string[];
                            tracks: string[];
                            requiredAgreementTypes: ("reseller" | "distribution" | "msp" | "referral" | "technology_partner" | "system_integrator" | "nda" | "custom")[];
                            checklist: {
                                key: string;
                                /** @enum {string} */
                                kind: "accept_agreement" | "complete_profile" | "invite_teammate" | "custom";
                                title: string;
                            }[];
                            demotionGraceDays: number;
                            agreementDeadlineDays: number;
                            tiersVersion: number;
                            tiers: {
                                id: string;
                                programVersion: number;
                                rank: number;
                                code: string;
                                name: string;
                                requirements: {
                                    /** @enum {string} */
                                    metric: "sourced_revenue" | "won_deals" | "converted_referrals_sent" | "certified_users" | "engagement_score" | "active_connections" | "manual_attestation";
                                    /**
                                     * @default gte
                                     * @enum {string}
                                     */
                                    comparison: "gte" | "gt" | "lte" | "lt" | "eq";
                                    /** @description For a money metric (sourced revenue), integer minor units of the reporting currency */
                                    threshold: number;
                                    /** @default 365 */
                                    windowDays: number;
                                    label?: string;
                                }[];
                                benefits: {
                                    /** @enum {string} */
                                    kind: "discount_pct" | "referral_fee_pct" | "mdf_allowance" | "deal_protection_days" | "marketplace_boost" | "badge" | "custom";
                                    value?: number;
                                    /** @description For MDF allowance */
                                    currency?: string;
                                    /**
                                     * @description For MDF allowance
                                     * @enum {string}
                                     */
                                    period?: "month" | "quarter" | "year";
                                    /** @description Badge label or custom benefit text */
                                    text?: string;
                                }[];
                            }[];
                            /** @description Live enrollments; vendor staff only (null for partners: an ecosystem figure under the 5-organization floor) */
                            enrollmentCount: number | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/programs/{id}/tiers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The program's current tiers, entry tier first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                programVersion: number;
                                rank: number;
                                code: string;
                                name: string;
                                requirements: {
                                    /** @enum {string} */
                                    metric: "sourced_revenue" | "won_deals" | "converted_referrals_sent" | "certified_users" | "engagement_score" | "active_connections" | "manual_attestation";
                                    /**
                                     * @default gte
                                     * @enum {string}
                                     */
                                    comparison: "gte" | "gt" | "lte" | "lt" | "eq";
                                    /** @description For a money metric (sourced revenue), integer minor units of the reporting currency */
                                    threshold: number;
                                    /** @default 365 */
                                    windowDays: number;
                                    label?: string;
                                }[];
                                benefits: {
                                    /** @enum {string} */
                                    kind: "discount_pct" | "referral_fee_pct" | "mdf_allowance" | "deal_protection_days" | "marketplace_boost" | "badge" | "custom";
                                    value?: number;
                                    /** @description For MDF allowance */
                                    currency?: string;
                                    /**
                                     * @description For MDF allowance
                                     * @enum {string}
                                     */
                                    period?: "month" | "quarter" | "year";
                                    /** @description Badge label or custom benefit text */
                                    text?: string;
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /**
         * Replace the program's tiers
         * @description A draft's tiers change in place; a published program gets a new tiers version, and existing enrollments stay valid until re-evaluated.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The version you last read; a stale one answers 409 */
                        version: number;
                        tiers: {
                            code: string;
                            name: string;
                            /** @default [] */
                            requirements?: {
                                /** @enum {string} */
                                metric: "sourced_revenue" | "won_deals" | "converted_referrals_sent" | "certified_users" | "engagement_score" | "active_connections" | "manual_attestation";
                                /**
                                 * @default gte
                                 * @enum {string}
                                 */
                                comparison?: "gte" | "gt" | "lte" | "lt" | "eq";
                                /** @description For a money metric (sourced revenue), integer minor units of the reporting currency */
                                threshold: number;
                                /** @default 365 */
                                windowDays?: number;
                                label?: string;
                            }[];
                            /** @default [] */
                            benefits?: {
                                /** @enum {string} */
                                kind: "discount_pct" | "referral_fee_pct" | "mdf_allowance" | "deal_protection_days" | "marketplace_boost" | "badge" | "custom";
                                value?: number;
                                /** @description For MDF allowance */
                                currency?: string;
                                /**
                                 * @description For MDF allowance
                                 * @enum {string}
                                 */
                                period?: "month" | "quarter" | "year";
                                /** @description Badge label or custom benefit text */
                                text?: string;
                            }[];
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            description: string;
                            /** @enum {string} */
                            status: "draft" | "published" | "retired";
                            eligibleTypes: string[];
                            tracks: string[];
                            requiredAgreementTypes: ("reseller" | "distribution" | "msp" | "referral" | "technology_partner" | "system_integrator" | "nda" | "custom")[];
                            checklist: {
                                key: string;
                                /** @enum {string} */
                                kind: "accept_agreement" | "complete_profile" | "invite_teammate" | "custom";
                                title: string;
                            }[];
                            demotionGraceDays: number;
                            agreementDeadlineDays: number;
                            tiersVersion: number;
                            tiers: {
                                id: string;
                                programVersion: number;
                                rank: number;
                                code: string;
                                name: string;
                                requirements: {
                                    /** @enum {string} */
                                    metric: "sourced_revenue" | "won_deals" | "converted_referrals_sent" | "certified_users" | "engagement_score" | "active_connections" | "manual_attestation";
                                    /**
                                     * @default gte
                                     * @enum {string}
                                     */
                                    comparison: "gte" | "gt" | "lte" | "lt" | "eq";
                                    /** @description For a money metric (sourced revenue), integer minor units of the reporting currency */
                                    threshold: number;
                                    /** @default 365 */
                                    windowDays: number;
                                    label?: string;
                                }[];
                                benefits: {
                                    /** @enum {string} */
                                    kind: "discount_pct" | "referral_fee_pct" | "mdf_allowance" | "deal_protection_days" | "marketplace_boost" | "badge" | "custom";
                                    value?: number;
                                    /** @description For MDF allowance */
                                    currency?: string;
                                    /**
                                     * @description For MDF allowance
                                     * @enum {string}
                                     */
                                    period?: "month" | "quarter" | "year";
                                    /** @description Badge label or custom benefit text */
                                    text?: string;
                                }[];
                            }[];
                            /** @description Live enrollments; vendor staff only (null for partners: an ecosystem figure under the 5-organization floor) */
                            enrollmentCount: number | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/programs/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish a draft program */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            description: string;
                            /** @enum {string} */
                            status: "draft" | "published" | "retired";
                            eligibleTypes: string[];
                            tracks: string[];
                            requiredAgreementTypes: ("reseller" | "distribution" | "msp" | "referral" | "technology_partner" | "system_integrator" | "nda" | "custom")[];
                            checklist: {
                                key: string;
                                /** @enum {string} */
                                kind: "accept_agreement" | "complete_profile" | "invite_teammate" | "custom";
                                title: string;
                            }[];
                            demotionGraceDays: number;
                            agreementDeadlineDays: number;
                            tiersVersion: number;
                            tiers: {
                                id: string;
                                programVersion: number;
                                rank: number;
                                code: string;
                                name: string;
                                requirements: {
                                    /** @enum {string} */
                                    metric: "sourced_revenue" | "won_deals" | "converted_referrals_sent" | "certified_users" | "engagement_score" | "active_connections" | "manual_attestation";
                                    /**
                                     * @default gte
                                     * @enum {string}
                                     */
                                    comparison: "gte" | "gt" | "lte" | "lt" | "eq";
                                    /** @description For a money metric (sourced revenue), integer minor units of the reporting currency */
                                    threshold: number;
                                    /** @default 365 */
                                    windowDays: number;
                                    label?: string;
                                }[];
                                benefits: {
                                    /** @enum {string} */
                                    kind: "discount_pct" | "referral_fee_pct" | "mdf_allowance" | "deal_protection_days" | "marketplace_boost" | "badge" | "custom";
                                    value?: number;
                                    /** @description For MDF allowance */
                                    currency?: string;
                                    /**
                                     * @description For MDF allowance
                                     * @enum {string}
                                     */
                                    period?: "month" | "quarter" | "year";
                                    /** @description Badge label or custom benefit text */
                                    text?: string;
                                }[];
                            }[];
                            /** @description Live enrollments; vendor staff only (null for partners: an ecosystem figure under the 5-organization floor) */
                            enrollmentCount: number | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/programs/{id}/retire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retire a program (enrollments stay) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            description: string;
                            /** @enum {string} */
                            status: "draft" | "published" | "retired";
                            eligibleTypes: string[];
                            tracks: string[];
                            requiredAgreementTypes: ("reseller" | "distribution" | "msp" | "referral" | "technology_partner" | "system_integrator" | "nda" | "custom")[];
                            checklist: {
                                key: string;
                                /** @enum {string} */
                                kind: "accept_agreement" | "complete_profile" | "invite_teammate" | "custom";
                                title: string;
                            }[];
                            demotionGraceDays: number;
                            agreementDeadlineDays: number;
                            tiersVersion: number;
                            tiers: {
                                id: string;
                                programVersion: number;
                                rank: number;
                                code: string;
                                name: string;
                                requirements: {
                                    /** @enum {string} */
                                    metric: "sourced_revenue" | "won_deals" | "converted_referrals_sent" | "certified_users" | "engagement_score" | "active_connections" | "manual_attestation";
                                    /**
                                     * @default gte
                                     * @enum {string}
                                     */
                                    comparison: "gte" | "gt" | "lte" | "lt" | "eq";
                                    /** @description For a money metric (sourced revenue), integer minor units of the reporting currency */
                                    threshold: number;
                                    /** @default 365 */
                                    windowDays: number;
                                    label?: string;
                                }[];
                                benefits: {
                                    /** @enum {string} */
                                    kind: "discount_pct" | "referral_fee_pct" | "mdf_allowance" | "deal_protection_days" | "marketplace_boost" | "badge" | "custom";
                                    value?: number;
                                    /** @description For MDF allowance */
                                    currency?: string;
                                    /**
                                     * @description For MDF allowance
                                     * @enum {string}
                                     */
                                    period?: "month" | "quarter" | "year";
                                    /** @description Badge label or custom benefit text */
                                    text?: string;
                                }[];
                            }[];
                            /** @description Live enrollments; vendor staff only (null for partners: an ecosystem figure under the 5-organization floor) */
                            enrollmentCount: number | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/programs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Programs open for applications (no sign-in) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                description: string;
                                eligibleTypes: string[];
                            }[];
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enrollments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List enrollments */
        get: {
            parameters: {
                query?: {
                    organizationId?: string;
                    programId?: string;
                    status?: "pending_agreement" | "active" | "suspended" | "terminated";
                    actionRequired?: "true" | "false";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                organization: {
                                    id: string;
                                    name: string;
                                };
                                program: {
                                    id: string;
                                    name: string;
                                };
                                track: string | null;
                                /** @enum {string} */
                                status: "pending_agreement" | "active" | "suspended" | "terminated";
                                statusReason: string | null;
                                tier: {
                                    id: string;
                                    programVersion: number;
                                    rank: number;
                                    code: string;
                                    name: string;
                                    requirements: {
                                        /** @enum {string} */
                                        metric: "sourced_revenue" | "won_deals" | "converted_referrals_sent" | "certified_users" | "engagement_score" | "active_connections" | "manual_attestation";
                                        /**
                                         * @default gte
                                         * @enum {string}
                                         */
                                        comparison: "gte" | "gt" | "lte" | "lt" | "eq";
                                        /** @description For a money metric (sourced revenue), integer minor units of the reporting currency */
                                        threshold: number;
                                        /** @default 365 */
                                        windowDays: number;
                                        label?: string;
                                    }[];
                                    benefits: {
                                        /** @enum {string} */
                                        kind: "discount_pct" | "referral_fee_pct" | "mdf_allowance" | "deal_protection_days" | "marketplace_boost" | "badge" | "custom";
                                        value?: number;
                                        /** @description For MDF allowance */
                                        currency?: string;
                                        /**
                                         * @description For MDF allowance
                                         * @enum {string}
                                         */
                                        period?: "month" | "quarter" | "year";
                                        /** @description Badge label or custom benefit text */
                                        text?: string;
                                    }[];
                                } | null;
                                actionRequired: boolean;
                                actionRequiredReason: string | null;
                                actionDeadline: string | null;
                                pendingAgreements: {
                                    agreementId: string;
                                    name: string;
                                    /** @enum {string} */
                                    type: "reseller" | "distribution" | "msp" | "referral" | "technology_partner" | "system_integrator" | "nda" | "custom";
                                    versionId: string;
                                    versionNumber: number;
                                }[];
                                checklist: {
                                    key: string;
                                    /** @enum {string} */
                                    kind: "accept_agreement" | "complete_profile" | "invite_teammate" | "custom";
                                    title: string;
                                    done: boolean;
                                    completedAt: string | null;
                                }[];
                                lastEvaluation: {
                                    enrollmentId: string;
                                    /**
                                     * Format: date-time
                                     * @description ISO-8601 UTC timestamp
                                     */
                                    evaluatedAt: string;
                                    currentTier: {
                                        id: string;
                                        name: string;
                                        rank: number;
                                    } | null;
                                    qualifiedTier: {
                                        id: string;
                                        name: string;
                                        rank: number;
                                    } | null;
                                    tiers: {
                                        id: string;
                                        code: string;
                                        name: string;
                                        rank: number;
                                        qualified: boolean;
                                        rules: {
                                            /** @enum {string} */
                                            metric: "sourced_revenue" | "won_deals" | "converted_referrals_sent" | "certified_users" | "engagement_score" | "active_connections" | "manual_attestation";
                                            /** @enum {string} */
                                            comparison: "gte" | "gt" | "lte" | "lt" | "eq";
                                            threshold: number;
                                            windowDays: number;
                                            label: string | null;
                                            value: number | null;
                                            /** @description For a money metric: the currency of value and threshold, both in integer minor units */
                                            currency?: string;
                                            met: boolean;
                                            /** @description Why the rule is met or not, in words */
                                            reason: string;
                                        }[];
                                    }[];
                                    change: {
                                        /** @enum {string} */
                                        kind: "promotion" | "demotion";
                                        fromTier: string | null;
                                        toTier: string;
                                        reason: string;
                                    } | null;
                                    demotionPendingSince: string | null;
                                    demotionEffectiveAt: string | null;
                                } | null;
                                version: number;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                createdAt: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Enroll a partner in a program at its entry tier */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        organizationId: string;
                        programId: string;
                        track?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            organization: {
                                id: string;
                                name: string;
                            };
                            program: {
                                id: string;
                                name: string;
                            };
                            track: string | null;
                            /** @enum {string} */
                            status: "pending_agreement" | "active" | "suspended" | "terminated";
                            statusReason: string | null;
                            tier: {
                                id: string;
                                programVersion: number;
                                rank: number;
                                code: string;
                                name: string;
                                requirements: {
                                    /** @enum {string} */
                                    metric: "sourced_revenue" | "won_deals" | "converted_referrals_sent" | "certified_users" | "engagement_score" | "active_connections" | "manual_attestation";
                                    /**
                                     * @default gte
                                     * @enum {string}
                                     */
                                    comparison: "gte" | "gt" | "lte" | "lt" | "eq";
                                    /** @description For a money metric (sourced revenue), integer minor units of the reporting currency */
                                    threshold: number;
                                    /** @default 365 */
                                    windowDays: number;
                                    label?: string;
                                }[];
                                benefits: {
                                    /** @enum {string} */
                                    kind: "discount_pct" | "referral_fee_pct" | "mdf_allowance" | "deal_protection_days" | "marketplace_boost" | "badge" | "custom";
                                    value?: number;
                                    /** @description For MDF allowance */
                                    currency?: string;
                                    /**
                                     * @description For MDF allowance
                                     * @enum {string}
                                     */
                                    period?: "month" | "quarter" | "year";
                                    /** @description Badge label or custom benefit text */
                                    text?: string;
                                }[];
                            } | null;
                            actionRequired: boolean;
                            actionRequiredReason: string | null;
                            actionDeadline: string | null;
                            pendingAgreements: {
                                agreementId: string;
                                name: string;
                                /** @enum {string} */
                                type: "reseller" | "distribution" | "msp" | "referral" | "technology_partner" | "system_integrator" | "nda" | "custom";
                                versionId: string;
                                versionNumber: number;
                            }[];
                            checklist: {
                                key: string;
                                /** @enum {string} */
                                kind: "accept_agreement" | "complete_profile" | "invite_teammate" | "custom";
                                title: string;
                                done: boolean;
                                completedAt: string | null;
                            }[];
                            lastEvaluation: {
                                enrollmentId: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                evaluatedAt: string;
                                currentTier: {
                                    id: string;
                                    name: string;
                                    rank: number;
                                } | null;
                                qualifiedTier: {
                                    id: string;
                                    name: string;
                                    rank: number;
                                } | null;
                                tiers: {
                                    id: string;
                                    code: string;
                                    name: string;
                                    rank: number;
                                    qualified: boolean;
                                    rules: {
                                        /** @enum {string} */
                                        metric: "sourced_revenue" | "won_deals" | "converted_referrals_sent" | "certified_users" | "engagement_score" | "active_connections" | "manual_attestation";
                                        /** @enum {string} */
                                        comparison: "gte" | "gt" | "lte" | "lt" | "eq";
                                        threshold: number;
                                        windowDays: number;
                                        label: string | null;
                                        value: number | null;
                                        /** @description For a money metric: the currency of value and threshold, both in integer minor units */
                                        currency?: string;
                                        met: boolean;
                                        /** @description Why the rule is met or not, in words */
                                        reason: string;
                                    }[];
                                }[];
                                change: {
                                    /** @enum {string} */
                                    kind: "promotion" | "demotion";
                                    fromTier: string | null;
                                    toTier: string;
                                    reason: string;
                                } | null;
                                demotionPendingSince: string | null;
                                demotionEffectiveAt: string | null;
                            } | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enrollments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an enrollment with its tier, pending agreements and checklist */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            organization: {
                                id: string;
                                name: string;
                            };
                            program: {
                                id: string;
                                name: string;
                            };
                            track: string | null;
                            /** @enum {string} */
                            status: "pending_agreement" | "active" | "suspended" | "terminated";
                            statusReason: string | null;
                            tier: {
                                id: string;
                                programVersion: number;
                                rank: number;
                                code: string;
                                name: string;
                                requirements: {
                                    /** @enum {string} */
                                    metric: "sourced_revenue" | "won_deals" | "converted_referrals_sent" | "certified_users" | "engagement_score" | "active_connections" | "manual_attestation";
                                    /**
                                     * @default gte
                                     * @enum {string}
                                     */
                                    comparison: "gte" | "gt" | "lte" | "lt" | "eq";
                                    /** @description For a money metric (sourced revenue), integer minor units of the reporting currency */
                                    threshold: number;
                                    /** @default 365 */
                                    windowDays: number;
                                    label?: string;
                                }[];
                                benefits: {
                                    /** @enum {string} */
                                    kind: "discount_pct" | "referral_fee_pct" | "mdf_allowance" | "deal_protection_days" | "marketplace_boost" | "badge" | "custom";
                                    value?: number;
                                    /** @description For MDF allowance */
                                    currency?: string;
                                    /**
                                     * @description For MDF allowance
                                     * @enum {string}
                                     */
                                    period?: "month" | "quarter" | "year";
                                    /** @description Badge label or custom benefit text */
                                    text?: string;
                                }[];
                            } | null;
                            actionRequired: boolean;
                            actionRequiredReason: string | null;
                            actionDeadline: string | null;
                            pendingAgreements: {
                                agreementId: string;
                                name: string;
                                /** @enum {string} */
                                type: "reseller" | "distribution" | "msp" | "referral" | "technology_partner" | "system_integrator" | "nda" | "custom";
                                versionId: string;
                                versionNumber: number;
                            }[];
                            checklist: {
                                key: string;
                                /** @enum {string} */
                                kind: "accept_agreement" | "complete_profile" | "invite_teammate" | "custom";
                                title: string;
                                done: boolean;
                                completedAt: string | null;
                            }[];
                            lastEvaluation: {
                                enrollmentId: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                evaluatedAt: string;
                                currentTier: {
                                    id: string;
                                    name: string;
                                    rank: number;
                                } | null;
                                qualifiedTier: {
                                    id: string;
                                    name: string;
                                    rank: number;
                                } | null;
                                tiers: {
                                    id: string;
                                    code: string;
                                    name: string;
                                    rank: number;
                                    qualified: boolean;
                                    rules: {
                                        /** @enum {string} */
                                        metric: "sourced_revenue" | "won_deals" | "converted_referrals_sent" | "certified_users" | "engagement_score" | "active_connections" | "manual_attestation";
                                        /** @enum {string} */
                                        comparison: "gte" | "gt" | "lte" | "lt" | "eq";
                                        threshold: number;
                                        windowDays: number;
                                        label: string | null;
                                        value: number | null;
                                        /** @description For a money metric: the currency of value and threshold, both in integer minor units */
                                        currency?: string;
                                        met: boolean;
                                        /** @description Why the rule is met or not, in words */
                                        reason: string;
                                    }[];
                                }[];
                                change: {
                                    /** @enum {string} */
                                    kind: "promotion" | "demotion";
                                    fromTier: string | null;
                                    toTier: string;
                                    reason: string;
                                } | null;
                                demotionPendingSince: string | null;
                                demotionEffectiveAt: string | null;
                            } | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enrollments/{id}/evaluate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run the tier engine now
         * @description Explains every requirement (value, threshold, met) and the tier qualified for; promotions apply at once, demotions after the grace period.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            enrollmentId: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            evaluatedAt: string;
                            currentTier: {
                                id: string;
                                name: string;
                                rank: number;
                            } | null;
                            qualifiedTier: {
                                id: string;
                                name: string;
                                rank: number;
                            } | null;
                            tiers: {
                                id: string;
                                code: string;
                                name: string;
                                rank: number;
                                qualified: boolean;
                                rules: {
                                    /** @enum {string} */
                                    metric: "sourced_revenue" | "won_deals" | "converted_referrals_sent" | "certified_users" | "engagement_score" | "active_connections" | "manual_attestation";
                                    /** @enum {string} */
                                    comparison: "gte" | "gt" | "lte" | "lt" | "eq";
                                    threshold: number;
                                    windowDays: number;
                                    label: string | null;
                                    value: number | null;
                                    /** @description For a money metric: the currency of value and threshold, both in integer minor units */
                                    currency?: string;
                                    met: boolean;
                                    /** @description Why the rule is met or not, in words */
                                    reason: string;
                                }[];
                            }[];
                            change: {
                                /** @enum {string} */
                                kind: "promotion" | "demotion";
                                fromTier: string | null;
                                toTier: string;
                                reason: string;
                            } | null;
                            demotionPendingSince: string | null;
                            demotionEffectiveAt: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enrollments/{id}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Suspend an enrollment */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The version you last read; a stale one answers 409 */
                        version: number;
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            organization: {
                                id: string;
                                name: string;
                            };
                            program: {
                                id: string;
                                name: string;
                            };
                            track: string | null;
                            /** @enum {string} */
                            status: "pending_agreement" | "active" | "suspended" | "terminated";
                            statusReason: string | null;
                            tier: {
                                id: string;
                                programVersion: number;
                                rank: number;
                                code: string;
                                name: string;
                                requirements: {
                                    /** @enum {string} */
                                    metric: "sourced_revenue" | "won_deals" | "converted_referrals_sent" | "certified_users" | "engagement_score" | "active_connections" | "manual_attestation";
                                    /**
                                     * @default gte
                                     * @enum {string}
                                     */
                                    comparison: "gte" | "gt" | "lte" | "lt" | "eq";
                                    /** @description For a money metric (sourced revenue), integer minor units of the reporting currency */
                                    threshold: number;
                                    /** @default 365 */
                                    windowDays: number;
                                    label?: string;
                                }[];
                                benefits: {
                                    /** @enum {string} */
                                    kind: "discount_pct" | "referral_fee_pct" | "mdf_allowance" | "deal_protection_days" | "marketplace_boost" | "badge" | "custom";
                                    value?: number;
                                    /** @description For MDF allowance */
                                    currency?: string;
                                    /**
                                     * @description For MDF allowance
                                     * @enum {string}
                                     */
                                    period?: "month" | "quarter" | "year";
                                    /** @description Badge label or custom benefit text */
                                    text?: string;
                                }[];
                            } | null;
                            actionRequired: boolean;
                            actionRequiredReason: string | null;
                            actionDeadline: string | null;
                            pendingAgreements: {
                                agreementId: string;
                                name: string;
                                /** @enum {string} */
                                type: "reseller" | "distribution" | "msp" | "referral" | "technology_partner" | "system_integrator" | "nda" | "custom";
                                versionId: string;
                                versionNumber: number;
                            }[];
                            checklist: {
                                key: string;
                                /** @enum {string} */
                                kind: "accept_agreement" | "complete_profile" | "invite_teammate" | "custom";
                                title: string;
                                done: boolean;
                                completedAt: string | null;
                            }[];
                            lastEvaluation: {
                                enrollmentId: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                evaluatedAt: string;
                                currentTier: {
                                    id: string;
                                    name: string;
                                    rank: number;
                                } | null;
                                qualifiedTier: {
                                    id: string;
                                    name: string;
                                    rank: number;
                                } | null;
                                tiers: {
                                    id: string;
                                    code: string;
                                    name: string;
                                    rank: number;
                                    qualified: boolean;
                                    rules: {
                                        /** @enum {string} */
                                        metric: "sourced_revenue" | "won_deals" | "converted_referrals_sent" | "certified_users" | "engagement_score" | "active_connections" | "manual_attestation";
                                        /** @enum {string} */
                                        comparison: "gte" | "gt" | "lte" | "lt" | "eq";
                                        threshold: number;
                                        windowDays: number;
                                        label: string | null;
                                        value: number | null;
                                        /** @description For a money metric: the currency of value and threshold, both in integer minor units */
                                        currency?: string;
                                        met: boolean;
                                        /** @description Why the rule is met or not, in words */
                                        reason: string;
                                    }[];
                                }[];
                                change: {
                                    /** @enum {string} */
                                    kind: "promotion" | "demotion";
                                    fromTier: string | null;
                                    toTier: string;
                                    reason: string;
                                } | null;
                                demotionPendingSince: string | null;
                                demotionEffectiveAt: string | null;
                            } | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enrollments/{id}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reactivate an enrollment */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The version you last read; a stale one answers 409 */
                        version: number;
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            organization: {
                                id: string;
                                name: string;
                            };
                            program: {
                                id: string;
                                name: string;
                            };
                            track: string | null;
                            /** @enum {string} */
                            status: "pending_agreement" | "active" | "suspended" | "terminated";
                            statusReason: string | null;
                            tier: {
                                id: string;
                                programVersion: number;
                                rank: number;
                                code: string;
                                name: string;
                                requirements: {
                                    /** @enum {string} */
                                    metric: "sourced_revenue" | "won_deals" | "converted_referrals_sent" | "certified_users" | "engagement_score" | "active_connections" | "manual_attestation";
                                    /**
                                     * @default gte
                                     * @enum {string}
                                     */
                                    comparison: "gte" | "gt" | "lte" | "lt" | "eq";
                                    /** @description For a money metric (sourced revenue), integer minor units of the reporting currency */
                                    threshold: number;
                                    /** @default 365 */
                                    windowDays: number;
                                    label?: string;
                                }[];
                                benefits: {
                                    /** @enum {string} */
                                    kind: "discount_pct" | "referral_fee_pct" | "mdf_allowance" | "deal_protection_days" | "marketplace_boost" | "badge" | "custom";
                                    value?: number;
                                    /** @description For MDF allowance */
                                    currency?: string;
                                    /**
                                     * @description For MDF allowance
                                     * @enum {string}
                                     */
                                    period?: "month" | "quarter" | "year";
                                    /** @description Badge label or custom benefit text */
                                    text?: string;
                                }[];
                            } | null;
                            actionRequired: boolean;
                            actionRequiredReason: string | null;
                            actionDeadline: string | null;
                            pendingAgreements: {
                                agreementId: string;
                                name: string;
                                /** @enum {string} */
                                type: "reseller" | "distribution" | "msp" | "referral" | "technology_partner" | "system_integrator" | "nda" | "custom";
                                versionId: string;
                                versionNumber: number;
                            }[];
                            checklist: {
                                key: string;
                                /** @enum {string} */
                                kind: "accept_agreement" | "complete_profile" | "invite_teammate" | "custom";
                                title: string;
                                done: boolean;
                                completedAt: string | null;
                            }[];
                            lastEvaluation: {
                                enrollmentId: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                evaluatedAt: string;
                                currentTier: {
                                    id: string;
                                    name: string;
                                    rank: number;
                                } | null;
                                qualifiedTier: {
                                    id: string;
                                    name: string;
                                    rank: number;
                                } | null;
                                tiers: {
                                    id: string;
                                    code: string;
                                    name: string;
                                    rank: number;
                                    qualified: boolean;
                                    rules: {
                                        /** @enum {string} */
                                        metric: "sourced_revenue" | "won_deals" | "converted_referrals_sent" | "certified_users" | "engagement_score" | "active_connections" | "manual_attestation";
                                        /** @enum {string} */
                                        comparison: "gte" | "gt" | "lte" | "lt" | "eq";
                                        threshold: number;
                                        windowDays: number;
                                        label: string | null;
                                        value: number | null;
                                        /** @description For a money metric: the currency of value and threshold, both in integer minor units */
                                        currency?: string;
                                        met: boolean;
                                        /** @description Why the rule is met or not, in words */
                                        reason: string;
                                    }[];
                                }[];
                                change: {
                                    /** @enum {string} */
                                    kind: "promotion" | "demotion";
                                    fromTier: string | null;
                                    toTier: string;
                                    reason: string;
                                } | null;
                                demotionPendingSince: string | null;
                                demotionEffectiveAt: string | null;
                            } | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enrollments/{id}/terminate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Terminate an enrollment */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The version you last read; a stale one answers 409 */
                        version: number;
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            organization: {
                                id: string;
                                name: string;
                            };
                            program: {
                                id: string;
                                name: string;
                            };
                            track: string | null;
                            /** @enum {string} */
                            status: "pending_agreement" | "active" | "suspended" | "terminated";
                            statusReason: string | null;
                            tier: {
                                id: string;
                                programVersion: number;
                                rank: number;
                                code: string;
                                name: string;
                                requirements: {
                                    /** @enum {string} */
                                    metric: "sourced_revenue" | "won_deals" | "converted_referrals_sent" | "certified_users" | "engagement_score" | "active_connections" | "manual_attestation";
                                    /**
                                     * @default gte
                                     * @enum {string}
                                     */
                                    comparison: "gte" | "gt" | "lte" | "lt" | "eq";
                                    /** @description For a money metric (sourced revenue), integer minor units of the reporting currency */
                                    threshold: number;
                                    /** @default 365 */
                                    windowDays: number;
                                    label?: string;
                                }[];
                                benefits: {
                                    /** @enum {string} */
                                    kind: "discount_pct" | "referral_fee_pct" | "mdf_allowance" | "deal_protection_days" | "marketplace_boost" | "badge" | "custom";
                                    value?: number;
                                    /** @description For MDF allowance */
                                    currency?: string;
                                    /**
                                     * @description For MDF allowance
                                     * @enum {string}
                                     */
                                    period?: "month" | "quarter" | "year";
                                    /** @description Badge label or custom benefit text */
                                    text?: string;
                                }[];
                            } | null;
                            actionRequired: boolean;
                            actionRequiredReason: string | null;
                            actionDeadline: string | null;
                            pendingAgreements: {
                                agreementId: string;
                                name: string;
                                /** @enum {string} */
                                type: "reseller" | "distribution" | "msp" | "referral" | "technology_partner" | "system_integrator" | "nda" | "custom";
                                versionId: string;
                                versionNumber: number;
                            }[];
                            checklist: {
                                key: string;
                                /** @enum {string} */
                                kind: "accept_agreement" | "complete_profile" | "invite_teammate" | "custom";
                                title: string;
                                done: boolean;
                                completedAt: string | null;
                            }[];
                            lastEvaluation: {
                                enrollmentId: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                evaluatedAt: string;
                                currentTier: {
                                    id: string;
                                    name: string;
                                    rank: number;
                                } | null;
                                qualifiedTier: {
                                    id: string;
                                    name: string;
                                    rank: number;
                                } | null;
                                tiers: {
                                    id: string;
                                    code: string;
                                    name: string;
                                    rank: number;
                                    qualified: boolean;
                                    rules: {
                                        /** @enum {string} */
                                        metric: "sourced_revenue" | "won_deals" | "converted_referrals_sent" | "certified_users" | "engagement_score" | "active_connections" | "manual_attestation";
                                        /** @enum {string} */
                                        comparison: "gte" | "gt" | "lte" | "lt" | "eq";
                                        threshold: number;
                                        windowDays: number;
                                        label: string | null;
                                        value: number | null;
                                        /** @description For a money metric: the currency of value and threshold, both in integer minor units */
                                        currency?: string;
                                        met: boolean;
                                        /** @description Why the rule is met or not, in words */
                                        reason: string;
                                    }[];
                                }[];
                                change: {
                                    /** @enum {string} */
                                    kind: "promotion" | "demotion";
                                    fromTier: string | null;
                                    toTier: string;
                                    reason: string;
                                } | null;
                                demotionPendingSince: string | null;
                                demotionEffectiveAt: string | null;
                            } | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enrollments/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tier history, newest first, with reasons */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                at: string;
                                /** @enum {string} */
                                kind: "initial" | "promotion" | "demotion" | "manual";
                                fromTier: string | null;
                                toTier: string;
                                reason: string;
                            }[];
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enrollments/{id}/checklist/{key}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Tick a custom onboarding task */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    key: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            organization: {
                                id: string;
                                name: string;
                            };
                            program: {
                                id: string;
                                name: string;
                            };
                            track: string | null;
                            /** @enum {string} */
                            status: "pending_agreement" | "active" | "suspended" | "terminated";
                            statusReason: string | null;
                            tier: {
                                id: string;
                                programVersion: number;
                                rank: number;
                                code: string;
                                name: string;
                                requirements: {
                                    /** @enum {string} */
                                    metric: "sourced_revenue" | "won_deals" | "converted_referrals_sent" | "certified_users" | "engagement_score" | "active_connections" | "manual_attestation";
                                    /**
                                     * @default gte
                                     * @enum {string}
                                     */
                                    comparison: "gte" | "gt" | "lte" | "lt" | "eq";
                                    /** @description For a money metric (sourced revenue), integer minor units of the reporting currency */
                                    threshold: number;
                                    /** @default 365 */
                                    windowDays: number;
                                    label?: string;
                                }[];
                                benefits: {
                                    /** @enum {string} */
                                    kind: "discount_pct" | "referral_fee_pct" | "mdf_allowance" | "deal_protection_days" | "marketplace_boost" | "badge" | "custom";
                                    value?: number;
                                    /** @description For MDF allowance */
                                    currency?: string;
                                    /**
                                     * @description For MDF allowance
                                     * @enum {string}
                                     */
                                    period?: "month" | "quarter" | "year";
                                    /** @description Badge label or custom benefit text */
                                    text?: string;
                                }[];
                            } | null;
                            actionRequired: boolean;
                            actionRequiredReason: string | null;
                            actionDeadline: string | null;
                            pendingAgreements: {
                                agreementId: string;
                                name: string;
                                /** @enum {string} */
                                type: "reseller" | "distribution" | "msp" | "referral" | "technology_partner" | "system_integrator" | "nda" | "custom";
                                versionId: string;
                                versionNumber: number;
                            }[];
                            checklist: {
                                key: string;
                                /** @enum {string} */
                                kind: "accept_agreement" | "complete_profile" | "invite_teammate" | "custom";
                                title: string;
                                done: boolean;
                                completedAt: string | null;
                            }[];
                            lastEvaluation: {
                                enrollmentId: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                evaluatedAt: string;
                                currentTier: {
                                    id: string;
                                    name: string;
                                    rank: number;
                                } | null;
                                qualifiedTier: {
                                    id: string;
                                    name: string;
                                    rank: number;
                                } | null;
                                tiers: {
                                    id: string;
                                    code: string;
                                    name: string;
                                    rank: number;
                                    qualified: boolean;
                                    rules: {
                                        /** @enum {string} */
                                        metric: "sourced_revenue" | "won_deals" | "converted_referrals_sent" | "certified_users" | "engagement_score" | "active_connections" | "manual_attestation";
                                        /** @enum {string} */
                                        comparison: "gte" | "gt" | "lte" | "lt" | "eq";
                                        threshold: number;
                                        windowDays: number;
                                        label: string | null;
                                        value: number | null;
                                        /** @description For a money metric: the currency of value and threshold, both in integer minor units */
                                        currency?: string;
                                        met: boolean;
                                        /** @description Why the rule is met or not, in words */
                                        reason: string;
                                    }[];
                                }[];
                                change: {
                                    /** @enum {string} */
                                    kind: "promotion" | "demotion";
                                    fromTier: string | null;
                                    toTier: string;
                                    reason: string;
                                } | null;
                                demotionPendingSince: string | null;
                                demotionEffectiveAt: string | null;
                            } | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enrollments/{id}/attestations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record or withdraw a vendor attestation read by manual-attestation rules */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        label: string;
                        /** @default true */
                        attested?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            organization: {
                                id: string;
                                name: string;
                            };
                            program: {
                                id: string;
                                name: string;
                            };
                            track: string | null;
                            /** @enum {string} */
                            status: "pending_agreement" | "active" | "suspended" | "terminated";
                            statusReason: string | null;
                            tier: {
                                id: string;
                                programVersion: number;
                                rank: number;
                                code: string;
                                name: string;
                                requirements: {
                                    /** @enum {string} */
                                    metric: "sourced_revenue" | "won_deals" | "converted_referrals_sent" | "certified_users" | "engagement_score" | "active_connections" | "manual_attestation";
                                    /**
                                     * @default gte
                                     * @enum {string}
                                     */
                                    comparison: "gte" | "gt" | "lte" | "lt" | "eq";
                                    /** @description For a money metric (sourced revenue), integer minor units of the reporting currency */
                                    threshold: number;
                                    /** @default 365 */
                                    windowDays: number;
                                    label?: string;
                                }[];
                                benefits: {
                                    /** @enum {string} */
                                    kind: "discount_pct" | "referral_fee_pct" | "mdf_allowance" | "deal_protection_days" | "marketplace_boost" | "badge" | "custom";
                                    value?: number;
                                    /** @description For MDF allowance */
                                    currency?: string;
                                    /**
                                     * @description For MDF allowance
                                     * @enum {string}
                                     */
                                    period?: "month" | "quarter" | "year";
                                    /** @description Badge label or custom benefit text */
                                    text?: string;
                                }[];
                            } | null;
                            actionRequired: boolean;
                            actionRequiredReason: string | null;
                            actionDeadline: string | null;
                            pendingAgreements: {
                                agreementId: string;
                                name: string;
                                /** @enum {string} */
                                type: "reseller" | "distribution" | "msp" | "referral" | "technology_partner" | "system_integrator" | "nda" | "custom";
                                versionId: string;
                                versionNumber: number;
                            }[];
                            checklist: {
                                key: string;
                                /** @enum {string} */
                                kind: "accept_agreement" | "complete_profile" | "invite_teammate" | "custom";
                                title: string;
                                done: boolean;
                                completedAt: string | null;
                            }[];
                            lastEvaluation: {
                                enrollmentId: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                evaluatedAt: string;
                                currentTier: {
                                    id: string;
                                    name: string;
                                    rank: number;
                                } | null;
                                qualifiedTier: {
                                    id: string;
                                    name: string;
                                    rank: number;
                                } | null;
                                tiers: {
                                    id: string;
                                    code: string;
                                    name: string;
                                    rank: number;
                                    qualified: boolean;
                                    rules: {
                                        /** @enum {string} */
                                        metric: "sourced_revenue" | "won_deals" | "converted_referrals_sent" | "certified_users" | "engagement_score" | "active_connections" | "manual_attestation";
                                        /** @enum {string} */
                                        comparison: "gte" | "gt" | "lte" | "lt" | "eq";
                                        threshold: number;
                                        windowDays: number;
                                        label: string | null;
                                        value: number | null;
                                        /** @description For a money metric: the currency of value and threshold, both in integer minor units */
                                        currency?: string;
                                        met: boolean;
                                        /** @description Why the rule is met or not, in words */
                                        reason: string;
                                    }[];
                                }[];
                                change: {
                                    /** @enum {string} */
                                    kind: "promotion" | "demotion";
                                    fromTier: string | null;
                                    toTier: string;
                                    reason: string;
                                } | null;
                                demotionPendingSince: string | null;
                                demotionEffectiveAt: string | null;
                            } | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agreements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Agreement templates with their current version */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @enum {string} */
                                type: "reseller" | "distribution" | "msp" | "referral" | "technology_partner" | "system_integrator" | "nda" | "custom";
                                name: string;
                                currentVersion: {
                                    id: string;
                                    versionNumber: number;
                                    body: string;
                                    /** @description SHA-256 of the Markdown text */
                                    contentHash: string;
                                    /**
                                     * Format: date-time
                                     * @description ISO-8601 UTC timestamp
                                     */
                                    publishedAt: string;
                                };
                                versions: {
                                    id: string;
                                    versionNumber: number;
                                    /** @description SHA-256 of the Markdown text */
                                    contentHash: string;
                                    /**
                                     * Format: date-time
                                     * @description ISO-8601 UTC timestamp
                                     */
                                    publishedAt: string;
                                }[];
                                /** @description The caller's organization's latest acceptance */
                                acceptedByMe: {
                                    versionId: string;
                                    versionNumber: number;
                                    /**
                                     * Format: date-time
                                     * @description ISO-8601 UTC timestamp
                                     */
                                    acceptedAt: string;
                                } | null;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                createdAt: string;
                            }[];
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create an agreement template and publish its first version */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        type: "reseller" | "distribution" | "msp" | "referral" | "technology_partner" | "system_integrator" | "nda" | "custom";
                        name: string;
                        body: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            type: "reseller" | "distribution" | "msp" | "referral" | "technology_partner" | "system_integrator" | "nda" | "custom";
                            name: string;
                            currentVersion: {
                                id: string;
                                versionNumber: number;
                                body: string;
                                /** @description SHA-256 of the Markdown text */
                                contentHash: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                publishedAt: string;
                            };
                            versions: {
                                id: string;
                                versionNumber: number;
                                /** @description SHA-256 of the Markdown text */
                                contentHash: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                publishedAt: string;
                            }[];
                            /** @description The caller's organization's latest acceptance */
                            acceptedByMe: {
                                versionId: string;
                                versionNumber: number;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                acceptedAt: string;
                            } | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agreements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An agreement with its current text and version list */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            type: "reseller" | "distribution" | "msp" | "referral" | "technology_partner" | "system_integrator" | "nda" | "custom";
                            name: string;
                            currentVersion: {
                                id: string;
                                versionNumber: number;
                                body: string;
                                /** @description SHA-256 of the Markdown text */
                                contentHash: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                publishedAt: string;
                            };
                            versions: {
                                id: string;
                                versionNumber: number;
                                /** @description SHA-256 of the Markdown text */
                                contentHash: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                publishedAt: string;
                            }[];
                            /** @description The caller's organization's latest acceptance */
                            acceptedByMe: {
                                versionId: string;
                                versionNumber: number;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                acceptedAt: string;
                            } | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agreements/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Publish a new, immutable version
         * @description Every active enrollment whose program requires this agreement is flagged "action required" until re-accepted, and suspended after the program deadline.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            type: "reseller" | "distribution" | "msp" | "referral" | "technology_partner" | "system_integrator" | "nda" | "custom";
                            name: string;
                            currentVersion: {
                                id: string;
                                versionNumber: number;
                                body: string;
                                /** @description SHA-256 of the Markdown text */
                                contentHash: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                publishedAt: string;
                            };
                            versions: {
                                id: string;
                                versionNumber: number;
                                /** @description SHA-256 of the Markdown text */
                                contentHash: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                publishedAt: string;
                            }[];
                            /** @description The caller's organization's latest acceptance */
                            acceptedByMe: {
                                versionId: string;
                                versionNumber: number;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                acceptedAt: string;
                            } | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agreements/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept the current version for your organization
         * @description Records user, organization, version, content hash, time, IP and user agent. A superseded version answers 409 naming the current one.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        versionId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            type: "reseller" | "distribution" | "msp" | "referral" | "technology_partner" | "system_integrator" | "nda" | "custom";
                            name: string;
                            currentVersion: {
                                id: string;
                                versionNumber: number;
                                body: string;
                                /** @description SHA-256 of the Markdown text */
                                contentHash: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                publishedAt: string;
                            };
                            versions: {
                                id: string;
                                versionNumber: number;
                                /** @description SHA-256 of the Markdown text */
                                contentHash: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                publishedAt: string;
                            }[];
                            /** @description The caller's organization's latest acceptance */
                            acceptedByMe: {
                                versionId: string;
                                versionNumber: number;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                acceptedAt: string;
                            } | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agreements/{id}/acceptances": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Acceptances (a partner sees its own organization's) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                agreementId: string;
                                versionId: string;
                                versionNumber: number;
                                contentHash: string;
                                organization: {
                                    id: string;
                                    name: string;
                                };
                                user: {
                                    id: string;
                                    name: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                acceptedAt: string;
                                ip: string | null;
                                userAgent: string | null;
                            }[];
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The review queue, newest first, with detected duplicates */
        get: {
            parameters: {
                query?: {
                    status?: "submitted" | "approved" | "rejected";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                companyName: string;
                                website: string;
                                domain: string | null;
                                country: string;
                                partnerTypes: string[];
                                programs: {
                                    id: string;
                                    name: string;
                                }[];
                                contactName: string;
                                contactEmail: string;
                                message: string;
                                /** @enum {string} */
                                status: "submitted" | "approved" | "rejected";
                                decisionReason: string | null;
                                decidedAt: string | null;
                                organizationId: string | null;
                                duplicates: {
                                    /** @enum {string} */
                                    kind: "organization" | "application";
                                    id: string;
                                    name: string;
                                    reason: string;
                                }[];
                                version: number;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                createdAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Apply to one or more programs (no sign-in)
         * @description Limited to 5 applications per client address per hour (429).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        companyName: string;
                        /** Format: uri */
                        website: string;
                        /** @description ISO 3166-1 alpha-2 country code */
                        country: string;
                        partnerTypes: string[];
                        programIds: string[];
                        contactName: string;
                        /** Format: email */
                        contactEmail: string;
                        message?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            status: "submitted" | "approved" | "rejected";
                            message: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an application */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            companyName: string;
                            website: string;
                            domain: string | null;
                            country: string;
                            partnerTypes: string[];
                            programs: {
                                id: string;
                                name: string;
                            }[];
                            contactName: string;
                            contactEmail: string;
                            message: string;
                            /** @enum {string} */
                            status: "submitted" | "approved" | "rejected";
                            decisionReason: string | null;
                            decidedAt: string | null;
                            organizationId: string | null;
                            duplicates: {
                                /** @enum {string} */
                                kind: "organization" | "application";
                                id: string;
                                name: string;
                                reason: string;
                            }[];
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve: create or link the organization, invite the contact, enroll at the entry tier */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The version you last read; a stale one answers 409 */
                        version: number;
                        organizationId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            companyName: string;
                            website: string;
                            domain: string | null;
                            country: string;
                            partnerTypes: string[];
                            programs: {
                                id: string;
                                name: string;
                            }[];
                            contactName: string;
                            contactEmail: string;
                            message: string;
                            /** @enum {string} */
                            status: "submitted" | "approved" | "rejected";
                            decisionReason: string | null;
                            decidedAt: string | null;
                            organizationId: string | null;
                            duplicates: {
                                /** @enum {string} */
                                kind: "organization" | "application";
                                id: string;
                                name: string;
                                reason: string;
                            }[];
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/applications/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject with a reason (emailed to the applicant) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The version you last read; a stale one answers 409 */
                        version: number;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            companyName: string;
                            website: string;
                            domain: string | null;
                            country: string;
                            partnerTypes: string[];
                            programs: {
                                id: string;
                                name: string;
                            }[];
                            contactName: string;
                            contactEmail: string;
                            message: string;
                            /** @enum {string} */
                            status: "submitted" | "approved" | "rejected";
                            decisionReason: string | null;
                            decidedAt: string | null;
                            organizationId: string | null;
                            duplicates: {
                                /** @enum {string} */
                                kind: "organization" | "application";
                                id: string;
                                name: string;
                                reason: string;
                            }[];
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read the ecosystem settings */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Every metric is reported in this currency (metrics.md) */
                            reportingCurrency: string;
                            /** @description Deal protection when none of the partner’s active tiers grants protection days */
                            defaultProtectionDays: number;
                            /** @description The market cells (country × industry) the vendor covers directly; the coverage multiplier divides by these */
                            directCoverage: {
                                country: string;
                                industry: string;
                            }[];
                            /** @description Points per activity in the engagement score (metrics.md) */
                            engagementWeights: {
                                post: number;
                                comment: number;
                                eventAttended: number;
                                referralSent: number;
                                dealRegistered: number;
                                profileUpdated: number;
                            };
                            /** @description Vendor roles that may approve a deal over another partner’s protection of the same customer, with a written reason */
                            protectionOverrideRoles: ("admin" | "channel_manager")[];
                            /** @description Whether a partner registering a customer another partner holds under protection is told so (never who) */
                            protectedCustomerNotice: boolean;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the reporting currency or the default deal protection
         * @description A new reporting currency is refused (422) while deals in some currency have no rate into it.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The version you last read; a stale one answers 409 */
                        version: number;
                        /** @description ISO 4217 currency code, e.g. EUR */
                        reportingCurrency?: string;
                        defaultProtectionDays?: number;
                        /** @description Replaces the whole set of direct coverage cells; duplicates are kept once */
                        directCoverage?: {
                            /** @description ISO 3166-1 alpha-2 country code */
                            country: string;
                            /** @description NAICS sector code (see /reference/industries) */
                            industry: string;
                        }[];
                        engagementWeights?: {
                            post: number;
                            comment: number;
                            eventAttended: number;
                            referralSent: number;
                            dealRegistered: number;
                            profileUpdated: number;
                        };
                        /** @description Who may override another partner’s protection; at least one role */
                        protectionOverrideRoles?: ("admin" | "channel_manager")[];
                        protectedCustomerNotice?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Every metric is reported in this currency (metrics.md) */
                            reportingCurrency: string;
                            /** @description Deal protection when none of the partner’s active tiers grants protection days */
                            defaultProtectionDays: number;
                            /** @description The market cells (country × industry) the vendor covers directly; the coverage multiplier divides by these */
                            directCoverage: {
                                country: string;
                                industry: string;
                            }[];
                            /** @description Points per activity in the engagement score (metrics.md) */
                            engagementWeights: {
                                post: number;
                                comment: number;
                                eventAttended: number;
                                referralSent: number;
                                dealRegistered: number;
                                profileUpdated: number;
                            };
                            /** @description Vendor roles that may approve a deal over another partner’s protection of the same customer, with a written reason */
                            protectionOverrideRoles: ("admin" | "channel_manager")[];
                            /** @description Whether a partner registering a customer another partner holds under protection is told so (never who) */
                            protectedCustomerNotice: boolean;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/fx-rates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List exchange rates, newest effective date first */
        get: {
            parameters: {
                query?: {
                    /** @description ISO 4217 currency code, e.g. EUR */
                    currency?: string;
                    /** @description Defaults to the current reporting currency */
                    reportingCurrency?: string;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @description The deal currency converted from */
                                currency: string;
                                /** @description The currency converted into */
                                reportingCurrency: string;
                                /** @description Reporting-currency units per one unit of `currency`, exact */
                                rate: string;
                                /** @description In force from this date until the next rate for the pair */
                                effectiveDate: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                createdAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Add an exchange rate into the reporting currency
         * @description In force from its effective date until the next rate for the same currency.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description ISO 4217 currency code, e.g. EUR */
                        currency: string;
                        /** @description Reporting-currency units per one unit of the currency, as an exact decimal string */
                        rate: string;
                        /**
                         * Format: date
                         * @description Calendar date, YYYY-MM-DD
                         */
                        effectiveDate: string;
                        /** @description The currency converted into; defaults to the current reporting currency (give another to prepare a change of it) */
                        reportingCurrency?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description The deal currency converted from */
                            currency: string;
                            /** @description The currency converted into */
                            reportingCurrency: string;
                            /** @description Reporting-currency units per one unit of `currency`, exact */
                            rate: string;
                            /** @description In force from this date until the next rate for the pair */
                            effectiveDate: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/fx-rates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete an exchange rate
         * @description Refused (409) when deals would be left with no rate in force.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reference/industries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** NAICS sectors: the industry codes deals and profiles use */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                code: string;
                                name: string;
                            }[];
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reference/currencies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** ISO 4217 currencies with their minor-unit digits */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                code: string;
                                name: string;
                                digits: number;
                            }[];
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List deals
         * @description Partners see the deals their organization registered or is confirmed on; vendor staff see all. `status=registered&mine=true` is a channel manager’s review queue.
         */
        get: {
            parameters: {
                query?: {
                    status?: "registered" | "approved" | "rejected" | "won" | "lost" | "expired";
                    /** @description Customer name or domain contains */
                    q?: string;
                    /** @description Registering organization (vendor staff) */
                    registeredBy?: string;
                    /** @description Organizations involved in any role (vendor staff) */
                    involved?: string;
                    /** @description Channel managers: only deals of partners assigned to me */
                    mine?: "true" | "false";
                    vendorRecorded?: "true" | "false";
                    /** @description ISO 3166-1 alpha-2 country code */
                    country?: string;
                    sort?: "createdAt" | "-createdAt" | "expectedCloseDate" | "-expectedCloseDate" | "customerName" | "-customerName";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @description Its id in the system it was imported from (vendor only) */
                                externalId: string | null;
                                /** @enum {string} */
                                status: "registered" | "approved" | "rejected" | "won" | "lost" | "expired";
                                stage: ("qualification" | "discovery" | "proposal" | "negotiation" | "commit") | null;
                                /** @description The registering organization (the vendor for vendor-recorded deals) */
                                registeredBy: {
                                    id: string;
                                    name: string;
                                };
                                /** @description Who registered it; shown to the registering organization and the vendor */
                                registeredByUser: {
                                    id: string;
                                    name: string;
                                } | null;
                                vendorRecorded: boolean;
                                customer: {
                                    name: string;
                                    domain: string | null;
                                    country: string;
                                    industry: string | null;
                                };
                                /** @description Minor units; the final amount once won */
                                amount: number;
                                currency: string;
                                /** @description The amount in the reporting currency at the close date (closed) or today (open) */
                                reporting: {
                                    amount: number;
                                    currency: string;
                                    rate: string;
                                    rateDate: string;
                                } | null;
                                products: string[];
                                expectedCloseDate: string;
                                /** @description The registering organization's notes; null for anyone else but the vendor */
                                notes: string | null;
                                protection: {
                                    days: number;
                                    /**
                                     * Format: date-time
                                     * @description ISO-8601 UTC timestamp
                                     */
                                    startedAt: string;
                                    /**
                                     * Format: date-time
                                     * @description ISO-8601 UTC timestamp
                                     */
                                    expiresAt: string;
                                    extensionRequest: {
                                        days: number;
                                        reason: string;
                                        /**
                                         * Format: date-time
                                         * @description ISO-8601 UTC timestamp
                                         */
                                        at: string;
                                    } | null;
                                } | null;
                                /** @description Why it was rejected */
                                decisionReason: string | null;
                                decidedAt: string | null;
                                closeDate: string | null;
                                lostReason: string | null;
                                referralId: string | null;
                                involvements: {
                                    organization: {
                                        id: string;
                                        name: string;
                                    };
                                    /** @enum {string} */
                                    role: "sourced" | "referred" | "co_sell" | "implementation" | "integration" | "influenced";
                                    /** @enum {string} */
                                    status: "proposed" | "confirmed";
                                    /** @description Visible to the vendor and to the organization that wrote it */
                                    note: string | null;
                                    /** @description The partner that proposed it; null when the vendor added it */
                                    proposedBy: {
                                        id: string;
                                        name: string;
                                    } | null;
                                    /**
                                     * Format: date-time
                                     * @description When the partner became involved; orders first/last-touch attribution
                                     */
                                    involvedAt: string;
                                    confirmedAt: string | null;
                                }[];
                                /** @description The caller's organization's confirmed role, if any */
                                myRole: ("sourced" | "referred" | "co_sell" | "implementation" | "integration" | "influenced") | null;
                                version: number;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                createdAt: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Register a deal (partners) or record a vendor-sourced one (vendor staff)
         * @description A currency with no exchange rate in force answers 422. The response lists open deals that look like the same customer (a partner sees only its own organization’s), and whether another partner holds it under protection.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        customerName: string;
                        /** @description The customer’s web domain or an address on it; normalized (acme.com) */
                        customerDomain?: string;
                        /** @description ISO 3166-1 alpha-2 country code */
                        country: string;
                        /** @description NAICS sector code (see /reference/industries) */
                        industry?: string;
                        /** @description Integer minor units of the currency (cents for USD, yen for JPY) */
                        amount: number;
                        /** @description ISO 4217 currency code, e.g. EUR */
                        currency: string;
                        /** @default [] */
                        products?: string[];
                        /**
                         * Format: date
                         * @description Calendar date, YYYY-MM-DD
                         */
                        expectedCloseDate: string;
                        /** @enum {string} */
                        stage?: "qualification" | "discovery" | "proposal" | "negotiation" | "commit";
                        /** @default  */
                        notes?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description Its id in the system it was imported from (vendor only) */
                            externalId: string | null;
                            /** @enum {string} */
                            status: "registered" | "approved" | "rejected" | "won" | "lost" | "expired";
                            stage: ("qualification" | "discovery" | "proposal" | "negotiation" | "commit") | null;
                            /** @description The registering organization (the vendor for vendor-recorded deals) */
                            registeredBy: {
                                id: string;
                                name: string;
                            };
                            /** @description Who registered it; shown to the registering organization and the vendor */
                            registeredByUser: {
                                id: string;
                                name: string;
                            } | null;
                            vendorRecorded: boolean;
                            customer: {
                                name: string;
                                domain: string | null;
                                country: string;
                                industry: string | null;
                            };
                            /** @description Minor units; the final amount once won */
                            amount: number;
                            currency: string;
                            /** @description The amount in the reporting currency at the close date (closed) or today (open) */
                            reporting: {
                                amount: number;
                                currency: string;
                                rate: string;
                                rateDate: string;
                            } | null;
                            products: string[];
                            expectedCloseDate: string;
                            /** @description The registering organization's notes; null for anyone else but the vendor */
                            notes: string | null;
                            protection: {
                                days: number;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                startedAt: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                expiresAt: string;
                                extensionRequest: {
                                    days: number;
                                    reason: string;
                                    /**
                                     * Format: date-time
                                     * @description ISO-8601 UTC timestamp
                                     */
                                    at: string;
                                } | null;
                            } | null;
                            /** @description Why it was rejected */
                            decisionReason: string | null;
                            decidedAt: string | null;
                            closeDate: string | null;
                            lostReason: string | null;
                            referralId: string | null;
                            involvements: {
                                organization: {
                                    id: string;
                                    name: string;
                                };
                                /** @enum {string} */
                                role: "sourced" | "referred" | "co_sell" | "implementation" | "integration" | "influenced";
                                /** @enum {string} */
                                status: "proposed" | "confirmed";
                                /** @description Visible to the vendor and to the organization that wrote it */
                                note: string | null;
                                /** @description The partner that proposed it; null when the vendor added it */
                                proposedBy: {
                                    id: string;
                                    name: string;
                                } | null;
                                /**
                                 * Format: date-time
                                 * @description When the partner became involved; orders first/last-touch attribution
                                 */
                                involvedAt: string;
                                confirmedAt: string | null;
                            }[];
                            /** @description The caller's organization's confirmed role, if any */
                            myRole: ("sourced" | "referred" | "co_sell" | "implementation" | "integration" | "influenced") | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                            /** @description Open deals that look like the same customer; a partner sees only its own organization’s */
                            conflicts: {
                                deal: {
                                    id: string;
                                    customerName: string;
                                    customerDomain: string | null;
                                    country: string;
                                    /** @enum {string} */
                                    status: "registered" | "approved" | "rejected" | "won" | "lost" | "expired";
                                    registeredBy: {
                                        id: string;
                                        name: string;
                                    };
                                    /**
                                     * Format: date-time
                                     * @description ISO-8601 UTC timestamp
                                     */
                                    createdAt: string;
                                    protectionExpiresAt: string | null;
                                };
                                /** @description Why it matched, in words */
                                reasons: string[];
                                /** @description 0–1: 1 for the same domain, else the name similarity */
                                score: number;
                                /** @description The same registrable domain or the same normalized name (not a similar name or a domain named like it) */
                                strong: boolean;
                                /** @description A strong match protected for another partner: approving over it is refused unless a permitted reviewer overrides with a reason */
                                blocking: boolean;
                            }[];
                            /** @description The customer is under another partner’s deal protection (never who, for how much or until when); false when the vendor turned this notice off */
                            protectedByAnotherPartner: boolean;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deals/conflict-check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Open deals that look like this customer (live hints while registering)
         * @description A partner sees only its own organization’s deals among them, and is told whether another partner holds the customer under protection (unless the vendor turned that notice off), never which.
         */
        get: {
            parameters: {
                query: {
                    customerName: string;
                    customerDomain?: string;
                    /** @description Opaque identifier */
                    excludeDealId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                deal: {
                                    id: string;
                                    customerName: string;
                                    customerDomain: string | null;
                                    country: string;
                                    /** @enum {string} */
                                    status: "registered" | "approved" | "rejected" | "won" | "lost" | "expired";
                                    registeredBy: {
                                        id: string;
                                        name: string;
                                    };
                                    /**
                                     * Format: date-time
                                     * @description ISO-8601 UTC timestamp
                                     */
                                    createdAt: string;
                                    protectionExpiresAt: string | null;
                                };
                                /** @description Why it matched, in words */
                                reasons: string[];
                                /** @description 0–1: 1 for the same domain, else the name similarity */
                                score: number;
                                /** @description The same registrable domain or the same normalized name (not a similar name or a domain named like it) */
                                strong: boolean;
                                /** @description A strong match protected for another partner: approving over it is refused unless a permitted reviewer overrides with a reason */
                                blocking: boolean;
                            }[];
                            /** @description The customer is under another partner’s deal protection (never who, for how much or until when); false when the vendor turned this notice off */
                            protectedByAnotherPartner: boolean;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a deal */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description Its id in the system it was imported from (vendor only) */
                            externalId: string | null;
                            /** @enum {string} */
                            status: "registered" | "approved" | "rejected" | "won" | "lost" | "expired";
                            stage: ("qualification" | "discovery" | "proposal" | "negotiation" | "commit") | null;
                            /** @description The registering organization (the vendor for vendor-recorded deals) */
                            registeredBy: {
                                id: string;
                                name: string;
                            };
                            /** @description Who registered it; shown to the registering organization and the vendor */
                            registeredByUser: {
                                id: string;
                                name: string;
                            } | null;
                            vendorRecorded: boolean;
                            customer: {
                                name: string;
                                domain: string | null;
                                country: string;
                                industry: string | null;
                            };
                            /** @description Minor units; the final amount once won */
                            amount: number;
                            currency: string;
                            /** @description The amount in the reporting currency at the close date (closed) or today (open) */
                            reporting: {
                                amount: number;
                                currency: string;
                                rate: string;
                                rateDate: string;
                            } | null;
                            products: string[];
                            expectedCloseDate: string;
                            /** @description The registering organization's notes; null for anyone else but the vendor */
                            notes: string | null;
                            protection: {
                                days: number;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                startedAt: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                expiresAt: string;
                                extensionRequest: {
                                    days: number;
                                    reason: string;
                                    /**
                                     * Format: date-time
                                     * @description ISO-8601 UTC timestamp
                                     */
                                    at: string;
                                } | null;
                            } | null;
                            /** @description Why it was rejected */
                            decisionReason: string | null;
                            decidedAt: string | null;
                            closeDate: string | null;
                            lostReason: string | null;
                            referralId: string | null;
                            involvements: {
                                organization: {
                                    id: string;
                                    name: string;
                                };
                                /** @enum {string} */
                                role: "sourced" | "referred" | "co_sell" | "implementation" | "integration" | "influenced";
                                /** @enum {string} */
                                status: "proposed" | "confirmed";
                                /** @description Visible to the vendor and to the organization that wrote it */
                                note: string | null;
                                /** @description The partner that proposed it; null when the vendor added it */
                                proposedBy: {
                                    id: string;
                                    name: string;
                                } | null;
                                /**
                                 * Format: date-time
                                 * @description When the partner became involved; orders first/last-touch attribution
                                 */
                                involvedAt: string;
                                confirmedAt: string | null;
                            }[];
                            /** @description The caller's organization's confirmed role, if any */
                            myRole: ("sourced" | "referred" | "co_sell" | "implementation" | "integration" | "influenced") | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a deal's details or stage
         * @description The status changes only by actions (approve, reject, close). The customer is fixed once approved.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The version you last read; a stale one answers 409 */
                        version: number;
                        customerName?: string;
                        customerDomain?: string | null;
                        /** @description ISO 3166-1 alpha-2 country code */
                        country?: string;
                        industry?: string | null;
                        /** @description Integer minor units of the currency (cents for USD, yen for JPY) */
                        amount?: number;
                        /** @description ISO 4217 currency code, e.g. EUR */
                        currency?: string;
                        products?: string[];
                        /**
                         * Format: date
                         * @description Calendar date, YYYY-MM-DD
                         */
                        expectedCloseDate?: string;
                        stage?: ("qualification" | "discovery" | "proposal" | "negotiation" | "commit") | null;
                        notes?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description Its id in the system it was imported from (vendor only) */
                            externalId: string | null;
                            /** @enum {string} */
                            status: "registered" | "approved" | "rejected" | "won" | "lost" | "expired";
                            stage: ("qualification" | "discovery" | "proposal" | "negotiation" | "commit") | null;
                            /** @description The registering organization (the vendor for vendor-recorded deals) */
                            registeredBy: {
                                id: string;
                                name: string;
                            };
                            /** @description Who registered it; shown to the registering organization and the vendor */
                            registeredByUser: {
                                id: string;
                                name: string;
                            } | null;
                            vendorRecorded: boolean;
                            customer: {
                                name: string;
                                domain: string | null;
                                country: string;
                                industry: string | null;
                            };
                            /** @description Minor units; the final amount once won */
                            amount: number;
                            currency: string;
                            /** @description The amount in the reporting currency at the close date (closed) or today (open) */
                            reporting: {
                                amount: number;
                                currency: string;
                                rate: string;
                                rateDate: string;
                            } | null;
                            products: string[];
                            expectedCloseDate: string;
                            /** @description The registering organization's notes; null for anyone else but the vendor */
                            notes: string | null;
                            protection: {
                                days: number;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                startedAt: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                expiresAt: string;
                                extensionRequest: {
                                    days: number;
                                    reason: string;
                                    /**
                                     * Format: date-time
                                     * @description ISO-8601 UTC timestamp
                                     */
                                    at: string;
                                } | null;
                            } | null;
                            /** @description Why it was rejected */
                            decisionReason: string | null;
                            decidedAt: string | null;
                            closeDate: string | null;
                            lostReason: string | null;
                            referralId: string | null;
                            involvements: {
                                organization: {
                                    id: string;
                                    name: string;
                                };
                                /** @enum {string} */
                                role: "sourced" | "referred" | "co_sell" | "implementation" | "integration" | "influenced";
                                /** @enum {string} */
                                status: "proposed" | "confirmed";
                                /** @description Visible to the vendor and to the organization that wrote it */
                                note: string | null;
                                /** @description The partner that proposed it; null when the vendor added it */
                                proposedBy: {
                                    id: string;
                                    name: string;
                                } | null;
                                /**
                                 * Format: date-time
                                 * @description When the partner became involved; orders first/last-touch attribution
                                 */
                                involvedAt: string;
                                confirmedAt: string | null;
                            }[];
                            /** @description The caller's organization's confirmed role, if any */
                            myRole: ("sourced" | "referred" | "co_sell" | "implementation" | "integration" | "influenced") | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/deals/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a registration: protection starts (409 over another partner’s protection unless overridden) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The version you last read; a stale one answers 409 */
                        version: number;
                        /** @description Overrides the days from the partner’s best active tier */
                        protectionDays?: number;
                        /** @description Approves over another partner’s protection of the same customer (roles in the protectionOverrideRoles setting); audited on both deals */
                        overrideReason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description Its id in the system it was imported from (vendor only) */
                            externalId: string | null;
                            /** @enum {string} */
                            status: "registered" | "approved" | "rejected" | "won" | "lost" | "expired";
                            stage: ("qualification" | "discovery" | "proposal" | "negotiation" | "commit") | null;
                            /** @description The registering organization (the vendor for vendor-recorded deals) */
                            registeredBy: {
                                id: string;
                                name: string;
                            };
                            /** @description Who registered it; shown to the registering organization and the vendor */
                            registeredByUser: {
                                id: string;
                                name: string;
                            } | null;
                            vendorRecorded: boolean;
                            customer: {
                                name: string;
                                domain: string | null;
                                country: string;
                                industry: string | null;
                            };
                            /** @description Minor units; the final amount once won */
                            amount: number;
                            currency: string;
                            /** @description The amount in the reporting currency at the close date (closed) or today (open) */
                            reporting: {
                                amount: number;
                                currency: string;
                                rate: string;
                                rateDate: string;
                            } | null;
                            products: string[];
                            expectedCloseDate: string;
                            /** @description The registering organization's notes; null for anyone else but the vendor */
                            notes: string | null;
                            protection: {
                                days: number;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                startedAt: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                expiresAt: string;
                                extensionRequest: {
                                    days: number;
                                    reason: string;
                                    /**
                                     * Format: date-time
                                     * @description ISO-8601 UTC timestamp
                                     */
                                    at: string;
                                } | null;
                            } | null;
                            /** @description Why it was rejected */
                            decisionReason: string | null;
                            decidedAt: string | null;
                            closeDate: string | null;
                            lostReason: string | null;
                            referralId: string | null;
                            involvements: {
                                organization: {
                                    id: string;
                                    name: string;
                                };
                                /** @enum {string} */
                                role: "sourced" | "referred" | "co_sell" | "implementation" | "integration" | "influenced";
                                /** @enum {string} */
                                status: "proposed" | "confirmed";
                                /** @description Visible to the vendor and to the organization that wrote it */
                                note: string | null;
                                /** @description The partner that proposed it; null when the vendor added it */
                                proposedBy: {
                                    id: string;
                                    name: string;
                                } | null;
                                /**
                                 * Format: date-time
                                 * @description When the partner became involved; orders first/last-touch attribution
                                 */
                                involvedAt: string;
                                confirmedAt: string | null;
                            }[];
                            /** @description The caller's organization's confirmed role, if any */
                            myRole: ("sourced" | "referred" | "co_sell" | "implementation" | "integration" | "influenced") | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deals/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a registration with a reason */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The version you last read; a stale one answers 409 */
                        version: number;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description Its id in the system it was imported from (vendor only) */
                            externalId: string | null;
                            /** @enum {string} */
                            status: "registered" | "approved" | "rejected" | "won" | "lost" | "expired";
                            stage: ("qualification" | "discovery" | "proposal" | "negotiation" | "commit") | null;
                            /** @description The registering organization (the vendor for vendor-recorded deals) */
                            registeredBy: {
                                id: string;
                                name: string;
                            };
                            /** @description Who registered it; shown to the registering organization and the vendor */
                            registeredByUser: {
                                id: string;
                                name: string;
                            } | null;
                            vendorRecorded: boolean;
                            customer: {
                                name: string;
                                domain: string | null;
                                country: string;
                                industry: string | null;
                            };
                            /** @description Minor units; the final amount once won */
                            amount: number;
                            currency: string;
                            /** @description The amount in the reporting currency at the close date (closed) or today (open) */
                            reporting: {
                                amount: number;
                                currency: string;
                                rate: string;
                                rateDate: string;
                            } | null;
                            products: string[];
                            expectedCloseDate: string;
                            /** @description The registering organization's notes; null for anyone else but the vendor */
                            notes: string | null;
                            protection: {
                                days: number;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                startedAt: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                expiresAt: string;
                                extensionRequest: {
                                    days: number;
                                    reason: string;
                                    /**
                                     * Format: date-time
                                     * @description ISO-8601 UTC timestamp
                                     */
                                    at: string;
                                } | null;
                            } | null;
                            /** @description Why it was rejected */
                            decisionReason: string | null;
                            decidedAt: string | null;
                            closeDate: string | null;
                            lostReason: string | null;
                            referralId: string | null;
                            involvements: {
                                organization: {
                                    id: string;
                                    name: string;
                                };
                                /** @enum {string} */
                                role: "sourced" | "referred" | "co_sell" | "implementation" | "integration" | "influenced";
                                /** @enum {string} */
                                status: "proposed" | "confirmed";
                                /** @description Visible to the vendor and to the organization that wrote it */
                                note: string | null;
                                /** @description The partner that proposed it; null when the vendor added it */
                                proposedBy: {
                                    id: string;
                                    name: string;
                                } | null;
                                /**
                                 * Format: date-time
                                 * @description When the partner became involved; orders first/last-touch attribution
                                 */
                                involvedAt: string;
                                confirmedAt: string | null;
                            }[];
                            /** @description The caller's organization's confirmed role, if any */
                            myRole: ("sourced" | "referred" | "co_sell" | "implementation" | "integration" | "influenced") | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deals/{id}/request-extension": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask for longer protection (the registering partner) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The version you last read; a stale one answers 409 */
                        version: number;
                        days: number;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description Its id in the system it was imported from (vendor only) */
                            externalId: string | null;
                            /** @enum {string} */
                            status: "registered" | "approved" | "rejected" | "won" | "lost" | "expired";
                            stage: ("qualification" | "discovery" | "proposal" | "negotiation" | "commit") | null;
                            /** @description The registering organization (the vendor for vendor-recorded deals) */
                            registeredBy: {
                                id: string;
                                name: string;
                            };
                            /** @description Who registered it; shown to the registering organization and the vendor */
                            registeredByUser: {
                                id: string;
                                name: string;
                            } | null;
                            vendorRecorded: boolean;
                            customer: {
                                name: string;
                                domain: string | null;
                                country: string;
                                industry: string | null;
                            };
                            /** @description Minor units; the final amount once won */
                            amount: number;
                            currency: string;
                            /** @description The amount in the reporting currency at the close date (closed) or today (open) */
                            reporting: {
                                amount: number;
                                currency: string;
                                rate: string;
                                rateDate: string;
                            } | null;
                            products: string[];
                            expectedCloseDate: string;
                            /** @description The registering organization's notes; null for anyone else but the vendor */
                            notes: string | null;
                            protection: {
                                days: number;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                startedAt: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                expiresAt: string;
                                extensionRequest: {
                                    days: number;
                                    reason: string;
                                    /**
                                     * Format: date-time
                                     * @description ISO-8601 UTC timestamp
                                     */
                                    at: string;
                                } | null;
                            } | null;
                            /** @description Why it was rejected */
                            decisionReason: string | null;
                            decidedAt: string | null;
                            closeDate: string | null;
                            lostReason: string | null;
                            referralId: string | null;
                            involvements: {
                                organization: {
                                    id: string;
                                    name: string;
                                };
                                /** @enum {string} */
                                role: "sourced" | "referred" | "co_sell" | "implementation" | "integration" | "influenced";
                                /** @enum {string} */
                                status: "proposed" | "confirmed";
                                /** @description Visible to the vendor and to the organization that wrote it */
                                note: string | null;
                                /** @description The partner that proposed it; null when the vendor added it */
                                proposedBy: {
                                    id: string;
                                    name: string;
                                } | null;
                                /**
                                 * Format: date-time
                                 * @description When the partner became involved; orders first/last-touch attribution
                                 */
                                involvedAt: string;
                                confirmedAt: string | null;
                            }[];
                            /** @description The caller's organization's confirmed role, if any */
                            myRole: ("sourced" | "referred" | "co_sell" | "implementation" | "integration" | "influenced") | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deals/{id}/extend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Extend a deal's protection */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The version you last read; a stale one answers 409 */
                        version: number;
                        /** @description Defaults to the days requested */
                        days?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description Its id in the system it was imported from (vendor only) */
                            externalId: string | null;
                            /** @enum {string} */
                            status: "registered" | "approved" | "rejected" | "won" | "lost" | "expired";
                            stage: ("qualification" | "discovery" | "proposal" | "negotiation" | "commit") | null;
                            /** @description The registering organization (the vendor for vendor-recorded deals) */
                            registeredBy: {
                                id: string;
                                name: string;
                            };
                            /** @description Who registered it; shown to the registering organization and the vendor */
                            registeredByUser: {
                                id: string;
                                name: string;
                            } | null;
                            vendorRecorded: boolean;
                            customer: {
                                name: string;
                                domain: string | null;
                                country: string;
                                industry: string | null;
                            };
                            /** @description Minor units; the final amount once won */
                            amount: number;
                            currency: string;
                            /** @description The amount in the reporting currency at the close date (closed) or today (open) */
                            reporting: {
                                amount: number;
                                currency: string;
                                rate: string;
                                rateDate: string;
                            } | null;
                            products: string[];
                            expectedCloseDate: string;
                            /** @description The registering organization's notes; null for anyone else but the vendor */
                            notes: string | null;
                            protection: {
                                days: number;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                startedAt: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                expiresAt: string;
                                extensionRequest: {
                                    days: number;
                                    reason: string;
                                    /**
                                     * Format: date-time
                                     * @description ISO-8601 UTC timestamp
                                     */
                                    at: string;
                                } | null;
                            } | null;
                            /** @description Why it was rejected */
                            decisionReason: string | null;
                            decidedAt: string | null;
                            closeDate: string | null;
                            lostReason: string | null;
                            referralId: string | null;
                            involvements: {
                                organization: {
                                    id: string;
                                    name: string;
                                };
                                /** @enum {string} */
                                role: "sourced" | "referred" | "co_sell" | "implementation" | "integration" | "influenced";
                                /** @enum {string} */
                                status: "proposed" | "confirmed";
                                /** @description Visible to the vendor and to the organization that wrote it */
                                note: string | null;
                                /** @description The partner that proposed it; null when the vendor added it */
                                proposedBy: {
                                    id: string;
                                    name: string;
                                } | null;
                                /**
                                 * Format: date-time
                                 * @description When the partner became involved; orders first/last-touch attribution
                                 */
                                involvedAt: string;
                                confirmedAt: string | null;
                            }[];
                            /** @description The caller's organization's confirmed role, if any */
                            myRole: ("sourced" | "referred" | "co_sell" | "implementation" | "integration" | "influenced") | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deals/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close an approved deal as won (final amount) or lost (reason) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The version you last read; a stale one answers 409 */
                        version: number;
                        /** @enum {string} */
                        outcome: "won";
                        /** @description The final amount, in the deal currency */
                        amount: number;
                        /**
                         * Format: date
                         * @description Calendar date, YYYY-MM-DD
                         */
                        closeDate: string;
                    } | {
                        /** @description The version you last read; a stale one answers 409 */
                        version: number;
                        /** @enum {string} */
                        outcome: "lost";
                        /**
                         * Format: date
                         * @description Calendar date, YYYY-MM-DD
                         */
                        closeDate: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description Its id in the system it was imported from (vendor only) */
                            externalId: string | null;
                            /** @enum {string} */
                            status: "registered" | "approved" | "rejected" | "won" | "lost" | "expired";
                            stage: ("qualification" | "discovery" | "proposal" | "negotiation" | "commit") | null;
                            /** @description The registering organization (the vendor for vendor-recorded deals) */
                            registeredBy: {
                                id: string;
                                name: string;
                            };
                            /** @description Who registered it; shown to the registering organization and the vendor */
                            registeredByUser: {
                                id: string;
                                name: string;
                            } | null;
                            vendorRecorded: boolean;
                            customer: {
                                name: string;
                                domain: string | null;
                                country: string;
                                industry: string | null;
                            };
                            /** @description Minor units; the final amount once won */
                            amount: number;
                            currency: string;
                            /** @description The amount in the reporting currency at the close date (closed) or today (open) */
                            reporting: {
                                amount: number;
                                currency: string;
                                rate: string;
                                rateDate: string;
                            } | null;
                            products: string[];
                            expectedCloseDate: string;
                            /** @description The registering organization's notes; null for anyone else but the vendor */
                            notes: string | null;
                            protection: {
                                days: number;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                startedAt: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                expiresAt: string;
                                extensionRequest: {
                                    days: number;
                                    reason: string;
                                    /**
                                     * Format: date-time
                                     * @description ISO-8601 UTC timestamp
                                     */
                                    at: string;
                                } | null;
                            } | null;
                            /** @description Why it was rejected */
                            decisionReason: string | null;
                            decidedAt: string | null;
                            closeDate: string | null;
                            lostReason: string | null;
                            referralId: string | null;
                            involvements: {
                                organization: {
                                    id: string;
                                    name: string;
                                };
                                /** @enum {string} */
                                role: "sourced" | "referred" | "co_sell" | "implementation" | "integration" | "influenced";
                                /** @enum {string} */
                                status: "proposed" | "confirmed";
                                /** @description Visible to the vendor and to the organization that wrote it */
                                note: string | null;
                                /** @description The partner that proposed it; null when the vendor added it */
                                proposedBy: {
                                    id: string;
                                    name: string;
                                } | null;
                                /**
                                 * Format: date-time
                                 * @description When the partner became involved; orders first/last-touch attribution
                                 */
                                involvedAt: string;
                                confirmedAt: string | null;
                            }[];
                            /** @description The caller's organization's confirmed role, if any */
                            myRole: ("sourced" | "referred" | "co_sell" | "implementation" | "integration" | "influenced") | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deals/{id}/conflicts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Open deals that look like the same customer, each with why it matched
         * @description Vendor staff see every conflict; a partner only those with its own organization’s deals.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                deal: {
                                    id: string;
                                    customerName: string;
                                    customerDomain: string | null;
                                    country: string;
                                    /** @enum {string} */
                                    status: "registered" | "approved" | "rejected" | "won" | "lost" | "expired";
                                    registeredBy: {
                                        id: string;
                                        name: string;
                                    };
                                    /**
                                     * Format: date-time
                                     * @description ISO-8601 UTC timestamp
                                     */
                                    createdAt: string;
                                    protectionExpiresAt: string | null;
                                };
                                /** @description Why it matched, in words */
                                reasons: string[];
                                /** @description 0–1: 1 for the same domain, else the name similarity */
                                score: number;
                                /** @description The same registrable domain or the same normalized name (not a similar name or a domain named like it) */
                                strong: boolean;
                                /** @description A strong match protected for another partner: approving over it is refused unless a permitted reviewer overrides with a reason */
                                blocking: boolean;
                            }[];
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deals/{id}/involvements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Partners on a deal and their roles */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                organization: {
                                    id: string;
                                    name: string;
                                };
                                /** @enum {string} */
                                role: "sourced" | "referred" | "co_sell" | "implementation" | "integration" | "influenced";
                                /** @enum {string} */
                                status: "proposed" | "confirmed";
                                /** @description Visible to the vendor and to the organization that wrote it */
                                note: string | null;
                                /** @description The partner that proposed it; null when the vendor added it */
                                proposedBy: {
                                    id: string;
                                    name: string;
                                } | null;
                                /**
                                 * Format: date-time
                                 * @description When the partner became involved; orders first/last-touch attribution
                                 */
                                involvedAt: string;
                                confirmedAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Add a partner to a deal (vendor) or propose one (a partner on the deal)
         * @description One role per partner per deal, at most one `sourced`. A partner’s proposal waits for the vendor.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Opaque identifier */
                        organizationId: string;
                        /** @enum {string} */
                        role: "sourced" | "referred" | "co_sell" | "implementation" | "integration" | "influenced";
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            organization: {
                                id: string;
                                name: string;
                            };
                            /** @enum {string} */
                            role: "sourced" | "referred" | "co_sell" | "implementation" | "integration" | "influenced";
                            /** @enum {string} */
                            status: "proposed" | "confirmed";
                            /** @description Visible to the vendor and to the organization that wrote it */
                            note: string | null;
                            /** @description The partner that proposed it; null when the vendor added it */
                            proposedBy: {
                                id: string;
                                name: string;
                            } | null;
                            /**
                             * Format: date-time
                             * @description When the partner became involved; orders first/last-touch attribution
                             */
                            involvedAt: string;
                            confirmedAt: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deals/{id}/involvements/{organizationId}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm a partner's proposed involvement */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                    /** @description Opaque identifier */
                    organizationId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": Record<string, never>;
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            organization: {
                                id: string;
                                name: string;
                            };
                            /** @enum {string} */
                            role: "sourced" | "referred" | "co_sell" | "implementation" | "integration" | "influenced";
                            /** @enum {string} */
                            status: "proposed" | "confirmed";
                            /** @description Visible to the vendor and to the organization that wrote it */
                            note: string | null;
                            /** @description The partner that proposed it; null when the vendor added it */
                            proposedBy: {
                                id: string;
                                name: string;
                            } | null;
                            /**
                             * Format: date-time
                             * @description When the partner became involved; orders first/last-touch attribution
                             */
                            involvedAt: string;
                            confirmedAt: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deals/{id}/involvements/{organizationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a partner from a deal (vendor), or withdraw your own proposal */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                    /** @description Opaque identifier */
                    organizationId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a partner's role on a deal (vendor)
         * @description One role per partner per deal: a referrer who also co-sells is re-cast, not added twice.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                    /** @description Opaque identifier */
                    organizationId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        role: "sourced" | "referred" | "co_sell" | "implementation" | "integration" | "influenced";
                        note?: string | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            organization: {
                                id: string;
                                name: string;
                            };
                            /** @enum {string} */
                            role: "sourced" | "referred" | "co_sell" | "implementation" | "integration" | "influenced";
                            /** @enum {string} */
                            status: "proposed" | "confirmed";
                            /** @description Visible to the vendor and to the organization that wrote it */
                            note: string | null;
                            /** @description The partner that proposed it; null when the vendor added it */
                            proposedBy: {
                                id: string;
                                name: string;
                            } | null;
                            /**
                             * Format: date-time
                             * @description When the partner became involved; orders first/last-touch attribution
                             */
                            involvedAt: string;
                            confirmedAt: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/deals/{id}/attribution": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Per-partner credit on a won deal under an attribution model
         * @description Vendor staff see every partner’s credit; a partner its own.
         */
        get: {
            parameters: {
                query?: {
                    model?: "even" | "first_touch" | "last_touch";
                };
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            dealId: string;
                            /** @enum {string} */
                            model: "even" | "first_touch" | "last_touch";
                            amount: number;
                            currency: string;
                            /** @description Vendor staff see every partner; a partner sees its own row */
                            credits: {
                                organization: {
                                    id: string;
                                    name: string;
                                };
                                /** @enum {string} */
                                role: "sourced" | "referred" | "co_sell" | "implementation" | "integration" | "influenced";
                                /** @description Minor units of the deal currency */
                                sourcedCredit: number;
                                influenceCredit: number;
                            }[];
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/deals/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A deal's history, oldest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                at: string;
                                action: string;
                                /** @description A person for your own organization and the vendor’s staff; else the organization */
                                actor: string | null;
                                summary: string;
                            }[];
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/referrals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List referrals
         * @description A partner sees referrals it sent or received; the vendor sees all (its inbox: those sent to it).
         */
        get: {
            parameters: {
                query?: {
                    /** @description inbox: received by my organization; outbox: sent by it */
                    box?: "inbox" | "outbox" | "all";
                    status?: "submitted" | "accepted" | "rejected" | "converted";
                    source?: "partner" | "locator";
                    q?: string;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @description Its id in the system it was imported from (vendor only) */
                                externalId: string | null;
                                /** @enum {string} */
                                status: "submitted" | "accepted" | "rejected" | "converted";
                                /**
                                 * @description locator: a lead from the public partner locator
                                 * @enum {string}
                                 */
                                source: "partner" | "locator";
                                /** @description null for public locator leads */
                                referrer: {
                                    id: string;
                                    name: string;
                                } | null;
                                referrerUser: {
                                    id: string;
                                    name: string;
                                } | null;
                                recipient: {
                                    id: string;
                                    name: string;
                                };
                                toVendor: boolean;
                                /** @description The connection it was sent under */
                                connectionId: string | null;
                                company: {
                                    name: string;
                                    domain: string | null;
                                    country: string | null;
                                    industry: string | null;
                                };
                                contact: {
                                    name: string;
                                    email: string;
                                    phone: string | null;
                                };
                                need: string;
                                estimatedValue: {
                                    amount: number;
                                    currency: string;
                                } | null;
                                decisionReason: string | null;
                                decidedAt: string | null;
                                /** @description The deal it was converted into; its status is the referral’s outcome */
                                deal: {
                                    id: string;
                                    /** @enum {string} */
                                    status: "registered" | "approved" | "rejected" | "won" | "lost" | "expired";
                                    amount: number;
                                    currency: string;
                                    closeDate: string | null;
                                } | null;
                                /** @description Shown to both parties once the deal is won */
                                fee: {
                                    percent: string;
                                    /** @description Where the percentage comes from, in words */
                                    basis: string;
                                    amount: number;
                                    currency: string;
                                } | null;
                                version: number;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                createdAt: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Refer a prospect to another partner or to the vendor */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Omit to refer the prospect to the vendor */
                        recipientOrganizationId?: string;
                        /** @description An active connection with the recipient: its terms set the referral fee */
                        connectionId?: string;
                        companyName: string;
                        companyDomain?: string;
                        /** @description ISO 3166-1 alpha-2 country code */
                        country?: string;
                        /** @description NAICS sector code (see /reference/industries) */
                        industry?: string;
                        contactName: string;
                        /** Format: email */
                        contactEmail: string;
                        contactPhone?: string;
                        need: string;
                        /** @description Integer minor units of the currency (cents for USD, yen for JPY) */
                        estimatedAmount?: number;
                        /** @description ISO 4217 currency code, e.g. EUR */
                        estimatedCurrency?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description Its id in the system it was imported from (vendor only) */
                            externalId: string | null;
                            /** @enum {string} */
                            status: "submitted" | "accepted" | "rejected" | "converted";
                            /**
                             * @description locator: a lead from the public partner locator
                             * @enum {string}
                             */
                            source: "partner" | "locator";
                            /** @description null for public locator leads */
                            referrer: {
                                id: string;
                                name: string;
                            } | null;
                            referrerUser: {
                                id: string;
                                name: string;
                            } | null;
                            recipient: {
                                id: string;
                                name: string;
                            };
                            toVendor: boolean;
                            /** @description The connection it was sent under */
                            connectionId: string | null;
                            company: {
                                name: string;
                                domain: string | null;
                                country: string | null;
                                industry: string | null;
                            };
                            contact: {
                                name: string;
                                email: string;
                                phone: string | null;
                            };
                            need: string;
                            estimatedValue: {
                                amount: number;
                                currency: string;
                            } | null;
                            decisionReason: string | null;
                            decidedAt: string | null;
                            /** @description The deal it was converted into; its status is the referral’s outcome */
                            deal: {
                                id: string;
                                /** @enum {string} */
                                status: "registered" | "approved" | "rejected" | "won" | "lost" | "expired";
                                amount: number;
                                currency: string;
                                closeDate: string | null;
                            } | null;
                            /** @description Shown to both parties once the deal is won */
                            fee: {
                                percent: string;
                                /** @description Where the percentage comes from, in words */
                                basis: string;
                                amount: number;
                                currency: string;
                            } | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/referrals/counterparts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Partners your organization already works with (referrals and shared deals) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                            }[];
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/referrals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a referral, with its deal and fee */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description Its id in the system it was imported from (vendor only) */
                            externalId: string | null;
                            /** @enum {string} */
                            status: "submitted" | "accepted" | "rejected" | "converted";
                            /**
                             * @description locator: a lead from the public partner locator
                             * @enum {string}
                             */
                            source: "partner" | "locator";
                            /** @description null for public locator leads */
                            referrer: {
                                id: string;
                                name: string;
                            } | null;
                            referrerUser: {
                                id: string;
                                name: string;
                            } | null;
                            recipient: {
                                id: string;
                                name: string;
                            };
                            toVendor: boolean;
                            /** @description The connection it was sent under */
                            connectionId: string | null;
                            company: {
                                name: string;
                                domain: string | null;
                                country: string | null;
                                industry: string | null;
                            };
                            contact: {
                                name: string;
                                email: string;
                                phone: string | null;
                            };
                            need: string;
                            estimatedValue: {
                                amount: number;
                                currency: string;
                            } | null;
                            decisionReason: string | null;
                            decidedAt: string | null;
                            /** @description The deal it was converted into; its status is the referral’s outcome */
                            deal: {
                                id: string;
                                /** @enum {string} */
                                status: "registered" | "approved" | "rejected" | "won" | "lost" | "expired";
                                amount: number;
                                currency: string;
                                closeDate: string | null;
                            } | null;
                            /** @description Shown to both parties once the deal is won */
                            fee: {
                                percent: string;
                                /** @description Where the percentage comes from, in words */
                                basis: string;
                                amount: number;
                                currency: string;
                            } | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/referrals/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept a referral (its recipient) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The version you last read; a stale one answers 409 */
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description Its id in the system it was imported from (vendor only) */
                            externalId: string | null;
                            /** @enum {string} */
                            status: "submitted" | "accepted" | "rejected" | "converted";
                            /**
                             * @description locator: a lead from the public partner locator
                             * @enum {string}
                             */
                            source: "partner" | "locator";
                            /** @description null for public locator leads */
                            referrer: {
                                id: string;
                                name: string;
                            } | null;
                            referrerUser: {
                                id: string;
                                name: string;
                            } | null;
                            recipient: {
                                id: string;
                                name: string;
                            };
                            toVendor: boolean;
                            /** @description The connection it was sent under */
                            connectionId: string | null;
                            company: {
                                name: string;
                                domain: string | null;
                                country: string | null;
                                industry: string | null;
                            };
                            contact: {
                                name: string;
                                email: string;
                                phone: string | null;
                            };
                            need: string;
                            estimatedValue: {
                                amount: number;
                                currency: string;
                            } | null;
                            decisionReason: string | null;
                            decidedAt: string | null;
                            /** @description The deal it was converted into; its status is the referral’s outcome */
                            deal: {
                                id: string;
                                /** @enum {string} */
                                status: "registered" | "approved" | "rejected" | "won" | "lost" | "expired";
                                amount: number;
                                currency: string;
                                closeDate: string | null;
                            } | null;
                            /** @description Shown to both parties once the deal is won */
                            fee: {
                                percent: string;
                                /** @description Where the percentage comes from, in words */
                                basis: string;
                                amount: number;
                                currency: string;
                            } | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/referrals/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a referral with a reason */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The version you last read; a stale one answers 409 */
                        version: number;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description Its id in the system it was imported from (vendor only) */
                            externalId: string | null;
                            /** @enum {string} */
                            status: "submitted" | "accepted" | "rejected" | "converted";
                            /**
                             * @description locator: a lead from the public partner locator
                             * @enum {string}
                             */
                            source: "partner" | "locator";
                            /** @description null for public locator leads */
                            referrer: {
                                id: string;
                                name: string;
                            } | null;
                            referrerUser: {
                                id: string;
                                name: string;
                            } | null;
                            recipient: {
                                id: string;
                                name: string;
                            };
                            toVendor: boolean;
                            /** @description The connection it was sent under */
                            connectionId: string | null;
                            company: {
                                name: string;
                                domain: string | null;
                                country: string | null;
                                industry: string | null;
                            };
                            contact: {
                                name: string;
                                email: string;
                                phone: string | null;
                            };
                            need: string;
                            estimatedValue: {
                                amount: number;
                                currency: string;
                            } | null;
                            decisionReason: string | null;
                            decidedAt: string | null;
                            /** @description The deal it was converted into; its status is the referral’s outcome */
                            deal: {
                                id: string;
                                /** @enum {string} */
                                status: "registered" | "approved" | "rejected" | "won" | "lost" | "expired";
                                amount: number;
                                currency: string;
                                closeDate: string | null;
                            } | null;
                            /** @description Shown to both parties once the deal is won */
                            fee: {
                                percent: string;
                                /** @description Where the percentage comes from, in words */
                                basis: string;
                                amount: number;
                                currency: string;
                            } | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/referrals/{id}/convert": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Convert an accepted referral into a deal registered by the recipient
         * @description The recipient is `sourced` on the deal and the referrer `referred`; the referral stays `converted` and its outcome is its deal’s status.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The version you last read; a stale one answers 409 */
                        version: number;
                        /** @description Integer minor units of the currency (cents for USD, yen for JPY) */
                        amount: number;
                        /** @description ISO 4217 currency code, e.g. EUR */
                        currency: string;
                        /**
                         * Format: date
                         * @description Calendar date, YYYY-MM-DD
                         */
                        expectedCloseDate: string;
                        /** @description Defaults to the referral's country */
                        country?: string;
                        /** @description NAICS sector code (see /reference/industries) */
                        industry?: string;
                        /** @default [] */
                        products?: string[];
                        /** @default  */
                        notes?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            referral: {
                                id: string;
                                /** @description Its id in the system it was imported from (vendor only) */
                                externalId: string | null;
                                /** @enum {string} */
                                status: "submitted" | "accepted" | "rejected" | "converted";
                                /**
                                 * @description locator: a lead from the public partner locator
                                 * @enum {string}
                                 */
                                source: "partner" | "locator";
                                /** @description null for public locator leads */
                                referrer: {
                                    id: string;
                                    name: string;
                                } | null;
                                referrerUser: {
                                    id: string;
                                    name: string;
                                } | null;
                                recipient: {
                                    id: string;
                                    name: string;
                                };
                                toVendor: boolean;
                                /** @description The connection it was sent under */
                                connectionId: string | null;
                                company: {
                                    name: string;
                                    domain: string | null;
                                    country: string | null;
                                    industry: string | null;
                                };
                                contact: {
                                    name: string;
                                    email: string;
                                    phone: string | null;
                                };
                                need: string;
                                estimatedValue: {
                                    amount: number;
                                    currency: string;
                                } | null;
                                decisionReason: string | null;
                                decidedAt: string | null;
                                /** @description The deal it was converted into; its status is the referral’s outcome */
                                deal: {
                                    id: string;
                                    /** @enum {string} */
                                    status: "registered" | "approved" | "rejected" | "won" | "lost" | "expired";
                                    amount: number;
                                    currency: string;
                                    closeDate: string | null;
                                } | null;
                                /** @description Shown to both parties once the deal is won */
                                fee: {
                                    percent: string;
                                    /** @description Where the percentage comes from, in words */
                                    basis: string;
                                    amount: number;
                                    currency: string;
                                } | null;
                                version: number;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                createdAt: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                updatedAt: string;
                            };
                            deal: {
                                id: string;
                                /** @description Its id in the system it was imported from (vendor only) */
                                externalId: string | null;
                                /** @enum {string} */
                                status: "registered" | "approved" | "rejected" | "won" | "lost" | "expired";
                                stage: ("qualification" | "discovery" | "proposal" | "negotiation" | "commit") | null;
                                /** @description The registering organization (the vendor for vendor-recorded deals) */
                                registeredBy: {
                                    id: string;
                                    name: string;
                                };
                                /** @description Who registered it; shown to the registering organization and the vendor */
                                registeredByUser: {
                                    id: string;
                                    name: string;
                                } | null;
                                vendorRecorded: boolean;
                                customer: {
                                    name: string;
                                    domain: string | null;
                                    country: string;
                                    industry: string | null;
                                };
                                /** @description Minor units; the final amount once won */
                                amount: number;
                                currency: string;
                                /** @description The amount in the reporting currency at the close date (closed) or today (open) */
                                reporting: {
                                    amount: number;
                                    currency: string;
                                    rate: string;
                                    rateDate: string;
                                } | null;
                                products: string[];
                                expectedCloseDate: string;
                                /** @description The registering organization's notes; null for anyone else but the vendor */
                                notes: string | null;
                                protection: {
                                    days: number;
                                    /**
                                     * Format: date-time
                                     * @description ISO-8601 UTC timestamp
                                     */
                                    startedAt: string;
                                    /**
                                     * Format: date-time
                                     * @description ISO-8601 UTC timestamp
                                     */
                                    expiresAt: string;
                                    extensionRequest: {
                                        days: number;
                                        reason: string;
                                        /**
                                         * Format: date-time
                                         * @description ISO-8601 UTC timestamp
                                         */
                                        at: string;
                                    } | null;
                                } | null;
                                /** @description Why it was rejected */
                                decisionReason: string | null;
                                decidedAt: string | null;
                                closeDate: string | null;
                                lostReason: string | null;
                                referralId: string | null;
                                involvements: {
                                    organization: {
                                        id: string;
                                        name: string;
                                    };
                                    /** @enum {string} */
                                    role: "sourced" | "referred" | "co_sell" | "implementation" | "integration" | "influenced";
                                    /** @enum {string} */
                                    status: "proposed" | "confirmed";
                                    /** @description Visible to the vendor and to the organization that wrote it */
                                    note: string | null;
                                    /** @description The partner that proposed it; null when the vendor added it */
                                    proposedBy: {
                                        id: string;
                                        name: string;
                                    } | null;
                                    /**
                                     * Format: date-time
                                     * @description When the partner became involved; orders first/last-touch attribution
                                     */
                                    involvedAt: string;
                                    confirmedAt: string | null;
                                }[];
                                /** @description The caller's organization's confirmed role, if any */
                                myRole: ("sourced" | "referred" | "co_sell" | "implementation" | "integration" | "influenced") | null;
                                version: number;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                createdAt: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                updatedAt: string;
                            };
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Headline figures of every metric for one period, with the previous period and a monthly trend
         * @description metrics.md defines each figure. `format=csv` answers `text/csv` with exactly these figures (`section, item, series, value, unit, reason`; money in major units).
         */
        get: {
            parameters: {
                query?: {
                    /** @description Customer country of the deals (referrals: of the referral) */
                    country?: string;
                    /** @description Customer industry (NAICS sector) */
                    industry?: string;
                    /** @description Keeps deals with at least one involved partner of this primary type (sourced revenue: the sourced partner; referrals: the referrer) */
                    partnerType?: string;
                    /** @description …with an active enrollment in this program */
                    programId?: string;
                    /** @description …whose active enrollment is at this tier */
                    tierId?: string;
                    /** @description Start of the period, inclusive (default: 12 months before `to`) */
                    from?: string;
                    /** @description End of the period, exclusive (default: tomorrow 00:00 UTC, so today counts) */
                    to?: string;
                    /** @description `csv` answers exactly the figures of the JSON */
                    format?: "json" | "csv";
                    /** @description CSV only: keep the rows of one section (one chart) */
                    section?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            period: {
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                from: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                to: string;
                                /** @description The reporting currency of every money figure */
                                currency: string;
                                filters: {
                                    [key: string]: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                computedAt: string;
                            };
                            /** @description The period of equal length before, for trends */
                            previous: {
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                from: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                to: string;
                            };
                            headlines: {
                                metric: string;
                                label: string;
                                /** @enum {string} */
                                unit: "money" | "rate" | "count" | "ratio";
                                /** @description A money figure is in minor units of the reporting currency; a rate is a fraction 0–1 */
                                current: {
                                    value: number | null;
                                    /** @description Why there is no value, when there is none */
                                    reason?: string;
                                };
                                /** @description A money figure is in minor units of the reporting currency; a rate is a fraction 0–1 */
                                previous: {
                                    value: number | null;
                                    /** @description Why there is no value, when there is none */
                                    reason?: string;
                                };
                            }[];
                            trend: {
                                month: string;
                                /** @description A money figure is in minor units of the reporting currency; a rate is a fraction 0–1 */
                                sourced: {
                                    value: number | null;
                                    /** @description Why there is no value, when there is none */
                                    reason?: string;
                                };
                                /** @description A money figure is in minor units of the reporting currency; a rate is a fraction 0–1 */
                                influenced: {
                                    value: number | null;
                                    /** @description Why there is no value, when there is none */
                                    reason?: string;
                                };
                                /** @description A money figure is in minor units of the reporting currency; a rate is a fraction 0–1 */
                                touched: {
                                    value: number | null;
                                    /** @description Why there is no value, when there is none */
                                    reason?: string;
                                };
                                /** @description A money figure is in minor units of the reporting currency; a rate is a fraction 0–1 */
                                pipeline: {
                                    value: number | null;
                                    /** @description Why there is no value, when there is none */
                                    reason?: string;
                                };
                            }[];
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/revenue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sourced (by partner type and quarter), influenced and ecosystem-touched revenue; per-partner credit
         * @description `model` selects how influence credit is shared; ecosystem totals never depend on it. `format=csv` answers `text/csv` with exactly these figures (`section, item, series, value, unit, reason`; money in major units).
         */
        get: {
            parameters: {
                query?: {
                    /** @description Customer country of the deals (referrals: of the referral) */
                    country?: string;
                    /** @description Customer industry (NAICS sector) */
                    industry?: string;
                    /** @description Keeps deals with at least one involved partner of this primary type (sourced revenue: the sourced partner; referrals: the referrer) */
                    partnerType?: string;
                    /** @description …with an active enrollment in this program */
                    programId?: string;
                    /** @description …whose active enrollment is at this tier */
                    tierId?: string;
                    /** @description Start of the period, inclusive (default: 12 months before `to`) */
                    from?: string;
                    /** @description End of the period, exclusive (default: tomorrow 00:00 UTC, so today counts) */
                    to?: string;
                    /** @description `csv` answers exactly the figures of the JSON */
                    format?: "json" | "csv";
                    /** @description CSV only: keep the rows of one section (one chart) */
                    section?: string;
                    /** @description How influence credit is shared among partners */
                    model?: "even" | "first_touch" | "last_touch";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            period: {
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                from: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                to: string;
                                /** @description The reporting currency of every money figure */
                                currency: string;
                                filters: {
                                    [key: string]: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                computedAt: string;
                            };
                            /** @enum {string} */
                            model: "even" | "first_touch" | "last_touch";
                            totals: {
                                /** @description Every won deal, vendor-direct included */
                                allWon: {
                                    value: number | null;
                                    /** @description Why there is no value, when there is none */
                                    reason?: string;
                                };
                                wonDeals: number;
                                /** @description A money figure is in minor units of the reporting currency; a rate is a fraction 0–1 */
                                sourced: {
                                    value: number | null;
                                    /** @description Why there is no value, when there is none */
                                    reason?: string;
                                };
                                /** @description A money figure is in minor units of the reporting currency; a rate is a fraction 0–1 */
                                influenced: {
                                    value: number | null;
                                    /** @description Why there is no value, when there is none */
                                    reason?: string;
                                };
                                /** @description A money figure is in minor units of the reporting currency; a rate is a fraction 0–1 */
                                touched: {
                                    value: number | null;
                                    /** @description Why there is no value, when there is none */
                                    reason?: string;
                                };
                                /** @description A money figure is in minor units of the reporting currency; a rate is a fraction 0–1 */
                                vendorDirect: {
                                    value: number | null;
                                    /** @description Why there is no value, when there is none */
                                    reason?: string;
                                };
                                /** @description A money figure is in minor units of the reporting currency; a rate is a fraction 0–1 */
                                ecosystemShare: {
                                    value: number | null;
                                    /** @description Why there is no value, when there is none */
                                    reason?: string;
                                };
                            };
                            sourcedByType: {
                                partnerType: string;
                                partnerTypeName: string;
                                /** @description A money figure is in minor units of the reporting currency; a rate is a fraction 0–1 */
                                amount: {
                                    value: number | null;
                                    /** @description Why there is no value, when there is none */
                                    reason?: string;
                                };
                            }[];
                            quarters: {
                                label: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                from: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                to: string;
                                byType: {
                                    partnerType: string;
                                    amount: number;
                                }[];
                                totals: {
                                    /** @description Every won deal, vendor-direct included */
                                    allWon: {
                                        value: number | null;
                                        /** @description Why there is no value, when there is none */
                                        reason?: string;
                                    };
                                    wonDeals: number;
                                    /** @description A money figure is in minor units of the reporting currency; a rate is a fraction 0–1 */
                                    sourced: {
                                        value: number | null;
                                        /** @description Why there is no value, when there is none */
                                        reason?: string;
                                    };
                                    /** @description A money figure is in minor units of the reporting currency; a rate is a fraction 0–1 */
                                    influenced: {
                                        value: number | null;
                                        /** @description Why there is no value, when there is none */
                                        reason?: string;
                                    };
                                    /** @description A money figure is in minor units of the reporting currency; a rate is a fraction 0–1 */
                                    touched: {
                                        value: number | null;
                                        /** @description Why there is no value, when there is none */
                                        reason?: string;
                                    };
                                    /** @description A money figure is in minor units of the reporting currency; a rate is a fraction 0–1 */
                                    vendorDirect: {
                                        value: number | null;
                                        /** @description Why there is no value, when there is none */
                                        reason?: string;
                                    };
                                    /** @description A money figure is in minor units of the reporting currency; a rate is a fraction 0–1 */
                                    ecosystemShare: {
                                        value: number | null;
                                        /** @description Why there is no value, when there is none */
                                        reason?: string;
                                    };
                                };
                            }[];
                            /** @description Per-partner credit under the chosen model, highest first (at most 100) */
                            partners: {
                                organizationId: string;
                                name: string;
                                partnerType: string;
                                partnerTypeName: string;
                                sourcedCredit: number;
                                influenceCredit: number;
                                deals: number;
                            }[];
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/pipeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Ecosystem-influenced pipeline at the end of the period (or now) and at each month end
         * @description Open deals with at least one partner involved, converted at the rate in force on each date. `format=csv` answers `text/csv` with exactly these figures (`section, item, series, value, unit, reason`; money in major units).
         */
        get: {
            parameters: {
                query?: {
                    /** @description Customer country of the deals (referrals: of the referral) */
                    country?: string;
                    /** @description Customer industry (NAICS sector) */
                    industry?: string;
                    /** @description Keeps deals with at least one involved partner of this primary type (sourced revenue: the sourced partner; referrals: the referrer) */
                    partnerType?: string;
                    /** @description …with an active enrollment in this program */
                    programId?: string;
                    /** @description …whose active enrollment is at this tier */
                    tierId?: string;
                    /** @description Start of the period, inclusive (default: 12 months before `to`) */
                    from?: string;
                    /** @description End of the period, exclusive (default: tomorrow 00:00 UTC, so today counts) */
                    to?: string;
                    /** @description `csv` answers exactly the figures of the JSON */
                    format?: "json" | "csv";
                    /** @description CSV only: keep the rows of one section (one chart) */
                    section?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            period: {
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                from: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                to: string;
                                /** @description The reporting currency of every money figure */
                                currency: string;
                                filters: {
                                    [key: string]: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                computedAt: string;
                            };
                            /**
                             * Format: date-time
                             * @description The instant the headline pipeline is taken at
                             */
                            at: string;
                            /** @description A money figure is in minor units of the reporting currency; a rate is a fraction 0–1 */
                            pipeline: {
                                value: number | null;
                                /** @description Why there is no value, when there is none */
                                reason?: string;
                            };
                            openDeals: number;
                            byType: {
                                partnerType: string;
                                partnerTypeName: string;
                                amount: number;
                                deals: number;
                            }[];
                            series: {
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                at: string;
                                /** @description A money figure is in minor units of the reporting currency; a rate is a fraction 0–1 */
                                pipeline: {
                                    value: number | null;
                                    /** @description Why there is no value, when there is none */
                                    reason?: string;
                                };
                                openDeals: number;
                            }[];
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/referrals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Partner-to-partner referral activity, the type matrix, rates, referral-sourced revenue and fees owed
         * @description Partner filters apply to the referrer. `format=csv` answers `text/csv` with exactly these figures (`section, item, series, value, unit, reason`; money in major units).
         */
        get: {
            parameters: {
                query?: {
                    /** @description Customer country of the deals (referrals: of the referral) */
                    country?: string;
                    /** @description Customer industry (NAICS sector) */
                    industry?: string;
                    /** @description Keeps deals with at least one involved partner of this primary type (sourced revenue: the sourced partner; referrals: the referrer) */
                    partnerType?: string;
                    /** @description …with an active enrollment in this program */
                    programId?: string;
                    /** @description …whose active enrollment is at this tier */
                    tierId?: string;
                    /** @description Start of the period, inclusive (default: 12 months before `to`) */
                    from?: string;
                    /** @description End of the period, exclusive (default: tomorrow 00:00 UTC, so today counts) */
                    to?: string;
                    /** @description `csv` answers exactly the figures of the JSON */
                    format?: "json" | "csv";
                    /** @description CSV only: keep the rows of one section (one chart) */
                    section?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            period: {
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                from: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                to: string;
                                /** @description The reporting currency of every money figure */
                                currency: string;
                                filters: {
                                    [key: string]: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                computedAt: string;
                            };
                            total: number;
                            byStatus: {
                                status: string;
                                count: number;
                            }[];
                            convertedOutcomes: {
                                outcome: string;
                                count: number;
                            }[];
                            matrix: {
                                types: {
                                    code: string;
                                    name: string;
                                }[];
                                cells: {
                                    referrerType: string;
                                    recipientType: string;
                                    count: number;
                                }[];
                            };
                            funnel: {
                                stage: string;
                                count: number;
                            }[];
                            /** @description A money figure is in minor units of the reporting currency; a rate is a fraction 0–1 */
                            acceptanceRate: {
                                value: number | null;
                                /** @description Why there is no value, when there is none */
                                reason?: string;
                            };
                            /** @description A money figure is in minor units of the reporting currency; a rate is a fraction 0–1 */
                            conversionRate: {
                                value: number | null;
                                /** @description Why there is no value, when there is none */
                                reason?: string;
                            };
                            /** @description A money figure is in minor units of the reporting currency; a rate is a fraction 0–1 */
                            referralSourcedRevenue: {
                                value: number | null;
                                /** @description Why there is no value, when there is none */
                                reason?: string;
                            };
                            /** @description A money figure is in minor units of the reporting currency; a rate is a fraction 0–1 */
                            feesOwed: {
                                value: number | null;
                                /** @description Why there is no value, when there is none */
                                reason?: string;
                            };
                            /** @description Referrals to the vendor and public-locator leads created in the period, reported apart */
                            apart: {
                                toVendor: number;
                                locatorLeads: number;
                            };
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/coverage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Market cells served by active partners beside the direct coverage: multiplier and gaps
         * @description Coverage is the state now; the period is named for the record. `format=csv` answers `text/csv` with exactly these figures (`section, item, series, value, unit, reason`; money in major units).
         */
        get: {
            parameters: {
                query?: {
                    /** @description Customer country of the deals (referrals: of the referral) */
                    country?: string;
                    /** @description Customer industry (NAICS sector) */
                    industry?: string;
                    /** @description Keeps deals with at least one involved partner of this primary type (sourced revenue: the sourced partner; referrals: the referrer) */
                    partnerType?: string;
                    /** @description …with an active enrollment in this program */
                    programId?: string;
                    /** @description …whose active enrollment is at this tier */
                    tierId?: string;
                    /** @description Start of the period, inclusive (default: 12 months before `to`) */
                    from?: string;
                    /** @description End of the period, exclusive (default: tomorrow 00:00 UTC, so today counts) */
                    to?: string;
                    /** @description `csv` answers exactly the figures of the JSON */
                    format?: "json" | "csv";
                    /** @description CSV only: keep the rows of one section (one chart) */
                    section?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            period: {
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                from: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                to: string;
                                /** @description The reporting currency of every money figure */
                                currency: string;
                                filters: {
                                    [key: string]: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                computedAt: string;
                            };
                            /**
                             * Format: date-time
                             * @description Coverage is the state now: active partners and what they serve
                             */
                            asOf: string;
                            /** @enum {string} */
                            label: "multiplier" | "cells_covered";
                            direct: {
                                cells: number;
                                countries: number;
                                industries: number;
                            };
                            combined: {
                                cells: number;
                                countries: number;
                                industries: number;
                            };
                            multiplier: {
                                /** @description A money figure is in minor units of the reporting currency; a rate is a fraction 0–1 */
                                cells: {
                                    value: number | null;
                                    /** @description Why there is no value, when there is none */
                                    reason?: string;
                                };
                                /** @description A money figure is in minor units of the reporting currency; a rate is a fraction 0–1 */
                                countries: {
                                    value: number | null;
                                    /** @description Why there is no value, when there is none */
                                    reason?: string;
                                };
                                /** @description A money figure is in minor units of the reporting currency; a rate is a fraction 0–1 */
                                industries: {
                                    value: number | null;
                                    /** @description Why there is no value, when there is none */
                                    reason?: string;
                                };
                            };
                            activePartners: number;
                            countries: {
                                country: string;
                                partners: number;
                                cells: number;
                                direct: boolean;
                            }[];
                            cells: {
                                country: string;
                                industry: string;
                                partners: number;
                                direct: boolean;
                            }[];
                            /** @description Direct cells that no active partner serves */
                            gaps: {
                                country: string;
                                industry: string;
                            }[];
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/integrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Integration-driven adoption: (a) share of won deals, (b) share of customers, (c) revenue
         * @description Customers (b) are counted over all time. `format=csv` answers `text/csv` with exactly these figures (`section, item, series, value, unit, reason`; money in major units).
         */
        get: {
            parameters: {
                query?: {
                    /** @description Customer country of the deals (referrals: of the referral) */
                    country?: string;
                    /** @description Customer industry (NAICS sector) */
                    industry?: string;
                    /** @description Keeps deals with at least one involved partner of this primary type (sourced revenue: the sourced partner; referrals: the referrer) */
                    partnerType?: string;
                    /** @description …with an active enrollment in this program */
                    programId?: string;
                    /** @description …whose active enrollment is at this tier */
                    tierId?: string;
                    /** @description Start of the period, inclusive (default: 12 months before `to`) */
                    from?: string;
                    /** @description End of the period, exclusive (default: tomorrow 00:00 UTC, so today counts) */
                    to?: string;
                    /** @description `csv` answers exactly the figures of the JSON */
                    format?: "json" | "csv";
                    /** @description CSV only: keep the rows of one section (one chart) */
                    section?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            period: {
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                from: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                to: string;
                                /** @description The reporting currency of every money figure */
                                currency: string;
                                filters: {
                                    [key: string]: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                computedAt: string;
                            };
                            wonDeals: number;
                            wonWithIntegration: number;
                            /** @description (a) share of won deals with an integration involvement */
                            dealShare: {
                                value: number | null;
                                /** @description Why there is no value, when there is none */
                                reason?: string;
                            };
                            /** @description Distinct customer domains with a won deal, ever */
                            customers: number;
                            customersWithInstall: number;
                            /** @description (b) those with an installed partner integration */
                            customerShare: {
                                value: number | null;
                                /** @description Why there is no value, when there is none */
                                reason?: string;
                            };
                            /** @description (c) revenue of the deals in (a) */
                            revenue: {
                                value: number | null;
                                /** @description Why there is no value, when there is none */
                                reason?: string;
                            };
                            byIntegration: {
                                listingId: string;
                                name: string;
                                organizationId: string;
                                partnerName: string;
                                installs: number;
                                customersWithWonDeal: number;
                            }[];
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/network": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Network effects: participation, density, network revenue share, connectors, clusters and the graph
         * @description The graph covers the 12 months before `to`. PageRank, clusters and the layout come from a background job and carry the time they were computed; a large graph not yet computed answers `status: computing`. Partner filters select the nodes of the figures (customer filters apply to the network revenue share only); the drawn graph follows them when it is small enough to compute on request (`graph.filtered`), else it is the whole ecosystem's. `format=csv` answers `text/csv` with exactly these figures (`section, item, series, value, unit, reason`; money in major units).
         */
        get: {
            parameters: {
                query?: {
                    /** @description Customer country of the deals (referrals: of the referral) */
                    country?: string;
                    /** @description Customer industry (NAICS sector) */
                    industry?: string;
                    /** @description Keeps deals with at least one involved partner of this primary type (sourced revenue: the sourced partner; referrals: the referrer) */
                    partnerType?: string;
                    /** @description …with an active enrollment in this program */
                    programId?: string;
                    /** @description …whose active enrollment is at this tier */
                    tierId?: string;
                    /** @description Start of the period, inclusive (default: 12 months before `to`) */
                    from?: string;
                    /** @description End of the period, exclusive (default: tomorrow 00:00 UTC, so today counts) */
                    to?: string;
                    /** @description `csv` answers exactly the figures of the JSON */
                    format?: "json" | "csv";
                    /** @description CSV only: keep the rows of one section (one chart) */
                    section?: string;
                    /** @description Also compute betweenness centrality (slow on large graphs) */
                    betweenness?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            period: {
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                from: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                to: string;
                                /** @description The reporting currency of every money figure */
                                currency: string;
                                filters: {
                                    [key: string]: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                computedAt: string;
                            };
                            window: {
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                from: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                to: string;
                            };
                            nodes: number;
                            edges: number;
                            /** @description A money figure is in minor units of the reporting currency; a rate is a fraction 0–1 */
                            participationRate: {
                                value: number | null;
                                /** @description Why there is no value, when there is none */
                                reason?: string;
                            };
                            /** @description A money figure is in minor units of the reporting currency; a rate is a fraction 0–1 */
                            density: {
                                value: number | null;
                                /** @description Why there is no value, when there is none */
                                reason?: string;
                            };
                            /** @description A money figure is in minor units of the reporting currency; a rate is a fraction 0–1 */
                            networkRevenueShare: {
                                value: number | null;
                                /** @description Why there is no value, when there is none */
                                reason?: string;
                            };
                            series: {
                                month: string;
                                /** @description A money figure is in minor units of the reporting currency; a rate is a fraction 0–1 */
                                participationRate: {
                                    value: number | null;
                                    /** @description Why there is no value, when there is none */
                                    reason?: string;
                                };
                                /** @description A money figure is in minor units of the reporting currency; a rate is a fraction 0–1 */
                                density: {
                                    value: number | null;
                                    /** @description Why there is no value, when there is none */
                                    reason?: string;
                                };
                                /** @description A money figure is in minor units of the reporting currency; a rate is a fraction 0–1 */
                                networkRevenueShare: {
                                    value: number | null;
                                    /** @description Why there is no value, when there is none */
                                    reason?: string;
                                };
                            }[];
                            graph: {
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                computedAt: string;
                                /** @enum {string} */
                                status: "ready" | "computing";
                                nodes: {
                                    id: string;
                                    name: string;
                                    partnerType: string;
                                    partnerTypeName: string;
                                    degree: number;
                                    pagerank: number;
                                    cluster: number;
                                    betweenness?: number;
                                    x: number;
                                    y: number;
                                }[];
                                edges: {
                                    source: string;
                                    target: string;
                                    weight: number;
                                }[];
                                clusters: {
                                    id: number;
                                    size: number;
                                    topPartner: string;
                                }[];
                                /** @description Large graphs are drawn with their highest-PageRank nodes only */
                                drawnNodes: number;
                                /** @description Whether the partner filters narrowed the drawn graph (only a graph small enough to compute on request is) */
                                filtered: boolean;
                                /** @description Nodes of the whole graph (the drawn graph ignores filters) */
                                totalNodes: number;
                            } | null;
                            connectors: {
                                organizationId: string;
                                name: string;
                                partnerType: string;
                                partnerTypeName: string;
                                pagerank: number;
                                degree: number;
                                cluster: number;
                                betweenness?: number;
                            }[];
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/analytics/partners/{id}/scorecard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A partner’s revenue, pipeline, referrals, engagement, health and tier progress, with benchmarks
         * @description A partner reads only its own (others answer 404). Benchmarks are means of 5 peers (the other active organizations of its primary type) ranked around the 25th percentile, the median and the 75th percentile, shown only when there are at least 5. `format=csv` answers `text/csv` with exactly these figures (`section, item, series, value, unit, reason`; money in major units).
         */
        get: {
            parameters: {
                query?: {
                    /** @description Start of the period, inclusive (default: 12 months before `to`) */
                    from?: string;
                    /** @description End of the period, exclusive (default: tomorrow 00:00 UTC, so today counts) */
                    to?: string;
                    /** @description `csv` answers exactly the figures of the JSON */
                    format?: "json" | "csv";
                    /** @description CSV only: keep the rows of one section (one chart) */
                    section?: string;
                    model?: "even" | "first_touch" | "last_touch";
                };
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            partner: {
                                id: string;
                                name: string;
                                partnerType: string;
                                partnerTypeName: string;
                                status: string;
                            };
                            period: {
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                from: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                to: string;
                                /** @description The reporting currency of every money figure */
                                currency: string;
                                filters: {
                                    [key: string]: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                computedAt: string;
                            };
                            /** @enum {string} */
                            model: "even" | "first_touch" | "last_touch";
                            revenue: {
                                /** @description A money figure is in minor units of the reporting currency; a rate is a fraction 0–1 */
                                sourced: {
                                    value: number | null;
                                    /** @description Why there is no value, when there is none */
                                    reason?: string;
                                };
                                /** @description A money figure is in minor units of the reporting currency; a rate is a fraction 0–1 */
                                influenceCredit: {
                                    value: number | null;
                                    /** @description Why there is no value, when there is none */
                                    reason?: string;
                                };
                                wonDeals: number;
                            };
                            pipeline: {
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                at: string;
                                /** @description A money figure is in minor units of the reporting currency; a rate is a fraction 0–1 */
                                value: {
                                    value: number | null;
                                    /** @description Why there is no value, when there is none */
                                    reason?: string;
                                };
                                openDeals: number;
                            };
                            referrals: {
                                sent: number;
                                received: number;
                                /** @description A money figure is in minor units of the reporting currency; a rate is a fraction 0–1 */
                                acceptanceRate: {
                                    value: number | null;
                                    /** @description Why there is no value, when there is none */
                                    reason?: string;
                                };
                                /** @description A money figure is in minor units of the reporting currency; a rate is a fraction 0–1 */
                                conversionRate: {
                                    value: number | null;
                                    /** @description Why there is no value, when there is none */
                                    reason?: string;
                                };
                                /** @description A money figure is in minor units of the reporting currency; a rate is a fraction 0–1 */
                                feesEarned: {
                                    value: number | null;
                                    /** @description Why there is no value, when there is none */
                                    reason?: string;
                                };
                            };
                            engagement: {
                                score: number;
                                windowDays: number;
                                activities: {
                                    kind: string;
                                    label: string;
                                    count: number;
                                    weight: number;
                                    points: number;
                                    /** @description False while no module records this activity (it counts 0) */
                                    measured: boolean;
                                }[];
                            };
                            health: {
                                /** @description 0–100 */
                                score: {
                                    value: number | null;
                                    /** @description Why there is no value, when there is none */
                                    reason?: string;
                                };
                                /** @description 0–1, weight 40% */
                                attainment: number;
                                /** @description 0–1 within its primary partner type, weight 30%; hidden from a partner with fewer than 5 peers */
                                engagementPercentile: number | null;
                                engagementPercentileReason?: string;
                                /** @description 0–100, weight 30% */
                                recency: number;
                                lastActivityAt: string | null;
                            };
                            tiers: {
                                enrollmentId: string;
                                programId: string;
                                programName: string;
                                currentTier: string | null;
                                targetTier: string | null;
                                attainment: number;
                                requirements: {
                                    metric: string;
                                    label: string;
                                    value: number | null;
                                    /** @description Why there is no value, when there is none */
                                    reason?: string;
                                    threshold: number;
                                    attainment: number;
                                }[];
                            }[];
                            benchmarks: {
                                metric: string;
                                label: string;
                                money: boolean;
                                /** @description A money figure is in minor units of the reporting currency; a rate is a fraction 0–1 */
                                you: {
                                    value: number | null;
                                    /** @description Why there is no value, when there is none */
                                    reason?: string;
                                };
                                /** @description How many other organizations of the type the benchmark is drawn from (at least 5; 0 when none is shown) */
                                organizations: number;
                                /** @description Why no benchmark is shown, when none is */
                                reason?: string;
                                /** @description Means of 5 peers ranked around the 25th percentile, the median and the 75th percentile (never one peer’s figure); quartiles that fall on the same 5 peers share one band */
                                bands: {
                                    /** @description Stable name of the band, e.g. mean_ranks_1_5 */
                                    key: string;
                                    /** @description What the figure is, in words: "Mean of peers ranked 1–5 of 6, around the 25th percentile" */
                                    statistic: string;
                                    /** @description Lowest rank averaged (1 = the lowest value) */
                                    fromRank: number;
                                    toRank: number;
                                    /** @description A money figure is in minor units of the reporting currency; a rate is a fraction 0–1 */
                                    value: {
                                        value: number | null;
                                        /** @description Why there is no value, when there is none */
                                        reason?: string;
                                    };
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List webhook subscriptions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                url: string;
                                description: string;
                                eventTypes: string[];
                                /** @enum {string} */
                                status: "active" | "disabled";
                                /** @description The first characters of the signing secret, to tell secrets apart */
                                secretPrefix: string;
                                /** @description After a rotation, the old secret also signs until then */
                                previousSecretExpiresAt: string | null;
                                version: number;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                createdAt: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Subscribe a URL to event types
         * @description Deliveries are POSTs signed per Standard Webhooks (webhook-id = the event id, webhook-timestamp, webhook-signature `v1,<base64 HMAC-SHA256>`), retried with backoff for WEBHOOK_RETRY_HOURS. The secret is in this response only. A URL resolving to a loopback, link-local or private address answers 400 unless WEBHOOK_ALLOW_PRIVATE is set.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: uri
                         * @description Where events are POSTed; loopback, link-local and private addresses are refused unless the operator allows them
                         */
                        url: string;
                        /** @default  */
                        description?: string;
                        eventTypes: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            url: string;
                            description: string;
                            eventTypes: string[];
                            /** @enum {string} */
                            status: "active" | "disabled";
                            /** @description The first characters of the signing secret, to tell secrets apart */
                            secretPrefix: string;
                            /** @description After a rotation, the old secret also signs until then */
                            previousSecretExpiresAt: string | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                            /** @description The signing secret (whsec_…), shown only now */
                            secret: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a webhook */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            url: string;
                            description: string;
                            eventTypes: string[];
                            /** @enum {string} */
                            status: "active" | "disabled";
                            /** @description The first characters of the signing secret, to tell secrets apart */
                            secretPrefix: string;
                            /** @description After a rotation, the old secret also signs until then */
                            previousSecretExpiresAt: string | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a webhook and its delivery log */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Change a webhook (URL, event types, description, active or disabled)
         * @description While a webhook is disabled nothing is queued or sent to it; events of that time are not sent when it is enabled again.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The version you last read; a stale one answers 409 */
                        version: number;
                        /**
                         * Format: uri
                         * @description Where events are POSTed; loopback, link-local and private addresses are refused unless the operator allows them
                         */
                        url?: string;
                        description?: string;
                        eventTypes?: string[];
                        /** @enum {string} */
                        status?: "active" | "disabled";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            url: string;
                            description: string;
                            eventTypes: string[];
                            /** @enum {string} */
                            status: "active" | "disabled";
                            /** @description The first characters of the signing secret, to tell secrets apart */
                            secretPrefix: string;
                            /** @description After a rotation, the old secret also signs until then */
                            previousSecretExpiresAt: string | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the signing secret
         * @description The new secret is in this response only; the old one keeps signing beside it for 24 hours.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The version you last read; a stale one answers 409 */
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            url: string;
                            description: string;
                            eventTypes: string[];
                            /** @enum {string} */
                            status: "active" | "disabled";
                            /** @description The first characters of the signing secret, to tell secrets apart */
                            secretPrefix: string;
                            /** @description After a rotation, the old secret also signs until then */
                            previousSecretExpiresAt: string | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                            /** @description The signing secret (whsec_…), shown only now */
                            secret: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a webhook.test event to this endpoint */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description The webhook-id header: the same on every attempt and replay */
                            eventId: string;
                            eventType: string;
                            /** @enum {string} */
                            status: "pending" | "delivered" | "failed";
                            attempts: number;
                            nextAttemptAt: string | null;
                            lastStatusCode: number | null;
                            lastError: string | null;
                            lastAttemptAt: string | null;
                            deliveredAt: string | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            log: {
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                at: string;
                                statusCode: number | null;
                                error: string | null;
                                ms: number;
                            }[];
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The delivery log: every event sent, its attempts and response codes (newest first) */
        get: {
            parameters: {
                query?: {
                    status?: "pending" | "delivered" | "failed";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @description The webhook-id header: the same on every attempt and replay */
                                eventId: string;
                                eventType: string;
                                /** @enum {string} */
                                status: "pending" | "delivered" | "failed";
                                attempts: number;
                                nextAttemptAt: string | null;
                                lastStatusCode: number | null;
                                lastError: string | null;
                                lastAttemptAt: string | null;
                                deliveredAt: string | null;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                createdAt: string;
                                log: {
                                    /**
                                     * Format: date-time
                                     * @description ISO-8601 UTC timestamp
                                     */
                                    at: string;
                                    statusCode: number | null;
                                    error: string | null;
                                    ms: number;
                                }[];
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries/{deliveryId}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a delivery again now (same webhook-id and body)
         * @description One more attempt now, then the usual retries while the delivery is within WEBHOOK_RETRY_HOURS of its creation.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    deliveryId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description The webhook-id header: the same on every attempt and replay */
                            eventId: string;
                            eventType: string;
                            /** @enum {string} */
                            status: "pending" | "delivered" | "failed";
                            attempts: number;
                            nextAttemptAt: string | null;
                            lastStatusCode: number | null;
                            lastError: string | null;
                            lastAttemptAt: string | null;
                            deliveredAt: string | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            log: {
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                at: string;
                                statusCode: number | null;
                                error: string | null;
                                ms: number;
                            }[];
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/partners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export partners (CSV or JSON, streamed)
         * @description Every record the list endpoint would show you, in one download: CSV with a header row (nested fields as dotted columns, lists as JSON) or a JSON array. Streamed page by page, so any size fits.
         */
        get: {
            parameters: {
                query?: {
                    format?: "csv" | "json";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export users (CSV or JSON, streamed)
         * @description Every record the list endpoint would show you, in one download: CSV with a header row (nested fields as dotted columns, lists as JSON) or a JSON array. Streamed page by page, so any size fits.
         */
        get: {
            parameters: {
                query?: {
                    format?: "csv" | "json";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/enrollments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export enrollments (CSV or JSON, streamed)
         * @description Every record the list endpoint would show you, in one download: CSV with a header row (nested fields as dotted columns, lists as JSON) or a JSON array. Streamed page by page, so any size fits.
         */
        get: {
            parameters: {
                query?: {
                    format?: "csv" | "json";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/deals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export deals (CSV or JSON, streamed)
         * @description Every record the list endpoint would show you, in one download: CSV with a header row (nested fields as dotted columns, lists as JSON) or a JSON array. Streamed page by page, so any size fits.
         */
        get: {
            parameters: {
                query?: {
                    format?: "csv" | "json";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/referrals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export referrals (CSV or JSON, streamed)
         * @description Every record the list endpoint would show you, in one download: CSV with a header row (nested fields as dotted columns, lists as JSON) or a JSON array. Streamed page by page, so any size fits.
         */
        get: {
            parameters: {
                query?: {
                    format?: "csv" | "json";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/connections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export connections (CSV or JSON, streamed)
         * @description Every record the list endpoint would show you, in one download: CSV with a header row (nested fields as dotted columns, lists as JSON) or a JSON array. Streamed page by page, so any size fits.
         */
        get: {
            parameters: {
                query?: {
                    format?: "csv" | "json";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/exports/fx-rates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export fx-rates (CSV or JSON, streamed)
         * @description Every record the list endpoint would show you, in one download: CSV with a header row (nested fields as dotted columns, lists as JSON) or a JSON array. Streamed page by page, so any size fits.
         */
        get: {
            parameters: {
                query?: {
                    format?: "csv" | "json";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What can be imported: each type’s fields, key and dependencies */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @enum {string} */
                                type: "partners" | "users" | "enrollments" | "connections" | "referrals" | "fx-rates" | "deals";
                                label: string;
                                /** @description What identifies a record: a re-import with the same key updates it */
                                key: string;
                                /** @description Types whose records its rows refer to: import those first */
                                dependsOn: ("partners" | "users" | "enrollments" | "connections" | "referrals" | "fx-rates" | "deals")[];
                                fields: {
                                    /** @description The field, e.g. customerName */
                                    key: string;
                                    label: string;
                                    required: boolean;
                                    description: string;
                                    example: string;
                                    /** @description Column names mapped to it without asking (case and punctuation ignored) */
                                    aliases: string[];
                                }[];
                            }[];
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List imports, newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    type?: "partners" | "users" | "enrollments" | "connections" | "referrals" | "fx-rates" | "deals";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @enum {string} */
                                type: "partners" | "users" | "enrollments" | "connections" | "referrals" | "fx-rates" | "deals";
                                fileName: string;
                                encoding: string;
                                bytes: number;
                                /** @description The file's header row */
                                columns: string[];
                                /** @description Fields matched to columns by name */
                                suggestedMapping: {
                                    [key: string]: string;
                                };
                                /** @description The mapping of the last dry run */
                                mapping: {
                                    [key: string]: string;
                                } | null;
                                /** @description The value mapping of the last dry run; null: each value was read as the code it most likely means */
                                valueMapping: {
                                    [key: string]: {
                                        [key: string]: string;
                                    };
                                } | null;
                                /** @enum {string} */
                                status: "uploading" | "uploaded" | "validating" | "validated" | "invalid" | "committing" | "committed" | "failed" | "interrupted";
                                progress: {
                                    /** @description Rows read by the run in progress, or the last run */
                                    rows: number;
                                    bytes: number;
                                    /** @description 0–1 of the file read */
                                    fraction: number;
                                };
                                totalRows: number | null;
                                errorRows: number;
                                errorCount: number;
                                /** @description Rows a commit of only the valid rows left out (the rejected rows, downloadable as a file) */
                                skipped: number;
                                /** @description Records the commit created */
                                created: number;
                                /** @description Records the commit updated */
                                updated: number;
                                /** @description Why the last run stopped */
                                failure: string | null;
                                validatedAt: string | null;
                                committedAt: string | null;
                                createdBy: {
                                    id: string;
                                    name: string;
                                } | null;
                                version: number;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                createdAt: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Upload a CSV file (the request body, `text/csv`)
         * @description The body is the file itself (`Content-Type: text/csv`), streamed into storage; the answer has its header row and a suggested mapping of columns to fields. Limit: IMPORT_MAX_BYTES (413 beyond). A file that is not text in `encoding`, empty, or without a header row answers 400 and nothing is kept.
         */
        post: {
            parameters: {
                query: {
                    type: "partners" | "users" | "enrollments" | "connections" | "referrals" | "fx-rates" | "deals";
                    fileName?: string;
                    /** @description The file’s character encoding; text that is not valid in it is refused */
                    encoding?: "utf-8" | "windows-1252" | "iso-8859-1" | "utf-16le";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            type: "partners" | "users" | "enrollments" | "connections" | "referrals" | "fx-rates" | "deals";
                            fileName: string;
                            encoding: string;
                            bytes: number;
                            /** @description The file's header row */
                            columns: string[];
                            /** @description Fields matched to columns by name */
                            suggestedMapping: {
                                [key: string]: string;
                            };
                            /** @description The mapping of the last dry run */
                            mapping: {
                                [key: string]: string;
                            } | null;
                            /** @description The value mapping of the last dry run; null: each value was read as the code it most likely means */
                            valueMapping: {
                                [key: string]: {
                                    [key: string]: string;
                                };
                            } | null;
                            /** @enum {string} */
                            status: "uploading" | "uploaded" | "validating" | "validated" | "invalid" | "committing" | "committed" | "failed" | "interrupted";
                            progress: {
                                /** @description Rows read by the run in progress, or the last run */
                                rows: number;
                                bytes: number;
                                /** @description 0–1 of the file read */
                                fraction: number;
                            };
                            totalRows: number | null;
                            errorRows: number;
                            errorCount: number;
                            /** @description Rows a commit of only the valid rows left out (the rejected rows, downloadable as a file) */
                            skipped: number;
                            /** @description Records the commit created */
                            created: number;
                            /** @description Records the commit updated */
                            updated: number;
                            /** @description Why the last run stopped */
                            failure: string | null;
                            validatedAt: string | null;
                            committedAt: string | null;
                            createdBy: {
                                id: string;
                                name: string;
                            } | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/mappings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Saved column mappings */
        get: {
            parameters: {
                query?: {
                    type?: "partners" | "users" | "enrollments" | "connections" | "referrals" | "fx-rates" | "deals";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @enum {string} */
                                type: "partners" | "users" | "enrollments" | "connections" | "referrals" | "fx-rates" | "deals";
                                name: string;
                                mapping: {
                                    [key: string]: string;
                                };
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                updatedAt: string;
                            }[];
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Save a column mapping by name (the same name replaces it) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        type: "partners" | "users" | "enrollments" | "connections" | "referrals" | "fx-rates" | "deals";
                        name: string;
                        mapping: {
                            [key: string]: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            type: "partners" | "users" | "enrollments" | "connections" | "referrals" | "fx-rates" | "deals";
                            name: string;
                            mapping: {
                                [key: string]: string;
                            };
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/mappings/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a saved mapping */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An import, with its progress */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            type: "partners" | "users" | "enrollments" | "connections" | "referrals" | "fx-rates" | "deals";
                            fileName: string;
                            encoding: string;
                            bytes: number;
                            /** @description The file's header row */
                            columns: string[];
                            /** @description Fields matched to columns by name */
                            suggestedMapping: {
                                [key: string]: string;
                            };
                            /** @description The mapping of the last dry run */
                            mapping: {
                                [key: string]: string;
                            } | null;
                            /** @description The value mapping of the last dry run; null: each value was read as the code it most likely means */
                            valueMapping: {
                                [key: string]: {
                                    [key: string]: string;
                                };
                            } | null;
                            /** @enum {string} */
                            status: "uploading" | "uploaded" | "validating" | "validated" | "invalid" | "committing" | "committed" | "failed" | "interrupted";
                            progress: {
                                /** @description Rows read by the run in progress, or the last run */
                                rows: number;
                                bytes: number;
                                /** @description 0–1 of the file read */
                                fraction: number;
                            };
                            totalRows: number | null;
                            errorRows: number;
                            errorCount: number;
                            /** @description Rows a commit of only the valid rows left out (the rejected rows, downloadable as a file) */
                            skipped: number;
                            /** @description Records the commit created */
                            created: number;
                            /** @description Records the commit updated */
                            updated: number;
                            /** @description Why the last run stopped */
                            failure: string | null;
                            validatedAt: string | null;
                            committedAt: string | null;
                            createdBy: {
                                id: string;
                                name: string;
                            } | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete an import’s file and report (the records it imported stay) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{id}/dry-run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check every row against the mapping; nothing is imported
         * @description Runs in the background: poll the import for progress. It ends `validated` (no errors: it may be committed) or `invalid` (see /errors). Without `mapping`, the suggested one is used.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The version you last read; a stale one answers 409 */
                        version: number;
                        /** @description Defaults to the suggested mapping */
                        mapping?: {
                            [key: string]: string;
                        };
                        /** @description Values as written → codes, for the coded fields (see /values); exactly these are mapped. Without it, each value is read as the code it most likely means */
                        values?: {
                            [key: string]: {
                                [key: string]: string;
                            };
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            type: "partners" | "users" | "enrollments" | "connections" | "referrals" | "fx-rates" | "deals";
                            fileName: string;
                            encoding: string;
                            bytes: number;
                            /** @description The file's header row */
                            columns: string[];
                            /** @description Fields matched to columns by name */
                            suggestedMapping: {
                                [key: string]: string;
                            };
                            /** @description The mapping of the last dry run */
                            mapping: {
                                [key: string]: string;
                            } | null;
                            /** @description The value mapping of the last dry run; null: each value was read as the code it most likely means */
                            valueMapping: {
                                [key: string]: {
                                    [key: string]: string;
                                };
                            } | null;
                            /** @enum {string} */
                            status: "uploading" | "uploaded" | "validating" | "validated" | "invalid" | "committing" | "committed" | "failed" | "interrupted";
                            progress: {
                                /** @description Rows read by the run in progress, or the last run */
                                rows: number;
                                bytes: number;
                                /** @description 0–1 of the file read */
                                fraction: number;
                            };
                            totalRows: number | null;
                            errorRows: number;
                            errorCount: number;
                            /** @description Rows a commit of only the valid rows left out (the rejected rows, downloadable as a file) */
                            skipped: number;
                            /** @description Records the commit created */
                            created: number;
                            /** @description Records the commit updated */
                            updated: number;
                            /** @description Why the last run stopped */
                            failure: string | null;
                            validatedAt: string | null;
                            committedAt: string | null;
                            createdBy: {
                                id: string;
                                name: string;
                            } | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{id}/values": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The value mapping to confirm before a dry run (nothing is written)
         * @description For each mapped field that takes codes (countries, partner types, statuses): the values of its column that are not codes as written, how many rows have each, and the code each most likely means ("Germany" → DE, "DEU" → DE, "Reseller" → reseller). Send the confirmed mapping as the dry run’s `values`. Reads the whole file.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Defaults to the suggested mapping */
                        mapping?: {
                            [key: string]: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                field: string;
                                label: string;
                                /** @description The file’s column the field is read from */
                                column: string;
                                /** @description What a value is, e.g. “a country code” */
                                what: string;
                                /** @description The codes the field takes */
                                choices: {
                                    value: string;
                                    label: string;
                                }[];
                                /** @description Values that are not codes as written, most frequent first */
                                values: {
                                    /** @description As written in the file */
                                    value: string;
                                    /** @description Rows that have it */
                                    rows: number;
                                    /** @description The code it most likely means; null when none */
                                    suggestion: string | null;
                                }[];
                                /** @description More distinct values than listed */
                                truncated: boolean;
                            }[];
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{id}/rejected": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The rows the last dry run rejected, as a CSV file to fix and import again
         * @description The file’s own columns as uploaded, then `Row` (its row in the uploaded file, the header being row 1) and `Error` (what is wrong). Once fixed, it imports like the original: the two added columns are not mapped. 409 before a dry run, or when it rejected nothing.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{id}/commit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import the rows of a file whose dry run found no errors (or, with onlyValid, its valid rows)
         * @description Runs in the background, in batches of 500 rows, each one transaction. Records are matched by their key (external id, e-mail, …): a re-run updates them, so running it again after an interruption reaches the same end state. With `onlyValid`, the rows the dry run rejected are left out (GET /rejected downloads them to fix and import again).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The version you last read; a stale one answers 409 */
                        version: number;
                        /**
                         * @description Commit the rows the dry run found valid and leave out the rest (GET /rejected downloads them); without it, only a dry run without errors can be committed
                         * @default false
                         */
                        onlyValid?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            type: "partners" | "users" | "enrollments" | "connections" | "referrals" | "fx-rates" | "deals";
                            fileName: string;
                            encoding: string;
                            bytes: number;
                            /** @description The file's header row */
                            columns: string[];
                            /** @description Fields matched to columns by name */
                            suggestedMapping: {
                                [key: string]: string;
                            };
                            /** @description The mapping of the last dry run */
                            mapping: {
                                [key: string]: string;
                            } | null;
                            /** @description The value mapping of the last dry run; null: each value was read as the code it most likely means */
                            valueMapping: {
                                [key: string]: {
                                    [key: string]: string;
                                };
                            } | null;
                            /** @enum {string} */
                            status: "uploading" | "uploaded" | "validating" | "validated" | "invalid" | "committing" | "committed" | "failed" | "interrupted";
                            progress: {
                                /** @description Rows read by the run in progress, or the last run */
                                rows: number;
                                bytes: number;
                                /** @description 0–1 of the file read */
                                fraction: number;
                            };
                            totalRows: number | null;
                            errorRows: number;
                            errorCount: number;
                            /** @description Rows a commit of only the valid rows left out (the rejected rows, downloadable as a file) */
                            skipped: number;
                            /** @description Records the commit created */
                            created: number;
                            /** @description Records the commit updated */
                            updated: number;
                            /** @description Why the last run stopped */
                            failure: string | null;
                            validatedAt: string | null;
                            committedAt: string | null;
                            createdBy: {
                                id: string;
                                name: string;
                            } | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{id}/errors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The last dry run’s report: every bad row and field, in file order */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                /** @description As a spreadsheet numbers it: the header is row 1 */
                                row: number;
                                field: string | null;
                                column: string | null;
                                value: string | null;
                                message: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/emails": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The email outbox: every message sent (or, without SMTP_URL, written to the log), newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                to: string;
                                subject: string;
                                /** @enum {string} */
                                transport: "smtp" | "log";
                                /** @enum {string} */
                                status: "sent" | "failed" | "logged";
                                error: string | null;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                createdAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/emails/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One email; its text and HTML are kept only when it was written to the log (no SMTP_URL) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            to: string;
                            subject: string;
                            /** @enum {string} */
                            transport: "smtp" | "log";
                            /** @enum {string} */
                            status: "sent" | "failed" | "logged";
                            error: string | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            text: string | null;
                            html: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/unsubscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Turn the daily digest off, from the link at the foot of a digest
         * @description The token is signed for one user and one purpose; any invalid token answers 400 alike. Idempotent: a second click answers the same. A browser (Accept: text/html) gets a short HTML page saying so, any other client this JSON.
         */
        get: {
            parameters: {
                query: {
                    /** @description The signed token from the link at the foot of the email */
                    token: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            emailDigest: false;
                            message: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/profiles/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A partner's marketplace profile
         * @description The organization itself and the vendor read the draft too; other partners only the published profile (404 when unpublished).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            organizationId: string;
                            name: string;
                            partnerTypes: {
                                code: string;
                                name: string;
                                primary: boolean;
                            }[];
                            /**
                             * @description unpublished: was published, then withdrawn
                             * @enum {string}
                             */
                            status: "draft" | "published" | "unpublished";
                            /** @description The working copy: the organization and the vendor only; null for anyone else */
                            draft: {
                                description: string;
                                logoUrl: string | null;
                                website: string | null;
                                services: string[];
                                specializations: string[];
                                industries: string[];
                                countries: string[];
                                certifications: {
                                    name: string;
                                    issuer?: string;
                                    year?: number;
                                }[];
                                integrations: string[];
                                caseStudies: {
                                    title: string;
                                    customer?: string;
                                    summary: string;
                                    url?: string;
                                }[];
                                languages: string[];
                                contactEmail: string | null;
                                contactUrl: string | null;
                                showBadges: boolean;
                            } | null;
                            /** @description What others see; null until published */
                            published: {
                                description: string;
                                logoUrl: string | null;
                                website: string | null;
                                services: string[];
                                specializations: string[];
                                industries: string[];
                                countries: string[];
                                certifications: {
                                    name: string;
                                    issuer?: string;
                                    year?: number;
                                }[];
                                integrations: string[];
                                caseStudies: {
                                    title: string;
                                    customer?: string;
                                    summary: string;
                                    url?: string;
                                }[];
                                languages: string[];
                                contactEmail: string | null;
                                contactUrl: string | null;
                                showBadges: boolean;
                            } | null;
                            /** @description Tier badges shown on the published profile */
                            badges: {
                                program: string;
                                tier: string;
                                label: string;
                            }[];
                            hasUnpublishedChanges: boolean | null;
                            publishedAt: string | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit your profile draft (partner admin)
         * @description Changes stay in the draft until published.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The version you last read; a stale one answers 409 */
                        version: number;
                        description?: string;
                        logoUrl?: string | null;
                        website?: string | null;
                        services?: string[];
                        specializations?: string[];
                        industries?: string[];
                        countries?: string[];
                        certifications?: {
                            name: string;
                            issuer?: string;
                            year?: number;
                        }[];
                        /** @description Products the partner integrates with or supports */
                        integrations?: string[];
                        caseStudies?: {
                            title: string;
                            customer?: string;
                            summary: string;
                            /**
                             * Format: uri
                             * @description An http(s) URL
                             */
                            url?: string;
                        }[];
                        languages?: string[];
                        contactEmail?: string | null;
                        contactUrl?: string | null;
                        /** @description Publish the tier badges the organization holds */
                        showBadges?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            organizationId: string;
                            name: string;
                            partnerTypes: {
                                code: string;
                                name: string;
                                primary: boolean;
                            }[];
                            /**
                             * @description unpublished: was published, then withdrawn
                             * @enum {string}
                             */
                            status: "draft" | "published" | "unpublished";
                            /** @description The working copy: the organization and the vendor only; null for anyone else */
                            draft: {
                                description: string;
                                logoUrl: string | null;
                                website: string | null;
                                services: string[];
                                specializations: string[];
                                industries: string[];
                                countries: string[];
                                certifications: {
                                    name: string;
                                    issuer?: string;
                                    year?: number;
                                }[];
                                integrations: string[];
                                caseStudies: {
                                    title: string;
                                    customer?: string;
                                    summary: string;
                                    url?: string;
                                }[];
                                languages: string[];
                                contactEmail: string | null;
                                contactUrl: string | null;
                                showBadges: boolean;
                            } | null;
                            /** @description What others see; null until published */
                            published: {
                                description: string;
                                logoUrl: string | null;
                                website: string | null;
                                services: string[];
                                specializations: string[];
                                industries: string[];
                                countries: string[];
                                certifications: {
                                    name: string;
                                    issuer?: string;
                                    year?: number;
                                }[];
                                integrations: string[];
                                caseStudies: {
                                    title: string;
                                    customer?: string;
                                    summary: string;
                                    url?: string;
                                }[];
                                languages: string[];
                                contactEmail: string | null;
                                contactUrl: string | null;
                                showBadges: boolean;
                            } | null;
                            /** @description Tier badges shown on the published profile */
                            badges: {
                                program: string;
                                tier: string;
                                label: string;
                            }[];
                            hasUnpublishedChanges: boolean | null;
                            publishedAt: string | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/profiles/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish the draft: others see it, search finds it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The version you last read; a stale one answers 409 */
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            organizationId: string;
                            name: string;
                            partnerTypes: {
                                code: string;
                                name: string;
                                primary: boolean;
                            }[];
                            /**
                             * @description unpublished: was published, then withdrawn
                             * @enum {string}
                             */
                            status: "draft" | "published" | "unpublished";
                            /** @description The working copy: the organization and the vendor only; null for anyone else */
                            draft: {
                                description: string;
                                logoUrl: string | null;
                                website: string | null;
                                services: string[];
                                specializations: string[];
                                industries: string[];
                                countries: string[];
                                certifications: {
                                    name: string;
                                    issuer?: string;
                                    year?: number;
                                }[];
                                integrations: string[];
                                caseStudies: {
                                    title: string;
                                    customer?: string;
                                    summary: string;
                                    url?: string;
                                }[];
                                languages: string[];
                                contactEmail: string | null;
                                contactUrl: string | null;
                                showBadges: boolean;
                            } | null;
                            /** @description What others see; null until published */
                            published: {
                                description: string;
                                logoUrl: string | null;
                                website: string | null;
                                services: string[];
                                specializations: string[];
                                industries: string[];
                                countries: string[];
                                certifications: {
                                    name: string;
                                    issuer?: string;
                                    year?: number;
                                }[];
                                integrations: string[];
                                caseStudies: {
                                    title: string;
                                    customer?: string;
                                    summary: string;
                                    url?: string;
                                }[];
                                languages: string[];
                                contactEmail: string | null;
                                contactUrl: string | null;
                                showBadges: boolean;
                            } | null;
                            /** @description Tier badges shown on the published profile */
                            badges: {
                                program: string;
                                tier: string;
                                label: string;
                            }[];
                            hasUnpublishedChanges: boolean | null;
                            publishedAt: string | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/profiles/{id}/unpublish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw the profile from the marketplace and the locator */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The version you last read; a stale one answers 409 */
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            organizationId: string;
                            name: string;
                            partnerTypes: {
                                code: string;
                                name: string;
                                primary: boolean;
                            }[];
                            /**
                             * @description unpublished: was published, then withdrawn
                             * @enum {string}
                             */
                            status: "draft" | "published" | "unpublished";
                            /** @description The working copy: the organization and the vendor only; null for anyone else */
                            draft: {
                                description: string;
                                logoUrl: string | null;
                                website: string | null;
                                services: string[];
                                specializations: string[];
                                industries: string[];
                                countries: string[];
                                certifications: {
                                    name: string;
                                    issuer?: string;
                                    year?: number;
                                }[];
                                integrations: string[];
                                caseStudies: {
                                    title: string;
                                    customer?: string;
                                    summary: string;
                                    url?: string;
                                }[];
                                languages: string[];
                                contactEmail: string | null;
                                contactUrl: string | null;
                                showBadges: boolean;
                            } | null;
                            /** @description What others see; null until published */
                            published: {
                                description: string;
                                logoUrl: string | null;
                                website: string | null;
                                services: string[];
                                specializations: string[];
                                industries: string[];
                                countries: string[];
                                certifications: {
                                    name: string;
                                    issuer?: string;
                                    year?: number;
                                }[];
                                integrations: string[];
                                caseStudies: {
                                    title: string;
                                    customer?: string;
                                    summary: string;
                                    url?: string;
                                }[];
                                languages: string[];
                                contactEmail: string | null;
                                contactUrl: string | null;
                                showBadges: boolean;
                            } | null;
                            /** @description Tier badges shown on the published profile */
                            badges: {
                                program: string;
                                tier: string;
                                label: string;
                            }[];
                            hasUnpublishedChanges: boolean | null;
                            publishedAt: string | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/marketplace/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search published partner profiles, with facets
         * @description Full text (stemmed) and trigram similarity (typos) over names, descriptions, services and case studies; ranking blends relevance with the tier marketplace boost.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Words to find in names, descriptions, services and case studies; typos tolerated */
                    q?: string;
                    /** @description Partner type codes (any of) */
                    type?: string | string[];
                    /** @description ISO countries served (any of) */
                    country?: string | string[];
                    /** @description NAICS sectors served (any of) */
                    industry?: string | string[];
                    /** @description Services offered (any of, exact) */
                    service?: string | string[];
                    /** @description Tier badge labels (any of) */
                    badge?: string | string[];
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                organizationId: string;
                                name: string;
                                logoUrl: string | null;
                                website: string | null;
                                description: string;
                                partnerTypes: string[];
                                services: string[];
                                countries: string[];
                                industries: string[];
                                badges: string[];
                                /** @description Where the words matched, from published fields only */
                                snippet: string | null;
                                score: number;
                            }[];
                            nextCursor: string | null;
                            /** @description Profiles matching the query and filters */
                            total: number;
                            facets: {
                                type: {
                                    value: string;
                                    label: string;
                                    count: number;
                                }[];
                                country: {
                                    value: string;
                                    label: string;
                                    count: number;
                                }[];
                                industry: {
                                    value: string;
                                    label: string;
                                    count: number;
                                }[];
                                service: {
                                    value: string;
                                    label: string;
                                    count: number;
                                }[];
                                badge: {
                                    value: string;
                                    label: string;
                                    count: number;
                                }[];
                            };
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/partners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The public partner locator: search published profiles without signing in
         * @description Rate limited per address (429 with Retry-After).
         */
        get: {
            parameters: {
                query?: {
                    /** @description Words to find in names, descriptions, services and case studies; typos tolerated */
                    q?: string;
                    /** @description Partner type codes (any of) */
                    type?: string | string[];
                    /** @description ISO countries served (any of) */
                    country?: string | string[];
                    /** @description NAICS sectors served (any of) */
                    industry?: string | string[];
                    /** @description Services offered (any of, exact) */
                    service?: string | string[];
                    /** @description Tier badge labels (any of) */
                    badge?: string | string[];
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                organizationId: string;
                                name: string;
                                logoUrl: string | null;
                                website: string | null;
                                description: string;
                                partnerTypes: string[];
                                services: string[];
                                countries: string[];
                                industries: string[];
                                badges: string[];
                                /** @description Where the words matched, from published fields only */
                                snippet: string | null;
                                score: number;
                            }[];
                            nextCursor: string | null;
                            /** @description Profiles matching the query and filters */
                            total: number;
                            facets: {
                                type: {
                                    value: string;
                                    label: string;
                                    count: number;
                                }[];
                                country: {
                                    value: string;
                                    label: string;
                                    count: number;
                                }[];
                                industry: {
                                    value: string;
                                    label: string;
                                    count: number;
                                }[];
                                service: {
                                    value: string;
                                    label: string;
                                    count: number;
                                }[];
                                badge: {
                                    value: string;
                                    label: string;
                                    count: number;
                                }[];
                            };
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/partners/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A partner's public page */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            organizationId: string;
                            name: string;
                            partnerTypes: {
                                code: string;
                                name: string;
                            }[];
                            profile: {
                                description: string;
                                logoUrl: string | null;
                                website: string | null;
                                services: string[];
                                specializations: string[];
                                industries: string[];
                                countries: string[];
                                certifications: {
                                    name: string;
                                    issuer?: string;
                                    year?: number;
                                }[];
                                integrations: string[];
                                caseStudies: {
                                    title: string;
                                    customer?: string;
                                    summary: string;
                                    url?: string;
                                }[];
                                languages: string[];
                                contactEmail: string | null;
                                contactUrl: string | null;
                                showBadges: boolean;
                            };
                            badges: {
                                program: string;
                                tier: string;
                                label: string;
                            }[];
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            publishedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/partners/{id}/contact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Contact a partner: the message becomes a lead in its referral inbox
         * @description Rate limited per address and e-mail; leave `homepage` empty (it is a trap for bots).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** Format: email */
                        email: string;
                        company: string;
                        companyDomain?: string;
                        /** @description ISO 3166-1 alpha-2 country code */
                        country?: string;
                        phone?: string;
                        message: string;
                        homepage?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "sent";
                            message: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/connections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your connections: incoming and outgoing requests, active relationships
         * @description The vendor sees every connection, or one partner’s with `organizationId`.
         */
        get: {
            parameters: {
                query?: {
                    box?: "incoming" | "outgoing" | "active" | "all";
                    status?: "requested" | "active" | "declined" | "ended";
                    kind?: "referral" | "technology_integration" | "co_sell" | "implementation" | "resale" | "joint_solution";
                    /** @description Vendor staff: the connections of one partner */
                    organizationId?: string;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @description Its id in the system it was imported from (vendor only) */
                                externalId: string | null;
                                /** @enum {string} */
                                kind: "referral" | "technology_integration" | "co_sell" | "implementation" | "resale" | "joint_solution";
                                /** @enum {string} */
                                status: "requested" | "active" | "declined" | "ended";
                                requester: {
                                    id: string;
                                    name: string;
                                };
                                recipient: {
                                    id: string;
                                    name: string;
                                };
                                /**
                                 * @description From the caller's organization's side
                                 * @enum {string}
                                 */
                                direction: "outgoing" | "incoming" | "none";
                                message: string;
                                terms: {
                                    /** @description Referral fee % the referrer earns on won deals */
                                    referralFeePct?: number;
                                    notes?: string;
                                };
                                decisionReason: string | null;
                                endReason: string | null;
                                /** @description Who ended it (or withdrew the request) */
                                endedBy: {
                                    id: string;
                                    name: string;
                                } | null;
                                startedAt: string | null;
                                endedAt: string | null;
                                version: number;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                createdAt: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Ask another partner for a relationship of a kind, with a message and terms
         * @description At most one open relationship of a kind per pair (409). The other side is notified.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The partner to connect with */
                        organizationId: string;
                        /** @enum {string} */
                        kind: "referral" | "technology_integration" | "co_sell" | "implementation" | "resale" | "joint_solution";
                        /** @default  */
                        message?: string;
                        /** @default {} */
                        terms?: {
                            /** @description Referral fee % the referrer earns on won deals */
                            referralFeePct?: number;
                            notes?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description Its id in the system it was imported from (vendor only) */
                            externalId: string | null;
                            /** @enum {string} */
                            kind: "referral" | "technology_integration" | "co_sell" | "implementation" | "resale" | "joint_solution";
                            /** @enum {string} */
                            status: "requested" | "active" | "declined" | "ended";
                            requester: {
                                id: string;
                                name: string;
                            };
                            recipient: {
                                id: string;
                                name: string;
                            };
                            /**
                             * @description From the caller's organization's side
                             * @enum {string}
                             */
                            direction: "outgoing" | "incoming" | "none";
                            message: string;
                            terms: {
                                /** @description Referral fee % the referrer earns on won deals */
                                referralFeePct?: number;
                                notes?: string;
                            };
                            decisionReason: string | null;
                            endReason: string | null;
                            /** @description Who ended it (or withdrew the request) */
                            endedBy: {
                                id: string;
                                name: string;
                            } | null;
                            startedAt: string | null;
                            endedAt: string | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/connections/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a connection */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description Its id in the system it was imported from (vendor only) */
                            externalId: string | null;
                            /** @enum {string} */
                            kind: "referral" | "technology_integration" | "co_sell" | "implementation" | "resale" | "joint_solution";
                            /** @enum {string} */
                            status: "requested" | "active" | "declined" | "ended";
                            requester: {
                                id: string;
                                name: string;
                            };
                            recipient: {
                                id: string;
                                name: string;
                            };
                            /**
                             * @description From the caller's organization's side
                             * @enum {string}
                             */
                            direction: "outgoing" | "incoming" | "none";
                            message: string;
                            terms: {
                                /** @description Referral fee % the referrer earns on won deals */
                                referralFeePct?: number;
                                notes?: string;
                            };
                            decisionReason: string | null;
                            endReason: string | null;
                            /** @description Who ended it (or withdrew the request) */
                            endedBy: {
                                id: string;
                                name: string;
                            } | null;
                            startedAt: string | null;
                            endedAt: string | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/connections/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept a request (its recipient) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The version you last read; a stale one answers 409 */
                        version: number;
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description Its id in the system it was imported from (vendor only) */
                            externalId: string | null;
                            /** @enum {string} */
                            kind: "referral" | "technology_integration" | "co_sell" | "implementation" | "resale" | "joint_solution";
                            /** @enum {string} */
                            status: "requested" | "active" | "declined" | "ended";
                            requester: {
                                id: string;
                                name: string;
                            };
                            recipient: {
                                id: string;
                                name: string;
                            };
                            /**
                             * @description From the caller's organization's side
                             * @enum {string}
                             */
                            direction: "outgoing" | "incoming" | "none";
                            message: string;
                            terms: {
                                /** @description Referral fee % the referrer earns on won deals */
                                referralFeePct?: number;
                                notes?: string;
                            };
                            decisionReason: string | null;
                            endReason: string | null;
                            /** @description Who ended it (or withdrew the request) */
                            endedBy: {
                                id: string;
                                name: string;
                            } | null;
                            startedAt: string | null;
                            endedAt: string | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/connections/{id}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline a request (its recipient) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The version you last read; a stale one answers 409 */
                        version: number;
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description Its id in the system it was imported from (vendor only) */
                            externalId: string | null;
                            /** @enum {string} */
                            kind: "referral" | "technology_integration" | "co_sell" | "implementation" | "resale" | "joint_solution";
                            /** @enum {string} */
                            status: "requested" | "active" | "declined" | "ended";
                            requester: {
                                id: string;
                                name: string;
                            };
                            recipient: {
                                id: string;
                                name: string;
                            };
                            /**
                             * @description From the caller's organization's side
                             * @enum {string}
                             */
                            direction: "outgoing" | "incoming" | "none";
                            message: string;
                            terms: {
                                /** @description Referral fee % the referrer earns on won deals */
                                referralFeePct?: number;
                                notes?: string;
                            };
                            decisionReason: string | null;
                            endReason: string | null;
                            /** @description Who ended it (or withdrew the request) */
                            endedBy: {
                                id: string;
                                name: string;
                            } | null;
                            startedAt: string | null;
                            endedAt: string | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/connections/{id}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End a relationship (either party) or withdraw a request */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The version you last read; a stale one answers 409 */
                        version: number;
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description Its id in the system it was imported from (vendor only) */
                            externalId: string | null;
                            /** @enum {string} */
                            kind: "referral" | "technology_integration" | "co_sell" | "implementation" | "resale" | "joint_solution";
                            /** @enum {string} */
                            status: "requested" | "active" | "declined" | "ended";
                            requester: {
                                id: string;
                                name: string;
                            };
                            recipient: {
                                id: string;
                                name: string;
                            };
                            /**
                             * @description From the caller's organization's side
                             * @enum {string}
                             */
                            direction: "outgoing" | "incoming" | "none";
                            message: string;
                            terms: {
                                /** @description Referral fee % the referrer earns on won deals */
                                referralFeePct?: number;
                                notes?: string;
                            };
                            decisionReason: string | null;
                            endReason: string | null;
                            /** @description Who ended it (or withdrew the request) */
                            endedBy: {
                                id: string;
                                name: string;
                            } | null;
                            startedAt: string | null;
                            endedAt: string | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The integration catalog
         * @description Published listings for everyone; a partner also sees its own drafts, the vendor everything.
         */
        get: {
            parameters: {
                query?: {
                    status?: "draft" | "submitted" | "published" | "rejected";
                    category?: string;
                    q?: string;
                    mine?: "true" | "false";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                organization: {
                                    id: string;
                                    name: string;
                                };
                                name: string;
                                category: string;
                                description: string;
                                documentationUrl: string | null;
                                editions: string[];
                                /** @enum {string} */
                                status: "draft" | "submitted" | "published" | "rejected";
                                reviewReason: string | null;
                                installCount: number;
                                publishedAt: string | null;
                                version: number;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                createdAt: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** List an integration with the vendor’s product (ISVs and technology partners) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        category: string;
                        description: string;
                        /** @default null */
                        documentationUrl?: string | null;
                        /** @default [] */
                        editions?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            organization: {
                                id: string;
                                name: string;
                            };
                            name: string;
                            category: string;
                            description: string;
                            documentationUrl: string | null;
                            editions: string[];
                            /** @enum {string} */
                            status: "draft" | "submitted" | "published" | "rejected";
                            reviewReason: string | null;
                            installCount: number;
                            publishedAt: string | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integrations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an integration listing */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            organization: {
                                id: string;
                                name: string;
                            };
                            name: string;
                            category: string;
                            description: string;
                            documentationUrl: string | null;
                            editions: string[];
                            /** @enum {string} */
                            status: "draft" | "submitted" | "published" | "rejected";
                            reviewReason: string | null;
                            installCount: number;
                            publishedAt: string | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit your listing */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The version you last read; a stale one answers 409 */
                        version: number;
                        name?: string;
                        category?: string;
                        description?: string;
                        documentationUrl?: string | null;
                        editions?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            organization: {
                                id: string;
                                name: string;
                            };
                            name: string;
                            category: string;
                            description: string;
                            documentationUrl: string | null;
                            editions: string[];
                            /** @enum {string} */
                            status: "draft" | "submitted" | "published" | "rejected";
                            reviewReason: string | null;
                            installCount: number;
                            publishedAt: string | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/integrations/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit a listing for the vendor’s review */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            organization: {
                                id: string;
                                name: string;
                            };
                            name: string;
                            category: string;
                            description: string;
                            documentationUrl: string | null;
                            editions: string[];
                            /** @enum {string} */
                            status: "draft" | "submitted" | "published" | "rejected";
                            reviewReason: string | null;
                            installCount: number;
                            publishedAt: string | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integrations/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish a submitted listing (vendor) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The version you last read; a stale one answers 409 */
                        version: number;
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            organization: {
                                id: string;
                                name: string;
                            };
                            name: string;
                            category: string;
                            description: string;
                            documentationUrl: string | null;
                            editions: string[];
                            /** @enum {string} */
                            status: "draft" | "submitted" | "published" | "rejected";
                            reviewReason: string | null;
                            installCount: number;
                            publishedAt: string | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integrations/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a submitted listing with a reason (vendor) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The version you last read; a stale one answers 409 */
                        version: number;
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            organization: {
                                id: string;
                                name: string;
                            };
                            name: string;
                            category: string;
                            description: string;
                            documentationUrl: string | null;
                            editions: string[];
                            /** @enum {string} */
                            status: "draft" | "submitted" | "published" | "rejected";
                            reviewReason: string | null;
                            installCount: number;
                            publishedAt: string | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/integrations/{id}/installs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Customer accounts with the integration installed (vendor and the listing partner) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                customerDomain: string;
                                customerName: string | null;
                                installedAt: string;
                            }[];
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Record a customer with the integration installed (the listing partner or the vendor)
         * @description Counted by the customer’s registrable domain; recording it again updates it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        customerDomain: string;
                        customerName?: string;
                        /** Format: date */
                        installedAt?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            organization: {
                                id: string;
                                name: string;
                            };
                            name: string;
                            category: string;
                            description: string;
                            documentationUrl: string | null;
                            editions: string[];
                            /** @enum {string} */
                            status: "draft" | "submitted" | "published" | "rejected";
                            reviewReason: string | null;
                            installCount: number;
                            publishedAt: string | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            updatedAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/solutions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Joint solutions: published ones, and those your organization is a member of */
        get: {
            parameters: {
                query?: {
                    status?: "pending" | "published";
                    organizationId?: string;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                description: string;
                                /** @enum {string} */
                                status: "pending" | "published";
                                createdBy: {
                                    id: string;
                                    name: string;
                                };
                                members: {
                                    organization: {
                                        id: string;
                                        name: string;
                                    };
                                    role: string;
                                    acceptedAt: string | null;
                                }[];
                                publishedAt: string | null;
                                version: number;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                createdAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Propose a joint solution with other partners
         * @description It is published in the marketplace once every member accepts.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        description: string;
                        /** @description The creating partner's role in the solution */
                        role: string;
                        members: {
                            /** @description Opaque identifier */
                            organizationId: string;
                            role: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            description: string;
                            /** @enum {string} */
                            status: "pending" | "published";
                            createdBy: {
                                id: string;
                                name: string;
                            };
                            members: {
                                organization: {
                                    id: string;
                                    name: string;
                                };
                                role: string;
                                acceptedAt: string | null;
                            }[];
                            publishedAt: string | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/solutions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a joint solution */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            description: string;
                            /** @enum {string} */
                            status: "pending" | "published";
                            createdBy: {
                                id: string;
                                name: string;
                            };
                            members: {
                                organization: {
                                    id: string;
                                    name: string;
                                };
                                role: string;
                                acceptedAt: string | null;
                            }[];
                            publishedAt: string | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/solutions/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept membership of a joint solution */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The version you last read; a stale one answers 409 */
                        version: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            description: string;
                            /** @enum {string} */
                            status: "pending" | "published";
                            createdBy: {
                                id: string;
                                name: string;
                            };
                            members: {
                                organization: {
                                    id: string;
                                    name: string;
                                };
                                role: string;
                                acceptedAt: string | null;
                            }[];
                            publishedAt: string | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/recommendations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Partners worth connecting with, each with its reasons */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                organizationId: string;
                                name: string;
                                partnerTypes: string[];
                                score: number;
                                reasons: string[];
                            }[];
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/spaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Spaces open to you
         * @description Open spaces, the segment spaces your organization falls in, and private spaces you were invited to; vendor staff see all, archived ones too.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    /** @description Only spaces you joined (true) or not (false) */
                    joined?: "true" | "false";
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                description: string;
                                /** @enum {string} */
                                visibility: "open" | "segment" | "private";
                                segment: {
                                    partnerTypes: string[];
                                    programIds: string[];
                                    tierIds: string[];
                                    countries: string[];
                                    label: string;
                                } | null;
                                /** @description The caller's membership, if any */
                                membership: {
                                    /** @enum {string} */
                                    role: "member" | "moderator";
                                    /** @enum {string} */
                                    status: "invited" | "active" | "suspended";
                                } | null;
                                canPost: boolean;
                                canModerate: boolean;
                                memberCount: number;
                                postCount: number;
                                lastActivityAt: string | null;
                                archived: boolean;
                                version: number;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                createdAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create a space (vendor)
         * @description open: every partner; segment: partners matching the segment; private: by invitation.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @default  */
                        description?: string;
                        /**
                         * @default open
                         * @enum {string}
                         */
                        visibility?: "open" | "segment" | "private";
                        /** @description Partners matching every non-empty list (any entry within a list): e.g. partner type reseller and the Gold tier. Programs and tiers count through active enrollments. */
                        segment?: {
                            /** @default [] */
                            partnerTypes?: string[];
                            /** @default [] */
                            programIds?: string[];
                            /** @default [] */
                            tierIds?: string[];
                            countries?: string[];
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            description: string;
                            /** @enum {string} */
                            visibility: "open" | "segment" | "private";
                            segment: {
                                partnerTypes: string[];
                                programIds: string[];
                                tierIds: string[];
                                countries: string[];
                                label: string;
                            } | null;
                            /** @description The caller's membership, if any */
                            membership: {
                                /** @enum {string} */
                                role: "member" | "moderator";
                                /** @enum {string} */
                                status: "invited" | "active" | "suspended";
                            } | null;
                            canPost: boolean;
                            canModerate: boolean;
                            memberCount: number;
                            postCount: number;
                            lastActivityAt: string | null;
                            archived: boolean;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/spaces/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A space */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            description: string;
                            /** @enum {string} */
                            visibility: "open" | "segment" | "private";
                            segment: {
                                partnerTypes: string[];
                                programIds: string[];
                                tierIds: string[];
                                countries: string[];
                                label: string;
                            } | null;
                            /** @description The caller's membership, if any */
                            membership: {
                                /** @enum {string} */
                                role: "member" | "moderator";
                                /** @enum {string} */
                                status: "invited" | "active" | "suspended";
                            } | null;
                            canPost: boolean;
                            canModerate: boolean;
                            memberCount: number;
                            postCount: number;
                            lastActivityAt: string | null;
                            archived: boolean;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename, describe, re-segment or archive a space (vendor) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The version you last read; a stale one answers 409 */
                        version: number;
                        name?: string;
                        description?: string;
                        /** @description Partners matching every non-empty list (any entry within a list): e.g. partner type reseller and the Gold tier. Programs and tiers count through active enrollments. */
                        segment?: {
                            /** @default [] */
                            partnerTypes?: string[];
                            /** @default [] */
                            programIds?: string[];
                            /** @default [] */
                            tierIds?: string[];
                            countries?: string[];
                        };
                        archived?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            description: string;
                            /** @enum {string} */
                            visibility: "open" | "segment" | "private";
                            segment: {
                                partnerTypes: string[];
                                programIds: string[];
                                tierIds: string[];
                                countries: string[];
                                label: string;
                            } | null;
                            /** @description The caller's membership, if any */
                            membership: {
                                /** @enum {string} */
                                role: "member" | "moderator";
                                /** @enum {string} */
                                status: "invited" | "active" | "suspended";
                            } | null;
                            canPost: boolean;
                            canModerate: boolean;
                            memberCount: number;
                            postCount: number;
                            lastActivityAt: string | null;
                            archived: boolean;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/spaces/{id}/join": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Join a space (private ones: accept the invitation) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            description: string;
                            /** @enum {string} */
                            visibility: "open" | "segment" | "private";
                            segment: {
                                partnerTypes: string[];
                                programIds: string[];
                                tierIds: string[];
                                countries: string[];
                                label: string;
                            } | null;
                            /** @description The caller's membership, if any */
                            membership: {
                                /** @enum {string} */
                                role: "member" | "moderator";
                                /** @enum {string} */
                                status: "invited" | "active" | "suspended";
                            } | null;
                            canPost: boolean;
                            canModerate: boolean;
                            memberCount: number;
                            postCount: number;
                            lastActivityAt: string | null;
                            archived: boolean;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/spaces/{id}/leave": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Leave a space
         * @description No body: after leaving a private space you no longer see it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/spaces/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A space's members
         * @description Moderators also see invitations and suspensions.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    q?: string;
                };
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                user: {
                                    id: string;
                                    name: string;
                                    organization: {
                                        id: string;
                                        name: string;
                                    };
                                };
                                /** @enum {string} */
                                role: "member" | "moderator";
                                /** @enum {string} */
                                status: "invited" | "active" | "suspended";
                                suspendedReason: string | null;
                                joinedAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Invite people into a space (moderators)
         * @description Each id must be one `/spaces/{id}/invitable` offers (or already in the space, which changes nothing); any other answers 400 naming the field, as an id that does not exist.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        userIds: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                user: {
                                    id: string;
                                    name: string;
                                    organization: {
                                        id: string;
                                        name: string;
                                    };
                                };
                                /** @enum {string} */
                                role: "member" | "moderator";
                                /** @enum {string} */
                                status: "invited" | "active" | "suspended";
                                suspendedReason: string | null;
                                joinedAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/spaces/{id}/members/{userId}/role": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Make a member a moderator, or a moderator a member (vendor) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                    /** @description Opaque identifier */
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        role: "member" | "moderator";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                name: string;
                                organization: {
                                    id: string;
                                    name: string;
                                };
                            };
                            /** @enum {string} */
                            role: "member" | "moderator";
                            /** @enum {string} */
                            status: "invited" | "active" | "suspended";
                            suspendedReason: string | null;
                            joinedAt: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/spaces/{id}/members/{userId}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Suspend a member from the space (moderators)
         * @description A suspended member still reads but no longer posts, comments or reacts here. A partner moderator acts on people the space shows them (its members and its posts' and comments' authors); anyone else answers 404.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                    /** @description Opaque identifier */
                    userId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                name: string;
                                organization: {
                                    id: string;
                                    name: string;
                                };
                            };
                            /** @enum {string} */
                            role: "member" | "moderator";
                            /** @enum {string} */
                            status: "invited" | "active" | "suspended";
                            suspendedReason: string | null;
                            joinedAt: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/spaces/{id}/members/{userId}/reinstate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lift a suspension (moderators) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                    /** @description Opaque identifier */
                    userId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                name: string;
                                organization: {
                                    id: string;
                                    name: string;
                                };
                            };
                            /** @enum {string} */
                            role: "member" | "moderator";
                            /** @enum {string} */
                            status: "invited" | "active" | "suspended";
                            suspendedReason: string | null;
                            joinedAt: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/spaces/{id}/mentionable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * People who may be @mentioned in a space (for the composer)
         * @description People listed in the member directory who may read the space. Posts, comments and the preview link and notify exactly these; any other mention stays plain text.
         */
        get: {
            parameters: {
                query?: {
                    q?: string;
                };
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                            }[];
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/spaces/{id}/invitable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * People a moderator may invite into the space (for the invite picker)
         * @description Not yet members, within the segment of a segment space. A partner moderator finds its own colleagues and people listed in the member directory; vendor staff find everyone.
         */
        get: {
            parameters: {
                query?: {
                    q?: string;
                };
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                            }[];
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/spaces/{id}/moderation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The space's moderation trail (moderators) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                space: {
                                    id: string;
                                    name: string;
                                };
                                moderator: {
                                    id: string;
                                    name: string;
                                } | null;
                                action: string;
                                targetType: string;
                                targetId: string;
                                reason: string | null;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                at: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/spaces/{id}/posts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A space's feed
         * @description Pinned posts first, then by latest activity (a new comment lifts a post).
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    /** @description Words in the title or body */
                    q?: string;
                };
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                space: {
                                    id: string;
                                    name: string;
                                };
                                /** @description null once the author was removed */
                                author: {
                                    id: string;
                                    name: string;
                                    organization: {
                                        id: string;
                                        name: string;
                                    };
                                } | null;
                                title: string;
                                /** @description Markdown as written (empty when deleted or hidden from you) */
                                body: string;
                                /** @description Sanitized HTML rendering of the body */
                                html: string;
                                attachments: {
                                    title: string;
                                    /**
                                     * Format: uri
                                     * @description An http(s) URL
                                     */
                                    url: string;
                                }[];
                                reactions: {
                                    /** @enum {string} */
                                    kind: "like" | "celebrate" | "insightful" | "thanks";
                                    count: number;
                                    mine: boolean;
                                }[];
                                commentCount: number;
                                pinned: boolean;
                                locked: boolean;
                                /** @description Hidden by a moderator: only moderators and the author still read it */
                                hidden: boolean;
                                hiddenReason: string | null;
                                deleted: boolean;
                                edited: boolean;
                                canEdit: boolean;
                                canModerate: boolean;
                                version: number;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                createdAt: string;
                                editedAt: string | null;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                lastActivityAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Post in a space (members who joined; the vendor anywhere)
         * @description Markdown, rendered to sanitized HTML. Mentioned members who may read the space are notified. At most 10 posts per 10 minutes per person (429 with Retry-After).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        /** @description Markdown. Mention a member with `@[Their name](user:<user id>)`; raw HTML is shown as text and unsafe links are dropped. */
                        body: string;
                        /** @default [] */
                        attachments?: {
                            title: string;
                            /**
                             * Format: uri
                             * @description An http(s) URL
                             */
                            url: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            space: {
                                id: string;
                                name: string;
                            };
                            /** @description null once the author was removed */
                            author: {
                                id: string;
                                name: string;
                                organization: {
                                    id: string;
                                    name: string;
                                };
                            } | null;
                            title: string;
                            /** @description Markdown as written (empty when deleted or hidden from you) */
                            body: string;
                            /** @description Sanitized HTML rendering of the body */
                            html: string;
                            attachments: {
                                title: string;
                                /**
                                 * Format: uri
                                 * @description An http(s) URL
                                 */
                                url: string;
                            }[];
                            reactions: {
                                /** @enum {string} */
                                kind: "like" | "celebrate" | "insightful" | "thanks";
                                count: number;
                                mine: boolean;
                            }[];
                            commentCount: number;
                            pinned: boolean;
                            locked: boolean;
                            /** @description Hidden by a moderator: only moderators and the author still read it */
                            hidden: boolean;
                            hiddenReason: string | null;
                            deleted: boolean;
                            edited: boolean;
                            canEdit: boolean;
                            canModerate: boolean;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            editedAt: string | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            lastActivityAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/community/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Render Markdown exactly as a post would show it (the composer's preview) */
        post: {
            parameters: {
                query?: {
                    /** @description Resolve mentions among this space’s readers */
                    spaceId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        body: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            html: string;
                            /** @description Members the text mentions */
                            mentions: {
                                id: string;
                                name: string;
                            }[];
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/posts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A post */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            space: {
                                id: string;
                                name: string;
                            };
                            /** @description null once the author was removed */
                            author: {
                                id: string;
                                name: string;
                                organization: {
                                    id: string;
                                    name: string;
                                };
                            } | null;
                            title: string;
                            /** @description Markdown as written (empty when deleted or hidden from you) */
                            body: string;
                            /** @description Sanitized HTML rendering of the body */
                            html: string;
                            attachments: {
                                title: string;
                                /**
                                 * Format: uri
                                 * @description An http(s) URL
                                 */
                                url: string;
                            }[];
                            reactions: {
                                /** @enum {string} */
                                kind: "like" | "celebrate" | "insightful" | "thanks";
                                count: number;
                                mine: boolean;
                            }[];
                            commentCount: number;
                            pinned: boolean;
                            locked: boolean;
                            /** @description Hidden by a moderator: only moderators and the author still read it */
                            hidden: boolean;
                            hiddenReason: string | null;
                            deleted: boolean;
                            edited: boolean;
                            canEdit: boolean;
                            canModerate: boolean;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            editedAt: string | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            lastActivityAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a post (its author or a moderator); kept for the moderators */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Edit your post (the previous text is kept in its history) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The version you last read; a stale one answers 409 */
                        version: number;
                        title?: string;
                        /** @description Markdown. Mention a member with `@[Their name](user:<user id>)`; raw HTML is shown as text and unsafe links are dropped. */
                        body?: string;
                        attachments?: {
                            title: string;
                            /**
                             * Format: uri
                             * @description An http(s) URL
                             */
                            url: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            space: {
                                id: string;
                                name: string;
                            };
                            /** @description null once the author was removed */
                            author: {
                                id: string;
                                name: string;
                                organization: {
                                    id: string;
                                    name: string;
                                };
                            } | null;
                            title: string;
                            /** @description Markdown as written (empty when deleted or hidden from you) */
                            body: string;
                            /** @description Sanitized HTML rendering of the body */
                            html: string;
                            attachments: {
                                title: string;
                                /**
                                 * Format: uri
                                 * @description An http(s) URL
                                 */
                                url: string;
                            }[];
                            reactions: {
                                /** @enum {string} */
                                kind: "like" | "celebrate" | "insightful" | "thanks";
                                count: number;
                                mine: boolean;
                            }[];
                            commentCount: number;
                            pinned: boolean;
                            locked: boolean;
                            /** @description Hidden by a moderator: only moderators and the author still read it */
                            hidden: boolean;
                            hiddenReason: string | null;
                            deleted: boolean;
                            edited: boolean;
                            canEdit: boolean;
                            canModerate: boolean;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            editedAt: string | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            lastActivityAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/posts/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A post's earlier texts, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                title: string | null;
                                body: string;
                                editedBy: {
                                    id: string;
                                    name: string;
                                } | null;
                                /**
                                 * Format: date-time
                                 * @description When this text was replaced
                                 */
                                at: string;
                            }[];
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/posts/{id}/pin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pin a post to the top of its space (moderators) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            space: {
                                id: string;
                                name: string;
                            };
                            /** @description null once the author was removed */
                            author: {
                                id: string;
                                name: string;
                                organization: {
                                    id: string;
                                    name: string;
                                };
                            } | null;
                            title: string;
                            /** @description Markdown as written (empty when deleted or hidden from you) */
                            body: string;
                            /** @description Sanitized HTML rendering of the body */
                            html: string;
                            attachments: {
                                title: string;
                                /**
                                 * Format: uri
                                 * @description An http(s) URL
                                 */
                                url: string;
                            }[];
                            reactions: {
                                /** @enum {string} */
                                kind: "like" | "celebrate" | "insightful" | "thanks";
                                count: number;
                                mine: boolean;
                            }[];
                            commentCount: number;
                            pinned: boolean;
                            locked: boolean;
                            /** @description Hidden by a moderator: only moderators and the author still read it */
                            hidden: boolean;
                            hiddenReason: string | null;
                            deleted: boolean;
                            edited: boolean;
                            canEdit: boolean;
                            canModerate: boolean;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            editedAt: string | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            lastActivityAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/posts/{id}/unpin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unpin a post (moderators) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            space: {
                                id: string;
                                name: string;
                            };
                            /** @description null once the author was removed */
                            author: {
                                id: string;
                                name: string;
                                organization: {
                                    id: string;
                                    name: string;
                                };
                            } | null;
                            title: string;
                            /** @description Markdown as written (empty when deleted or hidden from you) */
                            body: string;
                            /** @description Sanitized HTML rendering of the body */
                            html: string;
                            attachments: {
                                title: string;
                                /**
                                 * Format: uri
                                 * @description An http(s) URL
                                 */
                                url: string;
                            }[];
                            reactions: {
                                /** @enum {string} */
                                kind: "like" | "celebrate" | "insightful" | "thanks";
                                count: number;
                                mine: boolean;
                            }[];
                            commentCount: number;
                            pinned: boolean;
                            locked: boolean;
                            /** @description Hidden by a moderator: only moderators and the author still read it */
                            hidden: boolean;
                            hiddenReason: string | null;
                            deleted: boolean;
                            edited: boolean;
                            canEdit: boolean;
                            canModerate: boolean;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            editedAt: string | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            lastActivityAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/posts/{id}/lock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lock a thread: no new comments or edits (moderators) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            space: {
                                id: string;
                                name: string;
                            };
                            /** @description null once the author was removed */
                            author: {
                                id: string;
                                name: string;
                                organization: {
                                    id: string;
                                    name: string;
                                };
                            } | null;
                            title: string;
                            /** @description Markdown as written (empty when deleted or hidden from you) */
                            body: string;
                            /** @description Sanitized HTML rendering of the body */
                            html: string;
                            attachments: {
                                title: string;
                                /**
                                 * Format: uri
                                 * @description An http(s) URL
                                 */
                                url: string;
                            }[];
                            reactions: {
                                /** @enum {string} */
                                kind: "like" | "celebrate" | "insightful" | "thanks";
                                count: number;
                                mine: boolean;
                            }[];
                            commentCount: number;
                            pinned: boolean;
                            locked: boolean;
                            /** @description Hidden by a moderator: only moderators and the author still read it */
                            hidden: boolean;
                            hiddenReason: string | null;
                            deleted: boolean;
                            edited: boolean;
                            canEdit: boolean;
                            canModerate: boolean;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            editedAt: string | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            lastActivityAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/posts/{id}/unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Unlock a thread (moderators) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            space: {
                                id: string;
                                name: string;
                            };
                            /** @description null once the author was removed */
                            author: {
                                id: string;
                                name: string;
                                organization: {
                                    id: string;
                                    name: string;
                                };
                            } | null;
                            title: string;
                            /** @description Markdown as written (empty when deleted or hidden from you) */
                            body: string;
                            /** @description Sanitized HTML rendering of the body */
                            html: string;
                            attachments: {
                                title: string;
                                /**
                                 * Format: uri
                                 * @description An http(s) URL
                                 */
                                url: string;
                            }[];
                            reactions: {
                                /** @enum {string} */
                                kind: "like" | "celebrate" | "insightful" | "thanks";
                                count: number;
                                mine: boolean;
                            }[];
                            commentCount: number;
                            pinned: boolean;
                            locked: boolean;
                            /** @description Hidden by a moderator: only moderators and the author still read it */
                            hidden: boolean;
                            hiddenReason: string | null;
                            deleted: boolean;
                            edited: boolean;
                            canEdit: boolean;
                            canModerate: boolean;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            editedAt: string | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            lastActivityAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/posts/{id}/unhide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Show a hidden post again (moderators) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            space: {
                                id: string;
                                name: string;
                            };
                            /** @description null once the author was removed */
                            author: {
                                id: string;
                                name: string;
                                organization: {
                                    id: string;
                                    name: string;
                                };
                            } | null;
                            title: string;
                            /** @description Markdown as written (empty when deleted or hidden from you) */
                            body: string;
                            /** @description Sanitized HTML rendering of the body */
                            html: string;
                            attachments: {
                                title: string;
                                /**
                                 * Format: uri
                                 * @description An http(s) URL
                                 */
                                url: string;
                            }[];
                            reactions: {
                                /** @enum {string} */
                                kind: "like" | "celebrate" | "insightful" | "thanks";
                                count: number;
                                mine: boolean;
                            }[];
                            commentCount: number;
                            pinned: boolean;
                            locked: boolean;
                            /** @description Hidden by a moderator: only moderators and the author still read it */
                            hidden: boolean;
                            hiddenReason: string | null;
                            deleted: boolean;
                            edited: boolean;
                            canEdit: boolean;
                            canModerate: boolean;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            editedAt: string | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            lastActivityAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/posts/{id}/hide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hide a post from the space (moderators); its author is told why */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            space: {
                                id: string;
                                name: string;
                            };
                            /** @description null once the author was removed */
                            author: {
                                id: string;
                                name: string;
                                organization: {
                                    id: string;
                                    name: string;
                                };
                            } | null;
                            title: string;
                            /** @description Markdown as written (empty when deleted or hidden from you) */
                            body: string;
                            /** @description Sanitized HTML rendering of the body */
                            html: string;
                            attachments: {
                                title: string;
                                /**
                                 * Format: uri
                                 * @description An http(s) URL
                                 */
                                url: string;
                            }[];
                            reactions: {
                                /** @enum {string} */
                                kind: "like" | "celebrate" | "insightful" | "thanks";
                                count: number;
                                mine: boolean;
                            }[];
                            commentCount: number;
                            pinned: boolean;
                            locked: boolean;
                            /** @description Hidden by a moderator: only moderators and the author still read it */
                            hidden: boolean;
                            hiddenReason: string | null;
                            deleted: boolean;
                            edited: boolean;
                            canEdit: boolean;
                            canModerate: boolean;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            editedAt: string | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            lastActivityAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/posts/{id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A post's comments, oldest first (threads by parentId)
         * @description Hidden and deleted comments stay as placeholders without their text, so threads keep their shape.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                postId: string;
                                parentId: string | null;
                                author: {
                                    id: string;
                                    name: string;
                                    organization: {
                                        id: string;
                                        name: string;
                                    };
                                } | null;
                                body: string;
                                html: string;
                                reactions: {
                                    /** @enum {string} */
                                    kind: "like" | "celebrate" | "insightful" | "thanks";
                                    count: number;
                                    mine: boolean;
                                }[];
                                hidden: boolean;
                                hiddenReason: string | null;
                                deleted: boolean;
                                edited: boolean;
                                canEdit: boolean;
                                version: number;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                createdAt: string;
                                editedAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Comment on a post, or reply to a comment
         * @description The post author, the replied-to author and mentioned members are notified. At most 40 comments per 10 minutes per person.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Markdown. Mention a member with `@[Their name](user:<user id>)`; raw HTML is shown as text and unsafe links are dropped. */
                        body: string;
                        /** @description The comment this replies to (threads) */
                        parentId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            postId: string;
                            parentId: string | null;
                            author: {
                                id: string;
                                name: string;
                                organization: {
                                    id: string;
                                    name: string;
                                };
                            } | null;
                            body: string;
                            html: string;
                            reactions: {
                                /** @enum {string} */
                                kind: "like" | "celebrate" | "insightful" | "thanks";
                                count: number;
                                mine: boolean;
                            }[];
                            hidden: boolean;
                            hiddenReason: string | null;
                            deleted: boolean;
                            edited: boolean;
                            canEdit: boolean;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            editedAt: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/comments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a comment (its author or a moderator) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Edit your comment (the previous text is kept) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The version you last read; a stale one answers 409 */
                        version: number;
                        /** @description Markdown. Mention a member with `@[Their name](user:<user id>)`; raw HTML is shown as text and unsafe links are dropped. */
                        body: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            postId: string;
                            parentId: string | null;
                            author: {
                                id: string;
                                name: string;
                                organization: {
                                    id: string;
                                    name: string;
                                };
                            } | null;
                            body: string;
                            html: string;
                            reactions: {
                                /** @enum {string} */
                                kind: "like" | "celebrate" | "insightful" | "thanks";
                                count: number;
                                mine: boolean;
                            }[];
                            hidden: boolean;
                            hiddenReason: string | null;
                            deleted: boolean;
                            edited: boolean;
                            canEdit: boolean;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            editedAt: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/comments/{id}/revisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A comment's earlier texts, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                title: string | null;
                                body: string;
                                editedBy: {
                                    id: string;
                                    name: string;
                                } | null;
                                /**
                                 * Format: date-time
                                 * @description When this text was replaced
                                 */
                                at: string;
                            }[];
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/comments/{id}/hide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hide a comment (moderators); its author is told why */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            postId: string;
                            parentId: string | null;
                            author: {
                                id: string;
                                name: string;
                                organization: {
                                    id: string;
                                    name: string;
                                };
                            } | null;
                            body: string;
                            html: string;
                            reactions: {
                                /** @enum {string} */
                                kind: "like" | "celebrate" | "insightful" | "thanks";
                                count: number;
                                mine: boolean;
                            }[];
                            hidden: boolean;
                            hiddenReason: string | null;
                            deleted: boolean;
                            edited: boolean;
                            canEdit: boolean;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            editedAt: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/comments/{id}/unhide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Show a hidden comment again (moderators) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            postId: string;
                            parentId: string | null;
                            author: {
                                id: string;
                                name: string;
                                organization: {
                                    id: string;
                                    name: string;
                                };
                            } | null;
                            body: string;
                            html: string;
                            reactions: {
                                /** @enum {string} */
                                kind: "like" | "celebrate" | "insightful" | "thanks";
                                count: number;
                                mine: boolean;
                            }[];
                            hidden: boolean;
                            hiddenReason: string | null;
                            deleted: boolean;
                            edited: boolean;
                            canEdit: boolean;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            editedAt: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/posts/{id}/reactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** React to a post (once per kind) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "like" | "celebrate" | "insightful" | "thanks";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            space: {
                                id: string;
                                name: string;
                            };
                            /** @description null once the author was removed */
                            author: {
                                id: string;
                                name: string;
                                organization: {
                                    id: string;
                                    name: string;
                                };
                            } | null;
                            title: string;
                            /** @description Markdown as written (empty when deleted or hidden from you) */
                            body: string;
                            /** @description Sanitized HTML rendering of the body */
                            html: string;
                            attachments: {
                                title: string;
                                /**
                                 * Format: uri
                                 * @description An http(s) URL
                                 */
                                url: string;
                            }[];
                            reactions: {
                                /** @enum {string} */
                                kind: "like" | "celebrate" | "insightful" | "thanks";
                                count: number;
                                mine: boolean;
                            }[];
                            commentCount: number;
                            pinned: boolean;
                            locked: boolean;
                            /** @description Hidden by a moderator: only moderators and the author still read it */
                            hidden: boolean;
                            hiddenReason: string | null;
                            deleted: boolean;
                            edited: boolean;
                            canEdit: boolean;
                            canModerate: boolean;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            editedAt: string | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            lastActivityAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/posts/{id}/reactions/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Take back your reaction to a post */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                    /** @description like, celebrate, insightful, thanks */
                    kind: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            space: {
                                id: string;
                                name: string;
                            };
                            /** @description null once the author was removed */
                            author: {
                                id: string;
                                name: string;
                                organization: {
                                    id: string;
                                    name: string;
                                };
                            } | null;
                            title: string;
                            /** @description Markdown as written (empty when deleted or hidden from you) */
                            body: string;
                            /** @description Sanitized HTML rendering of the body */
                            html: string;
                            attachments: {
                                title: string;
                                /**
                                 * Format: uri
                                 * @description An http(s) URL
                                 */
                                url: string;
                            }[];
                            reactions: {
                                /** @enum {string} */
                                kind: "like" | "celebrate" | "insightful" | "thanks";
                                count: number;
                                mine: boolean;
                            }[];
                            commentCount: number;
                            pinned: boolean;
                            locked: boolean;
                            /** @description Hidden by a moderator: only moderators and the author still read it */
                            hidden: boolean;
                            hiddenReason: string | null;
                            deleted: boolean;
                            edited: boolean;
                            canEdit: boolean;
                            canModerate: boolean;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            editedAt: string | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            lastActivityAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/comments/{id}/reactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** React to a comment (once per kind) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        kind: "like" | "celebrate" | "insightful" | "thanks";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            postId: string;
                            parentId: string | null;
                            author: {
                                id: string;
                                name: string;
                                organization: {
                                    id: string;
                                    name: string;
                                };
                            } | null;
                            body: string;
                            html: string;
                            reactions: {
                                /** @enum {string} */
                                kind: "like" | "celebrate" | "insightful" | "thanks";
                                count: number;
                                mine: boolean;
                            }[];
                            hidden: boolean;
                            hiddenReason: string | null;
                            deleted: boolean;
                            edited: boolean;
                            canEdit: boolean;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            editedAt: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/comments/{id}/reactions/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Take back your reaction to a comment */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                    /** @description like, celebrate, insightful, thanks */
                    kind: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            postId: string;
                            parentId: string | null;
                            author: {
                                id: string;
                                name: string;
                                organization: {
                                    id: string;
                                    name: string;
                                };
                            } | null;
                            body: string;
                            html: string;
                            reactions: {
                                /** @enum {string} */
                                kind: "like" | "celebrate" | "insightful" | "thanks";
                                count: number;
                                mine: boolean;
                            }[];
                            hidden: boolean;
                            hiddenReason: string | null;
                            deleted: boolean;
                            edited: boolean;
                            canEdit: boolean;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            editedAt: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The moderation queue: reports in the spaces you moderate
         * @description Vendor admins and channel managers see every space; others only those they moderate.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    status?: "open" | "resolved" | "dismissed";
                    /** @description Opaque identifier */
                    spaceId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                space: {
                                    id: string;
                                    name: string;
                                };
                                /** @enum {string} */
                                targetType: "post" | "comment";
                                targetId: string;
                                postId: string;
                                excerpt: string;
                                targetAuthor: {
                                    id: string;
                                    name: string;
                                } | null;
                                reason: string;
                                reporter: {
                                    id: string;
                                    name: string;
                                };
                                /** @enum {string} */
                                status: "open" | "resolved" | "dismissed";
                                resolution: string | null;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                createdAt: string;
                                resolvedAt: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Report a post or comment to the space's moderators */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        targetType: "post" | "comment";
                        /** @description Opaque identifier */
                        targetId: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            space: {
                                id: string;
                                name: string;
                            };
                            /** @enum {string} */
                            targetType: "post" | "comment";
                            targetId: string;
                            postId: string;
                            excerpt: string;
                            targetAuthor: {
                                id: string;
                                name: string;
                            } | null;
                            reason: string;
                            reporter: {
                                id: string;
                                name: string;
                            };
                            /** @enum {string} */
                            status: "open" | "resolved" | "dismissed";
                            resolution: string | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            resolvedAt: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/{id}/resolve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a report: resolved (action taken) or dismissed */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        outcome: "resolved" | "dismissed";
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            space: {
                                id: string;
                                name: string;
                            };
                            /** @enum {string} */
                            targetType: "post" | "comment";
                            targetId: string;
                            postId: string;
                            excerpt: string;
                            targetAuthor: {
                                id: string;
                                name: string;
                            } | null;
                            reason: string;
                            reporter: {
                                id: string;
                                name: string;
                            };
                            /** @enum {string} */
                            status: "open" | "resolved" | "dismissed";
                            resolution: string | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                            resolvedAt: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/announcements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Announcements for you, newest first
         * @description Partners see those whose segment includes their organization; vendor staff see all, with read receipts.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    unread?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                title: string;
                                body: string;
                                html: string;
                                /** @description null: every partner */
                                segment: {
                                    partnerTypes: string[];
                                    programIds: string[];
                                    tierIds: string[];
                                    countries: string[];
                                    label: string;
                                } | null;
                                author: {
                                    id: string;
                                    name: string;
                                } | null;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                publishedAt: string;
                                /** @description Whether you marked it read */
                                read: boolean;
                                /** @description Vendor staff only: users in the segment and how many read it */
                                receipts: {
                                    audience: number;
                                    read: number;
                                } | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Broadcast an announcement to every partner or a segment (vendor)
         * @description Everyone in the segment is notified (and e-mailed unless they turned announcements off).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        /** @description Markdown. Mention a member with `@[Their name](user:<user id>)`; raw HTML is shown as text and unsafe links are dropped. */
                        body: string;
                        /** @description Omit for every partner */
                        segment?: {
                            /** @default [] */
                            partnerTypes?: string[];
                            /** @default [] */
                            programIds?: string[];
                            /** @default [] */
                            tierIds?: string[];
                            countries?: string[];
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            body: string;
                            html: string;
                            /** @description null: every partner */
                            segment: {
                                partnerTypes: string[];
                                programIds: string[];
                                tierIds: string[];
                                countries: string[];
                                label: string;
                            } | null;
                            author: {
                                id: string;
                                name: string;
                            } | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            publishedAt: string;
                            /** @description Whether you marked it read */
                            read: boolean;
                            /** @description Vendor staff only: users in the segment and how many read it */
                            receipts: {
                                audience: number;
                                read: number;
                            } | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/announcements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An announcement */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            body: string;
                            html: string;
                            /** @description null: every partner */
                            segment: {
                                partnerTypes: string[];
                                programIds: string[];
                                tierIds: string[];
                                countries: string[];
                                label: string;
                            } | null;
                            author: {
                                id: string;
                                name: string;
                            } | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            publishedAt: string;
                            /** @description Whether you marked it read */
                            read: boolean;
                            /** @description Vendor staff only: users in the segment and how many read it */
                            receipts: {
                                audience: number;
                                read: number;
                            } | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/announcements/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark an announcement read (a read receipt) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            body: string;
                            html: string;
                            /** @description null: every partner */
                            segment: {
                                partnerTypes: string[];
                                programIds: string[];
                                tierIds: string[];
                                countries: string[];
                                label: string;
                            } | null;
                            author: {
                                id: string;
                                name: string;
                            } | null;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            publishedAt: string;
                            /** @description Whether you marked it read */
                            read: boolean;
                            /** @description Vendor staff only: users in the segment and how many read it */
                            receipts: {
                                audience: number;
                                read: number;
                            } | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/announcements/{id}/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who read an announcement, and when (vendor) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                user: {
                                    id: string;
                                    name: string;
                                    organization: {
                                        id: string;
                                        name: string;
                                    };
                                };
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                readAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Webinars and meetups for you
         * @description upcoming: not yet over, soonest first; past: most recent first.
         */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    when?: "upcoming" | "past";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                title: string;
                                description: string;
                                html: string;
                                /** @enum {string} */
                                kind: "webinar" | "meetup" | "workshop";
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                startsAt: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                endsAt: string;
                                timeZone: string;
                                /** @description A place, or empty for online events */
                                location: string;
                                /** @description Shown to those going */
                                joinUrl: string | null;
                                capacity: number | null;
                                segment: {
                                    partnerTypes: string[];
                                    programIds: string[];
                                    tierIds: string[];
                                    countries: string[];
                                    label: string;
                                } | null;
                                cancelled: boolean;
                                going: number;
                                waitlisted: number;
                                myRsvp: {
                                    /** @enum {string} */
                                    status: "going" | "waitlisted" | "cancelled";
                                    waitlistPosition: number | null;
                                    attended: boolean;
                                } | null;
                                version: number;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                createdAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Schedule an event (vendor) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        /** @default  */
                        description?: string;
                        /** @enum {string} */
                        kind: "webinar" | "meetup" | "workshop";
                        /**
                         * Format: date-time
                         * @description ISO-8601 UTC timestamp
                         */
                        startsAt: string;
                        /**
                         * Format: date-time
                         * @description ISO-8601 UTC timestamp
                         */
                        endsAt: string;
                        /** @description IANA time zone the event is held in, e.g. Europe/Berlin */
                        timeZone: string;
                        /** @default  */
                        location?: string;
                        /**
                         * Format: uri
                         * @description An http(s) URL
                         */
                        joinUrl?: string;
                        /** @description Omit for no limit */
                        capacity?: number;
                        /** @description Partners matching every non-empty list (any entry within a list): e.g. partner type reseller and the Gold tier. Programs and tiers count through active enrollments. */
                        segment?: {
                            /** @default [] */
                            partnerTypes?: string[];
                            /** @default [] */
                            programIds?: string[];
                            /** @default [] */
                            tierIds?: string[];
                            countries?: string[];
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            description: string;
                            html: string;
                            /** @enum {string} */
                            kind: "webinar" | "meetup" | "workshop";
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            startsAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            endsAt: string;
                            timeZone: string;
                            /** @description A place, or empty for online events */
                            location: string;
                            /** @description Shown to those going */
                            joinUrl: string | null;
                            capacity: number | null;
                            segment: {
                                partnerTypes: string[];
                                programIds: string[];
                                tierIds: string[];
                                countries: string[];
                                label: string;
                            } | null;
                            cancelled: boolean;
                            going: number;
                            waitlisted: number;
                            myRsvp: {
                                /** @enum {string} */
                                status: "going" | "waitlisted" | "cancelled";
                                waitlistPosition: number | null;
                                attended: boolean;
                            } | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An event */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            description: string;
                            html: string;
                            /** @enum {string} */
                            kind: "webinar" | "meetup" | "workshop";
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            startsAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            endsAt: string;
                            timeZone: string;
                            /** @description A place, or empty for online events */
                            location: string;
                            /** @description Shown to those going */
                            joinUrl: string | null;
                            capacity: number | null;
                            segment: {
                                partnerTypes: string[];
                                programIds: string[];
                                tierIds: string[];
                                countries: string[];
                                label: string;
                            } | null;
                            cancelled: boolean;
                            going: number;
                            waitlisted: number;
                            myRsvp: {
                                /** @enum {string} */
                                status: "going" | "waitlisted" | "cancelled";
                                waitlistPosition: number | null;
                                attended: boolean;
                            } | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an event (vendor); those going are told when it moves */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The version you last read; a stale one answers 409 */
                        version: number;
                        title?: string;
                        description?: string;
                        /**
                         * Format: date-time
                         * @description ISO-8601 UTC timestamp
                         */
                        startsAt?: string;
                        /**
                         * Format: date-time
                         * @description ISO-8601 UTC timestamp
                         */
                        endsAt?: string;
                        /** @description IANA time zone the event is held in, e.g. Europe/Berlin */
                        timeZone?: string;
                        location?: string;
                        joinUrl?: string | null;
                        capacity?: number | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            description: string;
                            html: string;
                            /** @enum {string} */
                            kind: "webinar" | "meetup" | "workshop";
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            startsAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            endsAt: string;
                            timeZone: string;
                            /** @description A place, or empty for online events */
                            location: string;
                            /** @description Shown to those going */
                            joinUrl: string | null;
                            capacity: number | null;
                            segment: {
                                partnerTypes: string[];
                                programIds: string[];
                                tierIds: string[];
                                countries: string[];
                                label: string;
                            } | null;
                            cancelled: boolean;
                            going: number;
                            waitlisted: number;
                            myRsvp: {
                                /** @enum {string} */
                                status: "going" | "waitlisted" | "cancelled";
                                waitlistPosition: number | null;
                                attended: boolean;
                            } | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/events/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel an event (vendor); everyone who answered is told */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            description: string;
                            html: string;
                            /** @enum {string} */
                            kind: "webinar" | "meetup" | "workshop";
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            startsAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            endsAt: string;
                            timeZone: string;
                            /** @description A place, or empty for online events */
                            location: string;
                            /** @description Shown to those going */
                            joinUrl: string | null;
                            capacity: number | null;
                            segment: {
                                partnerTypes: string[];
                                programIds: string[];
                                tierIds: string[];
                                countries: string[];
                                label: string;
                            } | null;
                            cancelled: boolean;
                            going: number;
                            waitlisted: number;
                            myRsvp: {
                                /** @enum {string} */
                                status: "going" | "waitlisted" | "cancelled";
                                waitlistPosition: number | null;
                                attended: boolean;
                            } | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/{id}/rsvp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Answer an invitation: going (waitlisted when full) or cancelled
         * @description A seat freed by a cancellation goes to the first on the waitlist, who is told.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "going" | "cancelled";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            description: string;
                            html: string;
                            /** @enum {string} */
                            kind: "webinar" | "meetup" | "workshop";
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            startsAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            endsAt: string;
                            timeZone: string;
                            /** @description A place, or empty for online events */
                            location: string;
                            /** @description Shown to those going */
                            joinUrl: string | null;
                            capacity: number | null;
                            segment: {
                                partnerTypes: string[];
                                programIds: string[];
                                tierIds: string[];
                                countries: string[];
                                label: string;
                            } | null;
                            cancelled: boolean;
                            going: number;
                            waitlisted: number;
                            myRsvp: {
                                /** @enum {string} */
                                status: "going" | "waitlisted" | "cancelled";
                                waitlistPosition: number | null;
                                attended: boolean;
                            } | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/{id}/attendees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who answered, with waitlist order and attendance (vendor) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                user: {
                                    id: string;
                                    name: string;
                                    organization: {
                                        id: string;
                                        name: string;
                                    };
                                };
                                /** @enum {string} */
                                status: "going" | "waitlisted" | "cancelled";
                                waitlistPosition: number | null;
                                attended: boolean;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                respondedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/{id}/attendance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark who attended (vendor); attendance counts toward engagement */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        userIds: string[];
                        /** @default true */
                        attended?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            title: string;
                            description: string;
                            html: string;
                            /** @enum {string} */
                            kind: "webinar" | "meetup" | "workshop";
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            startsAt: string;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            endsAt: string;
                            timeZone: string;
                            /** @description A place, or empty for online events */
                            location: string;
                            /** @description Shown to those going */
                            joinUrl: string | null;
                            capacity: number | null;
                            segment: {
                                partnerTypes: string[];
                                programIds: string[];
                                tierIds: string[];
                                countries: string[];
                                label: string;
                            } | null;
                            cancelled: boolean;
                            going: number;
                            waitlisted: number;
                            myRsvp: {
                                /** @enum {string} */
                                status: "going" | "waitlisted" | "cancelled";
                                waitlistPosition: number | null;
                                attended: boolean;
                            } | null;
                            version: number;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events/{id}/ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The event as an iCalendar (.ics) file */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The member directory: people who opted in */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    /** @description Name, headline, bio or organization */
                    q?: string;
                    expertise?: string;
                    /** @description ISO 3166-1 alpha-2 country code */
                    country?: string;
                    /** @description Partner type code, e.g. reseller */
                    partnerType?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                name: string;
                                headline: string;
                                bio: string;
                                expertise: string[];
                                organization: {
                                    id: string;
                                    name: string;
                                    country: string | null;
                                    partnerTypes: string[];
                                    /** @description Whether its marketplace profile is published (link to it) */
                                    hasProfile: boolean;
                                };
                                /** @description The member's engagement points, trailing 90 days */
                                engagement: number;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A member's directory entry */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            headline: string;
                            bio: string;
                            expertise: string[];
                            organization: {
                                id: string;
                                name: string;
                                country: string | null;
                                partnerTypes: string[];
                                /** @description Whether its marketplace profile is published (link to it) */
                                hasProfile: boolean;
                            };
                            /** @description The member's engagement points, trailing 90 days */
                            engagement: number;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/members/{id}/introduce": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Introduce me: both of you are notified, with each other’s names and a link */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            headline: string;
                            bio: string;
                            expertise: string[];
                            organization: {
                                id: string;
                                name: string;
                                country: string | null;
                                partnerTypes: string[];
                                /** @description Whether its marketplace profile is published (link to it) */
                                hasProfile: boolean;
                            };
                            /** @description The member's engagement points, trailing 90 days */
                            engagement: number;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/member-profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your directory entry */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            listed: boolean;
                            headline: string;
                            bio: string;
                            expertise: string[];
                            version: number;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Opt in to (or out of) the directory and say what you know */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        listed: boolean;
                        /** @default  */
                        headline?: string;
                        /** @default  */
                        bio?: string;
                        /** @default [] */
                        expertise?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            listed: boolean;
                            headline: string;
                            bio: string;
                            expertise: string[];
                            version: number;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your notifications, newest first, with the unread count */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                    unread?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /** @enum {string} */
                                kind: "mention" | "reply" | "comment" | "announcement" | "event" | "introduction" | "moderation" | "space" | "referral" | "connection" | "deal";
                                title: string;
                                body: string;
                                /** @description Path in the web app */
                                link: string;
                                actor: {
                                    id: string;
                                    name: string;
                                } | null;
                                read: boolean;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                createdAt: string;
                            }[];
                            nextCursor: string | null;
                            unreadCount: number;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many notifications are unread (for the bell) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            unread: number;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark every notification read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            unread: number;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Which notifications you also get by e-mail */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Kinds also sent by email */
                            email: {
                                [key: string]: boolean;
                            };
                            /** @description The daily digest e-mail */
                            digest: boolean;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Choose e-mail per kind, and the daily digest */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email?: {
                            [key: string]: boolean;
                        };
                        digest?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Kinds also sent by email */
                            email: {
                                [key: string]: boolean;
                            };
                            /** @description The daily digest e-mail */
                            digest: boolean;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a notification read */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description Opaque identifier */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            kind: "mention" | "reply" | "comment" | "announcement" | "event" | "introduction" | "moderation" | "space" | "referral" | "connection" | "deal";
                            title: string;
                            body: string;
                            /** @description Path in the web app */
                            link: string;
                            actor: {
                                id: string;
                                name: string;
                            } | null;
                            read: boolean;
                            /**
                             * Format: date-time
                             * @description ISO-8601 UTC timestamp
                             */
                            createdAt: string;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read the audit log, newest first
         * @description Every state change with its actor, before and after. Read-only: entries are never edited or deleted.
         */
        get: {
            parameters: {
                query?: {
                    action?: string;
                    entityType?: string;
                    entityId?: string;
                    actorUserId?: string;
                    /** @description Entries at or after this instant */
                    from?: string;
                    /** @description Entries before this instant */
                    to?: string;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                /**
                                 * Format: date-time
                                 * @description ISO-8601 UTC timestamp
                                 */
                                at: string;
                                actor: {
                                    userId: string | null;
                                    name: string | null;
                                    organizationId: string | null;
                                };
                                action: string;
                                entityType: string;
                                entityId: string | null;
                                before: {
                                    [key: string]: unknown;
                                } | null;
                                after: {
                                    [key: string]: unknown;
                                } | null;
                                requestId: string | null;
                                ip: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The process is up */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ok";
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The database is reachable and migrated */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            status: "ready";
                        };
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details (RFC 9457): `errors` names every bad field */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description RFC 9457 problem details */
        Problem: {
            type: string;
            title: string;
            status: number;
            detail?: string;
            instance?: string;
            errors?: {
                path: string;
                message: string;
            }[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
