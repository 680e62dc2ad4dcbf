/** the date (YYYY-MM-DD) in Norway at an ISO instant */
export const todayInOslo = (iso: string) => new Date(iso).toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
