/** What staff read out and type: the first eight characters of a record's id (the queue searches by this start). */
export const recordReference = (id: string): string => id.slice(0, 8);
