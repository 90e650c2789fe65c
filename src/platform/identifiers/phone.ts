/** A mainland mobile number: 11 digits starting with 1 (spaces, dashes and +86 are tolerated). */
export function parseMobile(raw: string): { phone: string } | { problem: 'format' } {
  const phone = raw.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
  return /^1\d{10}$/.test(phone) ? { phone } : { problem: 'format' };
}
