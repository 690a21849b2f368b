/**
 * `iop-widgets/client`: the typed client and the contract, for pages and servers that talk to a
 * center's IOP API without the elements.
 */
export { createClient, createIdempotencyKey, parseContract } from './client/client.js';
export { clientFor, registerClient } from './client/shared-clients.js';
export type { ClientOptions, CallInput, RequestOptions, IopClient } from './client/client.js';
export { ClientError, isClientError } from './client/errors.js';
export type { ClientErrorKind } from './client/errors.js';
export { endpoints, endpointPath } from './api/endpoints.js';
export type { EndpointName, WriteEndpointName, BodyOf, QueryOf, ResponseOf } from './api/endpoints.js';
export * as schemas from './api/schemas.js';
export type * from './api/schemas.js';
