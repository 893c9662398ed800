/** Where the CRM sends the person back after a grant: this app's callback screen (register it on the app). */
export const callbackUrl = () => `${window.location.origin}/settings/crm/callback`;
