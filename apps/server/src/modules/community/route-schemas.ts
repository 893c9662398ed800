import { z } from 'zod';

export const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
export const none = { 204: z.null() };
