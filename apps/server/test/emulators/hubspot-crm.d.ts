import { type ObjectType, type Portal, type PropertyDef } from './hubspot-data';
export declare const correlationId: () => `${string}-${string}-${string}-${string}-${string}`;
export declare const error: (message: string, category: string, extra?: Record<string, unknown>) => {
    status: string;
    message: string;
    correlationId: `${string}-${string}-${string}-${string}-${string}`;
    category: string;
};
export declare class HttpError extends Error {
    readonly status: number;
    readonly body: unknown;
    readonly headers: Record<string, string>;
    constructor(status: number, body: unknown, headers?: Record<string, string>);
}
export declare function crmApi(portal: Portal): {
    objects: (method: string, t: ObjectType, rest: string[], q: URLSearchParams, body: unknown) => [number, unknown?];
    associations: (method: string, rest: string[], q: URLSearchParams, body: unknown) => [number, unknown?];
    pipelines: () => {
        id: string;
        label: string;
        displayOrder: number;
        archived: boolean;
        createdAt: string;
        updatedAt: string;
        stages: {
            id: "appointmentscheduled" | "qualifiedtobuy" | "presentationscheduled" | "decisionmakerboughtin" | "contractsent" | "closedwon" | "closedlost";
            label: "Appointment Scheduled" | "Qualified To Buy" | "Presentation Scheduled" | "Decision Maker Bought-In" | "Contract Sent" | "Closed Won" | "Closed Lost";
            displayOrder: number;
            archived: boolean;
            createdAt: string;
            updatedAt: string;
            metadata: {
                probability: "0.2" | "0.4" | "0.6" | "0.8" | "0.9" | "1.0" | "0.0";
                isClosed: string;
            };
        }[];
    }[];
    propertyView: (t: ObjectType, p: PropertyDef) => {
        modificationMetadata: {
            archivable: boolean;
            readOnlyDefinition: boolean;
            readOnlyValue: boolean;
        };
        referencedObjectType?: string | undefined;
        name: string;
        label: string;
        type: "string" | "number" | "date" | "datetime" | "enumeration" | "bool" | "phone_number";
        fieldType: string;
        description: string;
        groupName: string;
        options: {
            displayOrder: number;
            hidden: boolean;
            label: string;
            value: string;
        }[];
        hubspotDefined: boolean;
        calculated: boolean;
        hasUniqueValue: boolean;
        showCurrencySymbol: boolean;
    };
    objectOr404: (name: string) => ObjectType;
};
