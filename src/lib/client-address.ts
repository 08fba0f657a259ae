/**
 * The client's address as Express resolved it (with TRUST_PROXY), handed to Payload so that limits
 * inside Payload (GraphQL login, per-account limits) key on the same address. Express always
 * overwrites it, so a client cannot choose it.
 */
export const CLIENT_ADDRESS_HEADER = 'x-mentoria-client-address'
