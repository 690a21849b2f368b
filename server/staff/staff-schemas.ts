/**
 * Wire shapes of the previous release's staff routes; they now live with the rest of the staff
 * contract in src/api/staff-schemas.ts (shared with the console and openapi.json).
 */
export { StaffCardPhoto, StaffListQuery, StaffRecord, StaffRecordKind, StaffRecordList, StaffRecordSummary } from '../../src/api/staff-schemas.js';
