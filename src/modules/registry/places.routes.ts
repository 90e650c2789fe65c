import type { FastifyInstance } from 'fastify';

/** Estates, buildings, houses, households and organisations: being written. */
export async function placesRoutes(_fastify: FastifyInstance) {}
