export type ObjectType = 'companies' | 'deals' | 'contacts';
export declare const objectTypes: ObjectType[];
/** HubSpot accepts `deal`, `deals` and the object type id `0-3` in paths. */
export declare function objectTypeOf(name: string): ObjectType | null;
export declare const typeIds: Record<ObjectType, string>;
/** Contacts keep their modification time in `lastmodifieddate`; the other objects in `hs_lastmodifieddate`. */
export declare const lastModifiedProperty: (t: ObjectType) => "lastmodifieddate" | "hs_lastmodifieddate";
export interface PropertyDef {
    name: string;
    label: string;
    type: 'string' | 'number' | 'date' | 'datetime' | 'enumeration' | 'bool' | 'phone_number';
    fieldType: string;
    options?: {
        label: string;
        value: string;
    }[];
    hubspotDefined?: boolean;
    readOnly?: boolean;
    showCurrencySymbol?: boolean;
    referencedObjectType?: string;
}
export declare const defaultStages: readonly [readonly ["appointmentscheduled", "Appointment Scheduled", "0.2"], readonly ["qualifiedtobuy", "Qualified To Buy", "0.4"], readonly ["presentationscheduled", "Presentation Scheduled", "0.6"], readonly ["decisionmakerboughtin", "Decision Maker Bought-In", "0.8"], readonly ["contractsent", "Contract Sent", "0.9"], readonly ["closedwon", "Closed Won", "1.0"], readonly ["closedlost", "Closed Lost", "0.0"]];
export interface StoredObject {
    id: string;
    properties: Record<string, string | null>;
    createdAt: number;
    updatedAt: number;
    archived: boolean;
    archivedAt: number | null;
}
export interface LabelDef {
    category: 'HUBSPOT_DEFINED' | 'USER_DEFINED';
    typeId: number;
    label: string | null;
    name?: string;
}
/** A refusal HubSpot answers with 400 and its classic `Property values were not valid` body. */
export declare class ValidationError extends Error {
    readonly invalid: {
        name: string;
        error: string;
        message: string;
    }[];
    constructor(invalid: {
        name: string;
        error: string;
        message: string;
    }[]);
    body(): {
        status: string;
        message: string;
        correlationId: `${string}-${string}-${string}-${string}-${string}`;
        category: string;
    };
}
export declare class Portal {
    readonly portalId: number;
    readonly objects: Record<ObjectType, Map<string, StoredObject>>;
    readonly properties: Record<ObjectType, PropertyDef[]>;
    /** deal→company label definitions; company→deal ones are their inverses (typeId + 1). */
    readonly dealCompanyLabels: LabelDef[];
    /** `${dealId}:${companyId}` → the association type ids on that pair. */
    readonly dealCompany: Map<string, Set<number>>;
    private nextId;
    private nextLabelId;
    /** Milliseconds; the test can pin it so that several records share a modification time. */
    clock: () => number;
    constructor(portalId: number);
    property(t: ObjectType, name: string): PropertyDef | undefined;
    validate(t: ObjectType, props: Record<string, unknown>): void;
    /** Stores a write as HubSpot does: every value as a string, dates as HubSpot writes them back. */
    private normalize;
    private stamp;
    /** `at` lets a test seed history (and equal timestamps); the API always uses the clock. */
    create(t: ObjectType, props: Record<string, unknown>, at?: number): StoredObject;
    update(t: ObjectType, id: string, props: Record<string, unknown>, at?: number): StoredObject | null;
    archive(t: ObjectType, id: string, at?: number): boolean;
    live(t: ObjectType, id: string): StoredObject | undefined;
    /** What an API response shows: the asked-for properties plus the ones HubSpot always returns. */
    view(t: ObjectType, o: StoredObject, props: string[] | null): {
        archivedAt?: string | undefined;
        id: string;
        properties: Record<string, string | null>;
        createdAt: string;
        updatedAt: string;
        archived: boolean;
    };
    labels(): LabelDef[];
    createLabel(label: string, name: string): LabelDef | null;
}
/** HubSpot search: OR of filter groups, each an AND of filters; values compared by the property's type. */
export declare function matches(portal: Portal, t: ObjectType, o: StoredObject, filterGroups: FilterGroup[]): boolean;
export interface Filter {
    propertyName: string;
    operator: string;
    value?: string;
    highValue?: string;
    values?: string[];
}
export interface FilterGroup {
    filters?: Filter[];
}
export type Sort = string | {
    propertyName: string;
    direction?: 'ASCENDING' | 'DESCENDING';
};
export declare function sortObjects(portal: Portal, t: ObjectType, list: StoredObject[], sorts: Sort[]): StoredObject[];
